/// Where everything goes on a contact sheet of tiles: title, grid, tile labels, legend,
/// notes. All geometry lives here so drawing code only reads positions.
struct SheetLayout {
  static let margin = 10
  static let gap = 10
  static let textScale = 2
  static let lineHeight = BitmapFont.glyphHeight * textScale
  /// Thin maps (a row vector) are stretched so the strip is at least this thick.
  static let minThickness = 24
  static let legendBarHeight = 12
  /// Beyond this many tiles, tiles are drawn at half the usual size.
  static let manyTiles = 64

  let tileWidth: Int
  let tileHeight: Int
  /// True when a map has more values than its tile has pixels, so some are not drawn.
  let downsampled: Bool
  let columns: Int
  let rows: Int
  let cellWidth: Int
  let labelScale: Int
  let labelHeight: Int
  let titleHeight: Int
  let gridY: Int
  let legendY: Int
  let legendWidth: Int
  let notesY: Int
  let width: Int
  let height: Int

  /// - Parameters:
  ///   - count: tiles drawn; `sourceHeight`/`sourceWidth`: the size of each map.
  ///   - columns: wanted column count (one row of channels); nil picks a near-square grid.
  ///   - strictColumns: keep `columns` even if tiles must shrink (a filter matrix, whose rows mean something).
  ///   - legendLabels: the texts under the legend bar, so the bar can be wide enough for them.
  init(
    count: Int, sourceHeight h: Int, sourceWidth w: Int, columns forced: Int?, strictColumns: Bool = false,
    labels: [String],
    title: String?, legendLabels: [String]?, notes: [String], options: RenderOptions, defaultMinTile: Int
  ) {
    let maxWidth = max(64, options.maxWidth)
    let gap = SheetLayout.gap
    var cols = max(1, min(count, forced ?? SheetLayout.bestColumns(count)))
    // Magnification: explicit, or enough for the target tile size; row vectors get fat cells.
    // A lone map is the picture itself, so it gets twice the size of a tile in a grid.
    // Many maps (up to 256) get half-size tiles, so a whole layer fits in a few screens.
    let many = count > SheetLayout.manyTiles
    let target = (options.minTileSize ?? defaultMinTile) * (count == 1 ? 2 : 1) / (many ? 2 : 1)
    var factor = options.upscale ?? (target + max(h, w) - 1) / max(h, w)
    if options.upscale == nil, min(h, w) == 1 { factor = max(factor, min(32, maxWidth / max(h, w))) }
    factor = max(1, factor)
    // Fit the width: fewer columns first if tiles would get tiny, then a smaller factor, then downsampling.
    func fitWidth(_ c: Int) -> Int { (maxWidth - (c - 1) * gap) / c }
    let smallest = min(w * factor, many ? 48 : 96)
    if !strictColumns, fitWidth(cols) < smallest { cols = max(1, min(cols, (maxWidth + gap) / (smallest + gap))) }
    let room = max(1, fitWidth(cols))
    var tw: Int
    var th: Int
    if options.upscale != nil || room >= w * factor {
      tw = w * factor
      th = h * factor
    } else if room >= w {
      factor = room / w
      tw = w * factor
      th = h * factor
    } else {
      tw = room
      th = max(1, (h * room + w / 2) / w)
    }
    // Very tall maps shrink to at most twice the width limit, keeping their proportions.
    let maxHeight = 2 * maxWidth
    if options.upscale == nil, th > maxHeight {
      tw = max(1, tw * maxHeight / th)
      th = maxHeight
    }
    downsampled = tw < w || th < h
    tw = max(tw, min(SheetLayout.minThickness, maxWidth))
    th = max(th, SheetLayout.minThickness)
    tileWidth = tw
    tileHeight = th
    columns = cols
    rows = (count + cols - 1) / cols

    let longestLabel = labels.map(\.count).max() ?? 0
    labelScale =
      longestLabel == 0
      ? 0 : (BitmapFont.width(of: String(repeating: "0", count: longestLabel), scale: 2) <= tw ? 2 : 1)
    labelHeight = labelScale == 0 ? 0 : BitmapFont.glyphHeight * labelScale + 6
    cellWidth = max(
      tw, labelScale == 0 ? 0 : BitmapFont.width(of: String(repeating: "0", count: longestLabel), scale: labelScale))

    let margin = SheetLayout.margin
    titleHeight = title == nil ? 0 : SheetLayout.lineHeight + 10
    gridY = margin + titleHeight + 1  // the 1 leaves room for the tile border
    let gridWidth = cols * cellWidth + (cols - 1) * gap
    let gridHeight = rows * (th + labelHeight) + (rows - 1) * gap
    var bottom = gridY + gridHeight + 1
    if let legendLabels {
      let labelRoom = legendLabels.map { BitmapFont.width(of: $0, scale: SheetLayout.textScale) }.reduce(0, +)
      legendWidth = max(min(max(gridWidth, 200), 320), labelRoom + 16 * legendLabels.count)
      legendY = bottom + 12
      bottom = legendY + SheetLayout.legendBarHeight + 6 + SheetLayout.lineHeight
    } else {
      legendWidth = 0
      legendY = bottom
    }
    notesY = bottom + 8
    if !notes.isEmpty { bottom = notesY + notes.count * (SheetLayout.lineHeight + 4) }
    let texts = (title.map { [$0] } ?? []) + notes
    let textWidth = texts.map { BitmapFont.width(of: $0, scale: SheetLayout.textScale) }.max() ?? 0
    width = max(gridWidth + 2, legendWidth, min(textWidth, maxWidth)) + 2 * margin
    height = bottom + margin
  }

  /// Top-left pixel of tile `index` (row-major).
  func tileOrigin(_ index: Int) -> (x: Int, y: Int) {
    let col = index % columns
    let row = index / columns
    let x = SheetLayout.margin + 1 + col * (cellWidth + SheetLayout.gap) + (cellWidth - tileWidth) / 2
    return (x, gridY + row * (tileHeight + labelHeight + SheetLayout.gap))
  }

  /// The column count, near the square root, that leaves the fewest empty cells
  /// (8 → 4x2, 64 → 8x8, 10 → 5x2); ties go to fewer columns.
  static func bestColumns(_ count: Int) -> Int {
    guard count > 3 else { return max(1, count) }
    var root = 1
    while root * root < count { root += 1 }
    var best = root
    var bestEmpty = Int.max
    for c in root...min(count, 2 * root) {
      let empty = c * ((count + c - 1) / c) - count
      if empty < bestEmpty {
        best = c
        bestEmpty = empty
      }
    }
    return best
  }
}
