import Glibc

/// Batch normalization in training mode, forward: what it gives and what backward needs.
public struct BatchNormalizationTraining: Sendable {
  /// `gamma · (x - mean) / √(variance + ε) + beta` with the batch's own statistics.
  public var output: Tensor
  /// The batch's mean and (biased, as Keras's `ops.moments`) variance per channel.
  public var mean: Tensor
  public var variance: Tensor
  /// `moving · momentum + batch · (1 - momentum)`, the layer's new moving statistics.
  public var movingMean: Tensor
  public var movingVariance: Tensor
  /// `1 / √(variance + ε)` per channel, kept for the backward pass.
  public var inverseDeviation: Tensor
}

/// The gradients of batch normalization in training mode.
public struct BatchNormalizationGradients: Sendable {
  public var input: Tensor
  public var gamma: Tensor
  public var beta: Tensor
}

extension Ops {
  /// Batch normalization as Keras's layer computes it inside `fit`: statistics over every
  /// axis but the last (the channels), the biased variance (divided by the count, not
  /// count - 1, also for the moving variance), momentum 0.99 and ε = 1e-3 by default.
  /// Inference (`batchNormalization`) uses the moving statistics instead.
  // input (..., C), gamma/beta/movingMean/movingVariance (C) → output (..., C) and statistics (C)
  public static func batchNormalizationTraining(
    _ input: Tensor, gamma: Tensor? = nil, beta: Tensor? = nil, movingMean: Tensor, movingVariance: Tensor,
    momentum: Float = 0.99, epsilon: Float = 1e-3
  ) throws -> BatchNormalizationTraining {
    let name = "batch_normalization"
    guard let channels = input.shape.last, input.count > 0 else {
      throw TensorError.invalidShape(operation: name, shape: input.shape, expected: .valuePerChannel)
    }
    for parameter in [gamma, beta, movingMean, movingVariance].compactMap({ $0 }) where parameter.shape != [channels] {
      throw TensorError.shapeMismatch(operation: name, lhs: input.shape, rhs: parameter.shape)
    }
    let rows = input.count / channels
    // Two passes in Double: float32 sums over a whole batch of feature maps would lose digits.
    var sum = [Double](repeating: 0, count: channels)
    var squares = [Double](repeating: 0, count: channels)
    input.values.withUnsafeBufferPointer { x in
      for r in 0..<rows {
        for c in 0..<channels { sum[c] += Double(x[r * channels + c]) }
      }
      for c in 0..<channels { sum[c] /= Double(rows) }
      for r in 0..<rows {
        for c in 0..<channels {
          let d = Double(x[r * channels + c]) - sum[c]
          squares[c] += d * d
        }
      }
    }
    let mean = sum.map(Float.init)
    let variance = squares.map { Float($0 / Double(rows)) }
    let inverse = variance.map { 1 / sqrtf($0 + epsilon) }
    var scale = [Float](repeating: 1, count: channels)
    var shift = [Float](repeating: 0, count: channels)
    for c in 0..<channels {
      scale[c] = (gamma?.values[c] ?? 1) * inverse[c]
      shift[c] = (beta?.values[c] ?? 0) - mean[c] * scale[c]
    }
    let output = try Tensor.make(operation: name, shape: input.shape) { out in
      input.values.withUnsafeBufferPointer { x in
        for r in 0..<rows {
          for c in 0..<channels { out[r * channels + c] = x[r * channels + c] * scale[c] + shift[c] }
        }
      }
    }
    let keep = momentum
    return BatchNormalizationTraining(
      output: output, mean: Tensor(shape: [channels], values: mean),
      variance: Tensor(shape: [channels], values: variance),
      movingMean: Tensor(shape: [channels], values: (0..<channels).map { movingMean.values[$0] * keep + mean[$0] * (1 - keep) }),
      movingVariance: Tensor(
        shape: [channels], values: (0..<channels).map { movingVariance.values[$0] * keep + variance[$0] * (1 - keep) }),
      inverseDeviation: Tensor(shape: [channels], values: inverse))
  }

  /// The gradients of `batchNormalizationTraining` (the batch statistics depend on x too):
  /// with x̂ = (x - mean)·inv and M values per channel, ∂beta = Σ dy, ∂gamma = Σ dy·x̂,
  /// ∂x = gamma·inv / M · (M·dy - ∂beta - x̂·∂gamma).
  // input (..., C), outputGradient (..., C), gamma (C), forward → gradients for input (..., C), gamma (C), beta (C)
  public static func batchNormalizationBackward(
    input: Tensor, outputGradient: Tensor, gamma: Tensor? = nil, forward: BatchNormalizationTraining
  ) throws -> BatchNormalizationGradients {
    let name = "batch_normalization backward"
    guard input.shape == outputGradient.shape, let channels = input.shape.last, input.count > 0 else {
      throw TensorError.shapeMismatch(operation: name, lhs: input.shape, rhs: outputGradient.shape)
    }
    for parameter in [gamma, forward.mean, forward.inverseDeviation].compactMap({ $0 }) where parameter.shape != [channels] {
      throw TensorError.shapeMismatch(operation: name, lhs: input.shape, rhs: parameter.shape)
    }
    let rows = input.count / channels
    let mean = forward.mean.values
    let inverse = forward.inverseDeviation.values
    var dBeta = [Double](repeating: 0, count: channels)
    var dGamma = [Double](repeating: 0, count: channels)
    input.values.withUnsafeBufferPointer { x in
      outputGradient.values.withUnsafeBufferPointer { dy in
        for r in 0..<rows {
          for c in 0..<channels {
            let g = Double(dy[r * channels + c])
            dBeta[c] += g
            dGamma[c] += g * Double((x[r * channels + c] - mean[c]) * inverse[c])
          }
        }
      }
    }
    let count = Float(rows)
    let factor = (0..<channels).map { (gamma?.values[$0] ?? 1) * inverse[$0] / count }
    let beta32 = dBeta.map(Float.init)
    let gamma32 = dGamma.map(Float.init)
    let dx = try Tensor.make(operation: name, shape: input.shape) { out in
      input.values.withUnsafeBufferPointer { x in
        outputGradient.values.withUnsafeBufferPointer { dy in
          for r in 0..<rows {
            for c in 0..<channels {
              let i = r * channels + c
              let normalized = (x[i] - mean[c]) * inverse[c]
              out[i] = factor[c] * (count * dy[i] - beta32[c] - normalized * gamma32[c])
            }
          }
        }
      }
    }
    return BatchNormalizationGradients(
      input: dx, gamma: Tensor(shape: [channels], values: gamma32), beta: Tensor(shape: [channels], values: beta32))
  }
}
