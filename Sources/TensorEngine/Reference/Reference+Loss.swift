import Glibc

extension Reference {
  /// Every loss written out in Double, value and gradient apart: the value as Keras's formula
  /// reads (one-hot labels built explicitly, clip then log), the gradient derived by hand, so
  /// that central differences of the one check the other.
  public static func loss(_ loss: Loss, predictions: DoubleTensor, labels: DoubleTensor) throws -> Double {
    let problem = try LossProblem(
      loss: loss, predictions: predictions.shape, labels: labels.shape, label: { labels.values[$0] })
    let eps = Double(Loss.epsilon)
    let p = predictions.values
    let w = problem.width
    var perSample = [Double](repeating: 0, count: problem.samples)
    for s in 0..<problem.samples {
      let row = Array(p[(s * w)..<((s + 1) * w)])
      let target = targetRow(loss, labels, problem, sample: s)
      switch loss {
      case .sparseCategoricalCrossentropy(let fromLogits), .categoricalCrossentropy(let fromLogits):
        if fromLogits {
          let largest = row.max() ?? 0
          let logSum = largest + log(row.reduce(0) { $0 + exp($1 - largest) })
          perSample[s] = (0..<w).reduce(0) { $0 - target[$1] * (row[$1] - logSum) }
        } else {
          let sum = row.reduce(0, +)
          perSample[s] = (0..<w).reduce(0) { $0 - target[$1] * log(min(max(row[$1] / sum, eps), 1 - eps)) }
        }
      case .binaryCrossentropy(let fromLogits):
        let terms = (0..<w).map { k -> Double in
          let q = fromLogits ? 1 / (1 + exp(-row[k])) : min(max(row[k], eps), 1 - eps)
          return -(target[k] * log(q) + (1 - target[k]) * log(1 - q))
        }
        perSample[s] = terms.reduce(0, +) / Double(w)
      case .meanSquaredError:
        perSample[s] = (0..<w).reduce(0) { $0 + (row[$1] - target[$1]) * (row[$1] - target[$1]) } / Double(w)
      case .meanAbsoluteError:
        perSample[s] = (0..<w).reduce(0) { $0 + abs(row[$1] - target[$1]) } / Double(w)
      }
    }
    return perSample.reduce(0, +) / Double(problem.samples)
  }

  /// The gradient of `loss` with respect to the predictions, by the chain rule written out.
  public static func lossGradient(_ loss: Loss, predictions: DoubleTensor, labels: DoubleTensor) throws -> DoubleTensor {
    let problem = try LossProblem(
      loss: loss, predictions: predictions.shape, labels: labels.shape, label: { labels.values[$0] })
    let eps = Double(Loss.epsilon)
    let w = problem.width
    let n = Double(problem.samples)
    var gradient = DoubleTensor(shape: predictions.shape)
    for s in 0..<problem.samples {
      let row = Array(predictions.values[(s * w)..<((s + 1) * w)])
      let target = targetRow(loss, labels, problem, sample: s)
      var g = [Double](repeating: 0, count: w)
      switch loss {
      case .sparseCategoricalCrossentropy(let fromLogits), .categoricalCrossentropy(let fromLogits):
        let labelSum = target.reduce(0, +)
        if fromLogits {
          let largest = row.max() ?? 0
          let exps = row.map { exp($0 - largest) }
          let sum = exps.reduce(0, +)
          for k in 0..<w { g[k] = (exps[k] / sum * labelSum - target[k]) / n }
        } else {
          // loss = -Σ t_k log(clip(p_k / S)), S = Σ p: through the clip, then the quotient rule.
          let sum = row.reduce(0, +)
          let dq = (0..<w).map { k -> Double in
            let q = row[k] / sum
            return q < eps || q > 1 - eps ? 0 : -target[k] / q
          }
          for j in 0..<w {
            var total = dq[j] / sum
            for k in 0..<w { total -= dq[k] * row[k] / (sum * sum) }
            g[j] = total / n
          }
        }
      case .binaryCrossentropy(let fromLogits):
        for k in 0..<w {
          if fromLogits {
            g[k] = (1 / (1 + exp(-row[k])) - target[k]) / (n * Double(w))
          } else {
            let q = row[k]
            g[k] = q < eps || q > 1 - eps ? 0 : (-target[k] / q + (1 - target[k]) / (1 - q)) / (n * Double(w))
          }
        }
      case .meanSquaredError:
        for k in 0..<w { g[k] = 2 * (row[k] - target[k]) / (n * Double(w)) }
      case .meanAbsoluteError:
        for k in 0..<w {
          let d = row[k] - target[k]
          g[k] = (d > 0 ? 1 : d < 0 ? -1 : 0) / (n * Double(w))
        }
      }
      for k in 0..<w { gradient.values[s * w + k] = g[k] }
    }
    return gradient
  }

  /// One sample's labels as a row of the predictions' width (one-hot for class numbers).
  private static func targetRow(_ loss: Loss, _ labels: DoubleTensor, _ problem: LossProblem, sample: Int) -> [Double] {
    let w = problem.width
    if case .sparseCategoricalCrossentropy = loss {
      return (0..<w).map { $0 == problem.classes[sample] ? 1 : 0 }
    }
    return Array(labels.values[(sample * w)..<((sample + 1) * w)])
  }
}
