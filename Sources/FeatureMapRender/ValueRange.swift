/// The interval of values a colormap spans, and the one place values become colour
/// levels: a value `v` in `[low, high]` goes to level `round((v - low) / (high - low) * (levels - 1))`,
/// values outside are clamped, NaN gets its own marker.
public struct ValueRange: Sendable, Equatable {
  public var low: Float
  public var high: Float

  public init(low: Float, high: Float) {
    self.low = low
    self.high = high
  }

  /// The range a colormap should span for data whose finite values lie in `[minimum, maximum]`:
  /// centred on zero for a diverging map; `0...maximum` for data that is never negative, so
  /// zero is black and the largest value white (the 10 | 0 image has a white half, and 3 of
  /// 0...8 reads as 3/8 of the way); otherwise the data's own span. Never empty, so a constant
  /// map still draws (zeros black in gray, white in a diverging map).
  static func fitting(minimum: Float, maximum: Float, diverging: Bool) -> ValueRange {
    guard minimum <= maximum else { return ValueRange(low: diverging ? -1 : 0, high: 1) }  // no finite values
    if diverging {
      let m = max(abs(minimum), abs(maximum))
      return m > 0 ? ValueRange(low: -m, high: m) : ValueRange(low: -1, high: 1)
    }
    if minimum >= 0 { return ValueRange(low: 0, high: maximum > 0 ? maximum : 1) }
    if minimum < maximum { return ValueRange(low: minimum, high: maximum) }
    if minimum > 0 { return ValueRange(low: 0, high: minimum) }
    if minimum < 0 { return ValueRange(low: minimum, high: 0) }
    return ValueRange(low: 0, high: 1)
  }
}

/// A `ValueRange` prepared for the inner loop: one multiply-add and a clamp per value.
struct LevelMapping: Sendable {
  let low: Float
  let factor: Float
  let top: Float
  let missing: UInt8

  init(range: ValueRange, levels: Int, missing: UInt8) {
    low = range.low
    factor = Float(levels - 1) / (range.high - range.low)
    top = Float(levels - 1)
    self.missing = missing
  }

  @inline(__always)
  func level(_ v: Float) -> UInt8 {
    let x = (v - low) * factor + 0.5
    guard x >= 0 else { return v.isNaN ? missing : 0 }  // NaN fails every comparison
    return UInt8(min(x, top))
  }
}
