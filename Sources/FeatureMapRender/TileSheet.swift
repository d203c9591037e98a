import Dispatch

/// Draws a set of tiles as one contact sheet (title, tiles with labels, legend, notes)
/// and encodes it as a palette PNG. Shared by feature maps and filters.
struct TileSheet {
  /// Pictures larger than this are refused rather than drawn.
  static let pixelLimit = 40_000_000

  var tiles: [TileSource]
  var notes: [String]
  var options: RenderOptions
  /// Forced column count; nil for a near-square grid.
  var columns: Int?
  var defaultMinTile: Int
  var hiddenTiles: Int

  func render() throws(RenderError) -> RenderedImage {
    let extremes = tiles.map { $0.finiteExtremes() }
    let lowest = extremes.map(\.min).min() ?? .infinity
    let highest = extremes.map(\.max).max() ?? -.infinity
    let colormap = options.colormap ?? (lowest < 0 ? .diverging : .gray)
    let ranges: [ValueRange]
    var sharedRange: ValueRange?
    switch options.scale {
    case .fixed(let range):
      guard range.low.isFinite, range.high.isFinite, range.low < range.high else {
        throw .invalidScale(min: range.low, max: range.high)
      }
      sharedRange = range
    case .shared:
      // Pixel data keeps its absolute brightness: 128 is mid-gray however dark the image is.
      let pixelData = !colormap.isDiverging && lowest >= 0 && highest <= 255 && highest > 1 && tiles.allSatisfy { $0.looksLikePixels() }
      sharedRange =
        pixelData ? ValueRange(low: 0, high: 255) : ValueRange.fitting(minimum: lowest, maximum: highest, diverging: colormap.isDiverging)
    case .perChannel:
      sharedRange = nil
    }
    if let sharedRange {
      ranges = Array(repeating: sharedRange, count: tiles.count)
    } else {
      ranges = extremes.map { ValueRange.fitting(minimum: $0.min, maximum: $0.max, diverging: colormap.isDiverging) }
    }

    var notes = self.notes
    if sharedRange == nil { notes.append("each tile scaled to its own range") }
    let legendLabels: [String]? = options.legend ? SheetLegend.labels(range: sharedRange, diverging: colormap.isDiverging) : nil
    let labels = options.tileLabels && tiles.count > 1 ? tiles.map(\.label) : []
    let first = tiles.first
    let title = options.title.map { SheetLegend.fit($0, maxWidth: options.maxWidth) }
    let drawnNotes = notes.map { SheetLegend.fit($0, maxWidth: options.maxWidth) }
    let layout = SheetLayout(
      count: tiles.count, sourceHeight: first?.height ?? 1, sourceWidth: first?.width ?? 1, columns: columns,
      labels: labels, title: title, legendLabels: legendLabels, notes: drawnNotes, options: options,
      defaultMinTile: defaultMinTile)
    guard layout.width * layout.height <= TileSheet.pixelLimit else {
      throw .imageTooLarge(width: layout.width, height: layout.height, limit: TileSheet.pixelLimit)
    }

    let palette = Palette(colormap: colormap)
    var canvas = Canvas(width: layout.width, height: layout.height, fill: palette.paper)
    if let title {
      canvas.text(title, x: SheetLayout.margin, y: SheetLayout.margin, scale: SheetLayout.textScale, with: palette.ink)
    }
    drawTiles(on: &canvas, layout: layout, ranges: ranges, palette: palette)
    for index in tiles.indices {
      let (x, y) = layout.tileOrigin(index)
      canvas.frame(x: x, y: y, width: layout.tileWidth, height: layout.tileHeight, with: palette.border)
      if !labels.isEmpty {
        let centre = x + layout.tileWidth / 2
        canvas.text(labels[index], centerX: centre, y: y + layout.tileHeight + 4, scale: layout.labelScale, with: palette.muted)
      }
    }
    if let legendLabels {
      SheetLegend.draw(on: &canvas, labels: legendLabels, layout: layout, palette: palette)
    }
    for (i, note) in drawnNotes.enumerated() {
      let y = layout.notesY + i * (SheetLayout.lineHeight + 4)
      canvas.text(note, x: SheetLayout.margin, y: y, scale: SheetLayout.textScale, with: palette.muted)
    }
    // Run-length matching only: half the time of the default strategy on palette sheets,
    // and no larger, because upscaled tiles and the Up filter leave long runs of zeros.
    let png = try PNGEncoder(runLengthOnly: true).encode(
      pixels: canvas.pixels, width: canvas.width, height: canvas.height, format: .indexed(palette: palette.colors))
    return RenderedImage(
      png: png, width: canvas.width, height: canvas.height, shownTiles: tiles.count, hiddenTiles: hiddenTiles,
      colormap: colormap, range: sharedRange, notes: notes)
  }

  /// Colour-maps and resamples every tile into its rectangle, tiles spread over the cores.
  private func drawTiles(on canvas: inout Canvas, layout: SheetLayout, ranges: [ValueRange], palette: Palette) {
    let width = canvas.width
    let tiles = self.tiles
    canvas.pixels.withUnsafeMutableBufferPointer { buffer in
      let target = SharedPixels(base: buffer)
      DispatchQueue.concurrentPerform(iterations: tiles.count) { index in
        let (x, y) = layout.tileOrigin(index)
        let mapping = LevelMapping(range: ranges[index], levels: palette.levels, missing: palette.missing)
        TileResampler.draw(
          tiles[index], mapping: mapping, into: target, canvasWidth: width, x: x, y: y,
          width: layout.tileWidth, height: layout.tileHeight)
      }
    }
  }
}

/// The canvas as raw memory for `concurrentPerform`: each iteration writes a disjoint
/// rectangle, which is what makes sharing the pointer safe.
struct SharedPixels: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<UInt8>
}

/// Nearest-neighbour resampling of one tile into a rectangle of palette levels.
enum TileResampler {
  /// Output pixel `(oy, ox)` shows source `(oy * h / outH, ox * w / outW)`; rows that repeat
  /// the previous source row are copied rather than mapped again.
  static func draw(
    _ tile: TileSource, mapping: LevelMapping, into target: SharedPixels, canvasWidth: Int, x: Int, y: Int,
    width outW: Int, height outH: Int
  ) {
    let columnOffsets = (0..<outW).map { tile.start + ($0 * tile.width / outW) * tile.step }
    guard let base = target.base.baseAddress else { return }
    tile.values.withUnsafeBufferPointer { v in
      var previous = -1
      for oy in 0..<outH {
        let sy = oy * tile.height / outH
        let row = base + (y + oy) * canvasWidth + x
        if sy == previous {
          row.update(from: row - canvasWidth, count: outW)
          continue
        }
        previous = sy
        let rowStart = sy * tile.rowStep
        for ox in 0..<outW { row[ox] = mapping.level(v[rowStart + columnOffsets[ox]]) }
      }
    }
  }
}
