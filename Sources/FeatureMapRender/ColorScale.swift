/// The colormap and value ranges a stack of maps is drawn with. The automatic choices live
/// here, once, for pictures and tables alike:
/// - colormap: the diverging map when any value is negative, else gray;
/// - range: pixel data (integers in 0...255) keeps 0...255 under a sequential map, so 128 is
///   mid-gray however dark the image; other data spans its own values, centred on zero for
///   a diverging map.
struct ColorScale {
  let colormap: Colormap
  /// The range of every tile, nil when each tile has its own.
  let shared: ValueRange?
  /// One range per tile.
  let ranges: [ValueRange]

  init(stack: TileStack, colormap requested: Colormap?, scale: RenderScale) throws(RenderError) {
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
      let pixelData = !diverging && lowest >= 0 && highest <= 255 && highest > 1 && stack.looksLikePixels()
      shared =
        pixelData
        ? ValueRange(low: 0, high: 255) : ValueRange.fitting(minimum: lowest, maximum: highest, diverging: diverging)
    case .perChannel:
      shared = nil
    }
    self.colormap = colormap
    self.shared = shared
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
