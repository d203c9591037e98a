/// The colormap and value ranges a stack of maps is drawn with. The automatic choices live
/// here, once, for pictures and tables alike:
/// - colormap: the diverging map when any value is negative, else gray;
/// - range: pixel data (the caller says so through `RenderOptions.pixelRange`: the values
///   cannot tell a photo from a small grid of whole numbers) keeps its 0...255 or 0...1 under
///   a sequential map, so 128 is mid-gray however dark the image; other data spans its own
///   values (`ValueRange.fitting`): 0...max when never negative, centred on zero when signed.
struct ColorScale {
  let colormap: Colormap
  /// The range of every tile, nil when each tile has its own.
  let shared: ValueRange?
  /// One range per tile.
  let ranges: [ValueRange]
  /// Per tile, whether every value is 0 (a channel a ReLU switched off entirely).
  let allZero: [Bool]

  init(stack: TileStack, colormap requested: Colormap?, scale: RenderScale, pixelRange: ValueRange? = nil)
    throws(RenderError)
  {
    let extremes = stack.finiteExtremes()
    let lowest = extremes.map(\.min).min() ?? .infinity
    let highest = extremes.map(\.max).max() ?? -.infinity
    let colormap = requested ?? (lowest < 0 ? .diverging : .gray)
    let diverging = colormap.isDiverging
    var shared: ValueRange?
    switch scale {
    case .fixed(let range):
      shared = try ColorScale.validated(range)
    case .shared:
      if let pixelRange, !diverging {
        shared = pixelRange
      } else {
        shared = ValueRange.fitting(minimum: lowest, maximum: highest, diverging: diverging)
      }
    case .perChannel:
      shared = nil
    }
    self.colormap = colormap
    self.shared = shared
    allZero = extremes.map { $0.min == 0 && $0.max == 0 }
    if let shared {
      ranges = Array(repeating: shared, count: stack.tiles.count)
    } else {
      ranges = extremes.map { ValueRange.fitting(minimum: $0.min, maximum: $0.max, diverging: diverging) }
    }
  }

  /// An explicit range, refused unless both ends are finite and increasing.
  static func validated(_ range: ValueRange) throws(RenderError) -> ValueRange {
    guard range.low.isFinite, range.high.isFinite, range.low < range.high else {
      throw .invalidScale(min: range.low, max: range.high)
    }
    return range
  }
}
