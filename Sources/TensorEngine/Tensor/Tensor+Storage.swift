extension Tensor {
  /// A rank-0 tensor holding one number.
  public init(scalar: Float) { self.init(shape: [], values: [scalar]) }

  /// A tensor whose storage is checked against the memory budget and then written by
  /// `fill`, which must set every element: the storage is not zeroed first, because a
  /// feature map is overwritten anyway and zeroing it costs a pass over memory.
  static func make(
    operation: String, shape: [Int], workspaceBytes: Int = 0,
    _ fill: (UnsafeMutablePointer<Float>) throws -> Void
  ) throws -> Tensor {
    try MemoryBudget.check(operation: operation, shape: shape, extraBytes: workspaceBytes)
    let count = Tensor.count(of: shape)
    let values = try [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      initialized = count
      guard count > 0, let base = buffer.baseAddress else { return }
      try fill(base)
    }
    return Tensor(shape: shape, values: values)
  }

  /// A zero-filled tensor, checked against the memory budget.
  public static func zeros(_ shape: [Int], operation: String = "zeros") throws -> Tensor {
    try filled(shape, with: 0, operation: operation)
  }

  /// A tensor of one repeated value, checked against the memory budget.
  public static func filled(_ shape: [Int], with value: Float, operation: String = "full") throws -> Tensor {
    try MemoryBudget.check(operation: operation, shape: shape)
    return Tensor(shape: shape, repeating: value)
  }

  /// `axis` counted from the end when negative, or `axisOutOfRange`.
  static func normalize(axis: Int, rank: Int, operation: String) throws -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    guard resolved >= 0, resolved < rank else {
      throw TensorError.axisOutOfRange(operation: operation, axis: axis, rank: rank)
    }
    return resolved
  }

  /// A shape seen around one axis: `outer` blocks, each of `size` steps along the axis, each
  /// step `inner` contiguous values (so that element k along the axis sits at
  /// `(o · size + k) · inner + i`).
  static func split(_ shape: [Int], around axis: Int, operation: String) throws -> (axis: Int, outer: Int, size: Int, inner: Int) {
    let a = try normalize(axis: axis, rank: shape.count, operation: operation)
    return (a, shape[..<a].reduce(1, *), shape[a], shape[(a + 1)...].reduce(1, *))
  }

  /// Row-major strides of `shape`, in elements.
  public static func strides(of shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
      strides[axis] = step
      step *= shape[axis]
    }
    return strides
  }

  /// True when both shapes match and every value is within `tolerance`, absolute or
  /// relative: the language's `==` on tensors.
  public func isClose(to other: Tensor, tolerance: Float = 1e-5) -> Bool {
    guard shape == other.shape else { return false }
    for (a, b) in zip(values, other.values) {
      if a == b { continue }
      let difference = abs(a - b)
      if !(difference <= tolerance || difference <= tolerance * max(abs(a), abs(b))) { return false }
    }
    return true
  }
}
