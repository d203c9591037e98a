import Glibc

extension Ops {
  /// Batch normalization at inference, on the last axis (the channels):
  /// `gamma * (x - mean) / sqrt(variance + epsilon) + beta`. Keras's default epsilon is 0.001.
  // input (..., C), mean/variance/gamma/beta (C) → output (..., C)
  public static func batchNormalization(
    _ input: Tensor, mean: Tensor, variance: Tensor, gamma: Tensor? = nil, beta: Tensor? = nil,
    epsilon: Float = 1e-3
  ) throws -> Tensor {
    guard let channels = input.shape.last else {
      throw TensorError.invalidShape(operation: "batch_normalization", shape: input.shape, expected: .atLeastOneAxis)
    }
    for parameter in [mean, variance, gamma, beta].compactMap({ $0 }) where parameter.shape != [channels] {
      throw TensorError.shapeMismatch(operation: "batch_normalization", lhs: input.shape, rhs: parameter.shape)
    }
    // Fold the four vectors into one scale and one shift per channel.
    var scale = [Float](repeating: 1, count: channels)
    var shift = [Float](repeating: 0, count: channels)
    for c in 0..<channels {
      scale[c] = (gamma?.values[c] ?? 1) / sqrtf(variance.values[c] + epsilon)
      shift[c] = (beta?.values[c] ?? 0) - mean.values[c] * scale[c]
    }
    return try Tensor.make(operation: "batch_normalization", shape: input.shape) { out in
      input.values.withUnsafeBufferPointer { x in
        let pixels = channels == 0 ? 0 : x.count / channels
        for p in 0..<pixels {
          for c in 0..<channels { out[p * channels + c] = x[p * channels + c] * scale[c] + shift[c] }
        }
      }
    }
  }

  /// Dropout at inference is the identity (Keras scales during training instead). The rate
  /// is still checked, so a mistyped `Dropout(5)` is caught.
  public static func dropout(_ input: Tensor, rate: Float) throws -> Tensor {
    guard rate >= 0, rate < 1 else {
      throw TensorError.invalidArgument(operation: "dropout", reason: .dropoutRate(rate))
    }
    return input
  }

  /// The sum of several tensors of one shape (Keras's `Add`, a residual connection).
  public static func add(_ tensors: [Tensor]) throws -> Tensor {
    guard var total = tensors.first else {
      throw TensorError.invalidArgument(operation: "add", reason: .noTensor)
    }
    for tensor in tensors.dropFirst() {
      guard tensor.shape == total.shape else {
        throw TensorError.shapeMismatch(operation: "add", lhs: total.shape, rhs: tensor.shape)
      }
      total = try total.combined(with: tensor, .add)
    }
    return total
  }
}
