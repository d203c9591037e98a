extension Ops {
  /// ∂loss/∂x of `reshape` and `flatten`: they only relabel the values, so the gradient is
  /// the output gradient given the input's shape back (no values move).
  // outputGradient (...) → input gradient inputShape
  public static func reshapeBackward(outputGradient: Tensor, inputShape: [Int]) throws -> Tensor {
    guard Tensor.count(of: inputShape) == outputGradient.count else {
      throw TensorError.shapeMismatch(operation: "reshape backward", lhs: inputShape, rhs: outputGradient.shape)
    }
    return Tensor(shape: inputShape, values: outputGradient.values)
  }

  /// ∂loss/∂x_i of `add`: each input receives the whole output gradient (shared storage,
  /// copied only if written).
  // outputGradient (...) → inputCount gradients (...)
  public static func addBackward(outputGradient: Tensor, inputCount: Int) throws -> [Tensor] {
    guard inputCount >= 1 else {
      throw TensorError.invalidArgument(operation: "add backward", reason: .noInput)
    }
    return Array(repeating: outputGradient, count: inputCount)
  }

  /// ∂loss/∂x_i of `concatenate`: the output gradient split along `axis` back into pieces of
  /// the inputs' sizes there.
  // outputGradient (..., sum sizes, ...) → one gradient (..., sizes[i], ...) per input
  public static func concatenateBackward(outputGradient: Tensor, sizes: [Int], axis: Int) throws -> [Tensor] {
    let (a, outer, _, inner) = try Tensor.split(outputGradient.shape, around: axis, operation: "concat backward")
    guard sizes.allSatisfy({ $0 >= 0 }), sizes.reduce(0, +) == outputGradient.shape[a] else {
      throw TensorError.invalidArgument(
        operation: "concat backward",
        reason: .piecesDoNotMakeAxis(sizes: sizes, axis: outputGradient.shape[a]))
    }
    let row = outputGradient.shape[a] * inner
    var column = 0
    return try sizes.map { size in
      var shape = outputGradient.shape
      shape[a] = size
      let width = size * inner
      let start = column
      column += width
      return try Tensor.make(operation: "concat backward", shape: shape) { out in
        outputGradient.values.withUnsafeBufferPointer { dy in
          guard let dy = dy.baseAddress else { return }
          for o in 0..<outer { (out + o * width).update(from: dy + o * row + start, count: width) }
        }
      }
    }
  }
}
