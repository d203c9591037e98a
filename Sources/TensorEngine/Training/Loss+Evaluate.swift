import Glibc

extension Loss {
  /// The same loss taken from the logits (the last layer before its softmax or sigmoid).
  /// Keras's TensorFlow backend does this by itself when the model ends in a softmax or a
  /// sigmoid activation (it finds the logits behind the activation), so a model that ends in
  /// `activation="softmax"` trains on `log_softmax` without clipping: the gradient with respect
  /// to the logits is then simply `softmax - labels` per sample. MSE and MAE have no logits form
  /// and stay as they are.
  public var onLogits: Loss {
    switch self {
    case .sparseCategoricalCrossentropy: return .sparseCategoricalCrossentropy(fromLogits: true)
    case .categoricalCrossentropy: return .categoricalCrossentropy(fromLogits: true)
    case .binaryCrossentropy: return .binaryCrossentropy(fromLogits: true)
    case .meanSquaredError, .meanAbsoluteError: return self
    }
  }

  /// The loss of a batch and its gradient with respect to `predictions`, in float32 with the
  /// loss summed in Double. `labels` as Keras takes them: class numbers for the sparse loss,
  /// the predictions' shape otherwise.
  public func evaluate(predictions: Tensor, labels: Tensor) throws -> LossResult {
    let problem = try LossProblem(
      loss: self, predictions: predictions.shape, labels: labels.shape, label: { Double(labels.values[$0]) })
    var total = 0.0
    let gradient = try Tensor.make(operation: name, shape: predictions.shape) { out in
      predictions.values.withUnsafeBufferPointer { p in
        labels.values.withUnsafeBufferPointer { t in
          guard let p = p.baseAddress, let t = t.baseAddress else { return }
          total = fill(out, p, t, problem)
        }
      }
    }
    return LossResult(value: Float(total / Double(problem.samples)), gradient: gradient)
  }

  /// Writes the gradient into `g` and returns the sum of the per-sample losses.
  private func fill(
    _ g: UnsafeMutablePointer<Float>, _ p: UnsafePointer<Float>, _ t: UnsafePointer<Float>, _ problem: LossProblem
  ) -> Double {
    let width = problem.width
    let count = problem.samples * width
    let perSample = 1 / Float(problem.samples)
    // Losses that average over the last axis first: each element weighs 1 / count.
    let perElement = 1 / Float(count)
    var total = 0.0
    switch self {
    case .sparseCategoricalCrossentropy(let fromLogits), .categoricalCrossentropy(let fromLogits):
      let sparse = problem.classes.isEmpty == false
      for s in 0..<problem.samples {
        let row = s * width
        let label: (Int) -> Float = sparse ? { $0 == problem.classes[s] ? 1 : 0 } : { t[row + $0] }
        if fromLogits {
          total += Self.softmaxCrossEntropy(logits: p + row, label: label, gradient: g + row, width: width, scale: perSample)
        } else {
          total += Self.crossEntropy(probabilities: p + row, label: label, gradient: g + row, width: width, scale: perSample)
        }
      }
      return total
    case .binaryCrossentropy(let fromLogits):
      let low = Loss.epsilon
      let high = 1 - Loss.epsilon
      for i in 0..<count {
        let target = t[i]
        if fromLogits {
          // max(z, 0) - z·t + log(1 + e^-|z|): TensorFlow's stable form, no clipping.
          let z = p[i]
          total += Double(max(z, 0) - z * target + log1pf(expf(-abs(z))))
          g[i] = (1 / (1 + expf(-z)) - target) * perElement
        } else {
          let q = p[i]
          let c = min(max(q, low), high)
          total -= Double(target * logf(c) + (1 - target) * logf(1 - c))
          g[i] = q < low || q > high ? 0 : (-target / c + (1 - target) / (1 - c)) * perElement
        }
      }
      return total / Double(width)
    case .meanSquaredError:
      for i in 0..<count {
        let d = p[i] - t[i]
        total += Double(d * d)
        g[i] = 2 * d * perElement
      }
      return total / Double(width)
    case .meanAbsoluteError:
      for i in 0..<count {
        let d = p[i] - t[i]
        total += Double(abs(d))
        // The derivative of |d| at 0 is taken as 0, as TensorFlow's `sign` gives it.
        g[i] = (d > 0 ? perElement : d < 0 ? -perElement : 0)
      }
      return total / Double(width)
    }
  }

  /// One row: `logsumexp(z)·Σt - Σ t·z`, gradient `softmax(z)·Σt - t`.
  @inline(__always)
  private static func softmaxCrossEntropy(
    logits z: UnsafePointer<Float>, label: (Int) -> Float, gradient g: UnsafeMutablePointer<Float>, width: Int,
    scale: Float
  ) -> Double {
    var largest = -Float.infinity
    for k in 0..<width { largest = max(largest, z[k]) }
    var sum: Float = 0
    for k in 0..<width {
      let e = expf(z[k] - largest)
      g[k] = e
      sum += e
    }
    let logSum = largest + logf(sum)
    var labelTotal: Float = 0
    var loss: Float = 0
    for k in 0..<width {
      let target = label(k)
      labelTotal += target
      loss += target * (logSum - z[k])
    }
    let inverse = 1 / sum
    for k in 0..<width { g[k] = (g[k] * inverse * labelTotal - label(k)) * scale }
    return Double(loss)
  }

  /// One row from probabilities: normalised by its sum, clipped, then `-Σ t·log(c)`. The
  /// gradient goes back through the clip (zero outside it) and the normalisation.
  @inline(__always)
  private static func crossEntropy(
    probabilities p: UnsafePointer<Float>, label: (Int) -> Float, gradient g: UnsafeMutablePointer<Float>,
    width: Int, scale: Float
  ) -> Double {
    let low = Loss.epsilon
    let high = 1 - Loss.epsilon
    var sum: Float = 0
    for k in 0..<width { sum += p[k] }
    let inverse = 1 / sum
    var loss: Float = 0
    // g'_k = ∂loss/∂q_k for the normalised q = p / sum; then ∂loss/∂p_j = (g'_j - Σ g'_k q_k) / sum.
    var weighted: Float = 0
    for k in 0..<width {
      let q = p[k] * inverse
      let c = min(max(q, low), high)
      let target = label(k)
      loss -= target * logf(c)
      let dq = q < low || q > high ? 0 : -target / c
      g[k] = dq
      weighted += dq * q
    }
    for k in 0..<width { g[k] = (g[k] - weighted) * inverse * scale }
    return Double(loss)
  }
}
