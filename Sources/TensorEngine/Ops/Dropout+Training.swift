/// Which values a training-mode dropout kept (1) or dropped (0), and its rate: the backward
/// pass needs the same mask.
public struct DropoutMask: Sendable {
  public let kept: Tensor
  public let rate: Float
}

extension Ops {
  /// Dropout as Keras's layer applies it inside `fit`: each value is kept with probability
  /// 1 - rate (a draw of `generator` below 1 - rate) and divided by 1 - rate, so the
  /// expected output equals the input; the rest become 0. Inference (`dropout`) is the
  /// identity.
  // input (...) → output (...), mask (...)
  public static func dropoutTraining(
    _ input: Tensor, rate: Float, generator: inout SeededGenerator
  ) throws -> (output: Tensor, mask: DropoutMask) {
    _ = try dropout(input, rate: rate)
    let keep = 1 - rate
    var draws = generator
    let kept = try Tensor.make(operation: "dropout", shape: input.shape) { mask in
      for i in 0..<input.count { mask[i] = rate == 0 || draws.nextUnitFloat() < keep ? 1 : 0 }
    }
    generator = draws
    let mask = DropoutMask(kept: kept, rate: rate)
    return (try apply(mask, to: input, operation: "dropout"), mask)
  }

  /// ∂loss/∂x of training-mode dropout: the output gradient through the same mask and scale.
  // outputGradient (...), mask (...) → input gradient (...)
  public static func dropoutBackward(outputGradient: Tensor, mask: DropoutMask) throws -> Tensor {
    try apply(mask, to: outputGradient, operation: "dropout backward")
  }

  /// `x / (1 - rate)` where kept, 0 elsewhere.
  private static func apply(_ mask: DropoutMask, to x: Tensor, operation: String) throws -> Tensor {
    guard x.shape == mask.kept.shape else {
      throw TensorError.shapeMismatch(operation: operation, lhs: mask.kept.shape, rhs: x.shape)
    }
    let keep = 1 - mask.rate
    return try Tensor.make(operation: operation, shape: x.shape) { out in
      x.values.withUnsafeBufferPointer { v in
        mask.kept.values.withUnsafeBufferPointer { m in
          for i in 0..<v.count { out[i] = m[i] != 0 ? v[i] / keep : 0 }
        }
      }
    }
  }
}
