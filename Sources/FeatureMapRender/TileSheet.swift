import TensorEngine

/// Draws a set of tiles as one contact sheet (title, tiles with labels, legend, notes)
/// and encodes it as a palette PNG. Shared by feature maps and filters.
struct TileSheet {
  /// Pictures larger than this are refused rather than drawn.
  static let pixelLimit = 40_000_000
  /// Written across a map whose values are all 0.
  static let zeroMark = "all 0"

  var stack: TileStack
  var notes: [String]
  var options: RenderOptions
  /// Wanted column count; nil for a near-square grid.
  var columns: Int?
  /// Keep `columns` even when tiles must shrink to fit.
  var strictColumns = false
  var defaultMinTile: Int
  var hiddenTiles: Int

  func render() throws(RenderError) -> RenderedImage {
    let tiles = stack.tiles
    let scale = try ColorScale(
      stack: stack, colormap: options.colormap, scale: options.scale, pixelRange: options.pixelRange)
    let colormap = scale.colormap
    let sharedRange = scale.shared
    let ranges = scale.ranges

    var notes = self.notes
    if sharedRange == nil { notes.append("each tile scaled to its own range") }
    // Maps with nothing in them are marked, so a black tile is not read as a dark picture.
    let zeroTiles = tiles.count > 1 ? tiles.indices.filter { scale.allZero[$0] } : []
    if !zeroTiles.isEmpty {
      notes.append("\(zeroTiles.count) of \(tiles.count) maps are all 0 (marked \(TileSheet.zeroMark))")
    }
    let legendLabels: [String]? =
      options.legend ? SheetLegend.labels(range: sharedRange, diverging: colormap.isDiverging) : nil
    let labels = options.tileLabels && tiles.count > 1 ? tiles.map(\.label) : []
    let title = options.title.map { SheetLegend.fit($0, maxWidth: options.maxWidth) }
    func layOut(_ notes: [String]) -> SheetLayout {
      SheetLayout(
        count: tiles.count, sourceHeight: stack.height, sourceWidth: stack.width, columns: columns,
        strictColumns: strictColumns, labels: labels,
        title: title, legendLabels: legendLabels, notes: notes.map { SheetLegend.fit($0, maxWidth: options.maxWidth) },
        options: options, defaultMinTile: defaultMinTile)
    }
    var layout = layOut(notes)
    if layout.downsampled {
      // Tile geometry does not depend on the notes, so laying out again only adds the line.
      notes.append(
        "maps of \(stack.height)x\(stack.width) drawn at \(layout.tileHeight)x\(layout.tileWidth) px: not every value is shown"
      )
      layout = layOut(notes)
    }
    let drawnNotes = notes.map { SheetLegend.fit($0, maxWidth: options.maxWidth) }
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
        canvas.text(
          labels[index], centerX: centre, y: y + layout.tileHeight + 4, scale: layout.labelScale, with: palette.muted)
      }
    }
    for index in zeroTiles {
      let (x, y) = layout.tileOrigin(index)
      let markScale = BitmapFont.width(of: TileSheet.zeroMark, scale: 2) + 4 <= layout.tileWidth ? 2 : 1
      guard BitmapFont.width(of: TileSheet.zeroMark, scale: markScale) + 2 <= layout.tileWidth else { continue }
      let textY = y + (layout.tileHeight - BitmapFont.glyphHeight * markScale) / 2
      canvas.text(TileSheet.zeroMark, centerX: x + layout.tileWidth / 2, y: textY, scale: markScale, with: palette.muted)
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
    // The gray palette is the identity, so gray sheets are written as plain gray images.
    let format: PixelFormat = colormap == .gray ? .gray : .indexed(palette: palette.colors)
    let png = try PNGEncoder(runLengthOnly: true).encode(
      pixels: canvas.pixels, width: canvas.width, height: canvas.height, format: format)
    return RenderedImage(
      png: png, width: canvas.width, height: canvas.height, shownTiles: tiles.count, hiddenTiles: hiddenTiles,
      colormap: colormap, range: sharedRange, notes: notes)
  }

  /// Colour-maps every tile, then resamples each into its rectangle, tiles spread over the cores.
  private func drawTiles(on canvas: inout Canvas, layout: SheetLayout, ranges: [ValueRange], palette: Palette) {
    let planes = stack.levels(ranges.map { LevelMapping(range: $0, levels: palette.levels, missing: palette.missing) })
    let (height, width) = (stack.height, stack.width)
    let canvasWidth = canvas.width
    planes.withUnsafeBufferPointer { source in
      canvas.pixels.withUnsafeMutableBufferPointer { buffer in
        let target = SharedPixels(base: buffer)
        let levels = SharedLevels(base: source)
        Parallelism.perform(iterations: ranges.count) { index in
          let (x, y) = layout.tileOrigin(index)
          TileResampler.draw(
            plane: levels.base.baseAddress.map { $0 + index * height * width }, height: height, width: width,
            into: target, canvasWidth: canvasWidth, x: x, y: y, outWidth: layout.tileWidth, outHeight: layout.tileHeight
          )
        }
      }
    }
  }
}

/// The canvas as raw memory for `concurrentPerform`: each iteration writes a disjoint
/// rectangle, which is what makes sharing the pointer safe.
struct SharedPixels: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<UInt8>
}

/// Read-only levels shared by `concurrentPerform` iterations.
struct SharedLevels: @unchecked Sendable {
  let base: UnsafeBufferPointer<UInt8>
}

/// Nearest-neighbour resampling of one plane of levels into a rectangle of the canvas.
enum TileResampler {
  /// Output pixel `(oy, ox)` shows source `(oy * h / outH, ox * w / outW)`; rows that repeat
  /// the previous source row are copied rather than gathered again.
  static func draw(
    plane: UnsafePointer<UInt8>?, height: Int, width: Int, into target: SharedPixels, canvasWidth: Int, x: Int, y: Int,
    outWidth: Int, outHeight: Int
  ) {
    guard let plane, let base = target.base.baseAddress else { return }
    let columns = (0..<outWidth).map { $0 * width / outWidth }
    var previous = -1
    for oy in 0..<outHeight {
      let sy = oy * height / outHeight
      let row = base + (y + oy) * canvasWidth + x
      if sy == previous {
        row.update(from: row - canvasWidth, count: outWidth)
        continue
      }
      previous = sy
      let source = plane + sy * width
      if outWidth == width {
        row.update(from: source, count: width)
      } else {
        for ox in 0..<outWidth { row[ox] = source[columns[ox]] }
      }
    }
  }
}
