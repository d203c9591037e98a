import TextAndTime

/// True-colour pictures: one RGB image, or a grid of RGB filters (first-layer kernels on a
/// colour input). The frame (title, labels, notes) is drawn on the indexed canvas like any
/// sheet, then expanded to RGB and the pictures written in.
struct ColorSheet {
  /// Three tiles per picture: red, green and blue, in that order.
  var stack: TileStack
  /// One label per picture (none for a lone image).
  var labels: [String] = []
  var options: RenderOptions
  var notes: [String]
  /// Signed data (weights) spans a range centred on zero, so zero is mid-gray.
  var centredOnZero = false
  var defaultMinTile = 112
  var hiddenTiles = 0

  func render() throws(RenderError) -> RenderedImage {
    let pictures = stack.tiles.count / 3
    let range = try valueRange()
    var notes = self.notes
    notes.append("RGB, values \(NumberText.compact(range.low)) to \(NumberText.compact(range.high))")
    let title = options.title.map { SheetLegend.fit($0, maxWidth: options.maxWidth) }
    let drawnNotes = notes.map { SheetLegend.fit($0, maxWidth: options.maxWidth) }
    let labels = options.tileLabels && pictures > 1 ? self.labels : []
    let layout = SheetLayout(
      count: pictures, sourceHeight: stack.height, sourceWidth: stack.width, columns: nil, labels: labels,
      title: title, legendLabels: nil, notes: drawnNotes, options: options, defaultMinTile: defaultMinTile)
    guard layout.width * layout.height <= TileSheet.pixelLimit else {
      throw .imageTooLarge(width: layout.width, height: layout.height, limit: TileSheet.pixelLimit)
    }
    let palette = Palette(colormap: .gray)
    var canvas = Canvas(width: layout.width, height: layout.height, fill: palette.paper)
    if let title {
      canvas.text(title, x: SheetLayout.margin, y: SheetLayout.margin, scale: SheetLayout.textScale, with: palette.ink)
    }
    for index in 0..<pictures {
      let (x, y) = layout.tileOrigin(index)
      canvas.frame(x: x, y: y, width: layout.tileWidth, height: layout.tileHeight, with: palette.border)
      if !labels.isEmpty {
        canvas.text(
          labels[index], centerX: x + layout.tileWidth / 2, y: y + layout.tileHeight + 4, scale: layout.labelScale,
          with: palette.muted)
      }
    }
    for (i, note) in drawnNotes.enumerated() {
      canvas.text(
        note, x: SheetLayout.margin, y: layout.notesY + i * (SheetLayout.lineHeight + 4), scale: SheetLayout.textScale,
        with: palette.muted)
    }
    var rgb = [UInt8](repeating: 0, count: canvas.pixels.count * 3)
    for (i, index) in canvas.pixels.enumerated() {
      let color = palette.colors[Int(index)]
      rgb[3 * i] = color.r
      rgb[3 * i + 1] = color.g
      rgb[3 * i + 2] = color.b
    }
    // Each channel through the 256-level mapping gives its 0...255 intensity directly.
    let mapping = LevelMapping(range: range, levels: 256, missing: 0)
    let planes = stack.levels(Array(repeating: mapping, count: stack.tiles.count))
    let (h, w) = (stack.height, stack.width)
    for index in 0..<pictures {
      let (x0, y0) = layout.tileOrigin(index)
      for oy in 0..<layout.tileHeight {
        let sy = oy * h / layout.tileHeight
        for ox in 0..<layout.tileWidth {
          let source = sy * w + ox * w / layout.tileWidth
          let target = 3 * ((y0 + oy) * layout.width + x0 + ox)
          for c in 0..<3 { rgb[target + c] = planes[(3 * index + c) * h * w + source] }
        }
      }
    }
    let png = try PNGEncoder().encode(pixels: rgb, width: layout.width, height: layout.height, format: .rgb)
    return RenderedImage(
      png: png, width: layout.width, height: layout.height, shownTiles: pictures, hiddenTiles: hiddenTiles,
      colormap: .gray, range: range, notes: notes)
  }

  /// Explicit scale if given; centred on zero for weights; the pixel scale for pixel data;
  /// otherwise the data's own span shared by the three channels.
  private func valueRange() throws(RenderError) -> ValueRange {
    if case .fixed(let range) = options.scale { return try ColorScale.validated(range) }
    if !centredOnZero, let pixels = options.pixelRange { return pixels }
    let extremes = stack.finiteExtremes()
    let lo = extremes.map(\.min).min() ?? 0
    let hi = extremes.map(\.max).max() ?? 1
    return ValueRange.fitting(minimum: lo, maximum: hi, diverging: centredOnZero)
  }
}
