import Glibc

extension Reference {
  /// Training-mode batch normalization over every axis but the last, in Double: the output
  /// and the batch's mean and biased variance.
  public static func batchNormalizationTraining(
    _ x: DoubleTensor, gamma: DoubleTensor, beta: DoubleTensor, epsilon: Double = 1e-3
  ) -> (output: DoubleTensor, mean: [Double], variance: [Double]) {
    let c = x.shape.last!
    let m = x.count / c
    var mean = [Double](repeating: 0, count: c)
    var variance = [Double](repeating: 0, count: c)
    for ch in 0..<c {
      let values = (0..<m).map { x.values[$0 * c + ch] }
      mean[ch] = values.reduce(0, +) / Double(m)
      variance[ch] = values.reduce(0) { $0 + ($1 - mean[ch]) * ($1 - mean[ch]) } / Double(m)
    }
    var out = x
    for i in 0..<x.count {
      let ch = i % c
      out.values[i] = gamma.values[ch] * (x.values[i] - mean[ch]) / (variance[ch] + epsilon).squareRoot() + beta.values[ch]
    }
    return (out, mean, variance)
  }

  /// Its gradients for x, gamma and beta, by the chain rule through the mean and variance:
  /// ∂x_i = gamma·inv·(dy_i - mean(dy) - x̂_i·mean(dy·x̂)).
  public static func batchNormalizationBackward(
    _ x: DoubleTensor, gamma: DoubleTensor, outputGradient dy: DoubleTensor, epsilon: Double = 1e-3
  ) -> (input: DoubleTensor, gamma: [Double], beta: [Double]) {
    let c = x.shape.last!
    let m = x.count / c
    var dx = DoubleTensor(shape: x.shape)
    var dGamma = [Double](repeating: 0, count: c)
    var dBeta = [Double](repeating: 0, count: c)
    for ch in 0..<c {
      let rows = Array(0..<m)
      let values = rows.map { x.values[$0 * c + ch] }
      let g = rows.map { dy.values[$0 * c + ch] }
      let mean = values.reduce(0, +) / Double(m)
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m)
      let inverse = 1 / (variance + epsilon).squareRoot()
      let normalized = values.map { ($0 - mean) * inverse }
      dBeta[ch] = g.reduce(0, +)
      dGamma[ch] = zip(g, normalized).reduce(0) { $0 + $1.0 * $1.1 }
      for r in rows {
        dx.values[r * c + ch] =
          gamma.values[ch] * inverse * (g[r] - dBeta[ch] / Double(m) - normalized[r] * dGamma[ch] / Double(m))
      }
    }
    return (dx, dGamma, dBeta)
  }

  /// Training-mode dropout for a given mask of kept (1) and dropped (0) values.
  public static func dropout(_ x: DoubleTensor, kept: DoubleTensor, rate: Double) -> DoubleTensor {
    DoubleTensor(shape: x.shape, values: zip(x.values, kept.values).map { $1 != 0 ? $0 / (1 - rate) : 0 })
  }
}
