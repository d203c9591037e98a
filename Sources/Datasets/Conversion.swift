import TensorEngine

/// Decoded values turned into a tensor's floats in slices, looking at the cancellation flag
/// between slices, so that the stop button ends the conversion of a large file at once.
enum Conversion {
  /// Values converted between two looks at the flag (well under a millisecond of work).
  static let slice = 1 << 16

  static func floats(count: Int, cancellation: CancellationFlag?, _ value: (Int) -> Float) throws -> [Float] {
    var values: [Float] = []
    values.reserveCapacity(count)
    for first in stride(from: 0, to: count, by: slice) {
      if cancellation?.isCancelled == true { throw TensorError.cancelled }
      for i in first..<min(first + slice, count) { values.append(value(i)) }
    }
    return values
  }
}
