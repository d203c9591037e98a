import TensorEngine

/// The scale of pixel data: bytes `0...255` as files and data sets hold them, or `0...1` after
/// the usual `/ 255`. A picture of pixels is drawn on this scale, so a dark photo stays dark
/// and 128 is mid-gray; anything computed from pixels is drawn on its own range instead.
public enum PixelScale: Sendable, Equatable {
  case bytes
  case unit

  /// The values the scale spans.
  public var bounds: ClosedRange<Float> {
    switch self {
    case .bytes: return 0...255
    case .unit: return 0...1
    }
  }

  /// The scale after `tensor op number`, or nil when the result is no longer pixel data.
  /// `/ 255` turns bytes into `0...1` and `* 255` back; any other operation with a number keeps
  /// the scale while every value stays on it (`x / 8 + 160` is a faint picture, still on
  /// `0...255`), since that is what a learner who adjusts brightness or contrast means.
  func after(_ op: BinaryOperator, _ number: Float, numberFirst: Bool, result: Tensor) -> PixelScale? {
    if self == .bytes, op == .divide, !numberFirst, number == 255 { return .unit }
    if self == .unit, op == .multiply, number == 255 { return .bytes }
    let range = bounds
    for v in result.values where !(range.contains(v)) { return nil }
    return self
  }
}

extension Value {
  /// The pixel scale a tensor value carries, if any.
  var pixelScale: PixelScale? {
    if case .tensor(_, let origin) = self { return origin?.pixelScale }
    return nil
  }

  /// A tensor derived from `source` without computing new values (an index, a reshape, a
  /// transpose): it keeps the source's pixel scale, and nothing else of its origin.
  static func rearranged(_ t: Tensor, from source: Value) -> Value {
    .tensor(t, origin: source.pixelScale.map(TensorOrigin.pixels))
  }
}
