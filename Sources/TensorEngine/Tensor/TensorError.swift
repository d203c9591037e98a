/// Everything an engine operation can refuse, as data. The language maps each case to a
/// learner-facing error (`ShapeError`, `ResourceError`, `KeyboardInterrupt`, `ValueError`);
/// `description` is the one place where the engine's wording lives.
public enum TensorError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Two operands whose shapes do not fit together (broadcasting, matmul, concat, add).
  case shapeMismatch(operation: String, lhs: [Int], rhs: [Int])
  /// One operand whose shape the operation cannot take; `expected` says what it wants.
  case invalidShape(operation: String, shape: [Int], expected: ShapeExpectation)
  /// A sliding window larger than its (padded) input.
  case windowDoesNotFit(operation: String, input: [Int], window: [Int])
  /// An axis outside `-rank ..< rank`.
  case axisOutOfRange(operation: String, axis: Int, rank: Int)
  /// An index outside `-size ..< size`.
  case indexOutOfRange(operation: String, index: Int, size: Int)
  /// The result (or its workspace) would take more memory than the budget allows.
  case resourceLimit(operation: String, shape: [Int], bytes: Int, limit: Int)
  /// A numeric argument the operation cannot use (a zero stride, a negative padding, ...).
  case invalidArgument(operation: String, reason: ArgumentProblem)
  /// The cancellation flag was raised while the operation ran.
  case cancelled

  public var description: String {
    switch self {
    case .shapeMismatch(let operation, let lhs, let rhs):
      return "\(operation): shapes \(formatShape(lhs)) and \(formatShape(rhs)) do not fit together"
    case .invalidShape(let operation, let shape, let expected):
      return "\(operation) expects \(expected); got \(formatShape(shape))"
    case .windowDoesNotFit(let operation, let input, let window):
      return "\(operation): a \(formatSize(window)) window does not fit in a \(formatSize(input)) input; "
        + "use a smaller window or padding=\"same\""
    case .axisOutOfRange(let operation, let axis, let rank):
      return "\(operation): axis \(axis) does not exist in a tensor with \(rank) dimension\(rank == 1 ? "" : "s")"
    case .indexOutOfRange(let operation, let index, let size):
      return "\(operation): index \(index) is out of range for a dimension of size \(size)"
    case .resourceLimit(let operation, let shape, let bytes, let limit):
      return "\(operation): a result of shape \(formatShape(shape)) needs \(formatBytes(bytes)), "
        + "more than the memory limit of \(formatBytes(limit))"
    case .invalidArgument(let operation, let reason):
      return "\(operation): \(reason)"
    case .cancelled:
      return "interrupted"
    }
  }
}

/// Python's tuple notation, which is what the learner types: `(4, 4)`, `(3,)`, `()`.
public func formatShape(_ shape: [Int]) -> String {
  shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

/// `6x6`, `3x3`: how the chapters write a window or an image size.
func formatSize(_ size: [Int]) -> String { size.map(String.init).joined(separator: "x") }

/// Bytes in the largest binary unit that keeps the number at least 1, one decimal.
public func formatBytes(_ bytes: Int) -> String {
  let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
  var value = Double(bytes)
  var unit = 0
  while value >= 1024, unit < units.count - 1 {
    value /= 1024
    unit += 1
  }
  if unit == 0 { return "\(bytes) bytes" }
  let tenths = (value * 10).rounded() / 10
  return "\(tenths) \(units[unit])"
}
