/// A three-channel tensor drawn as one true-colour picture. The frame (title, notes) is
/// drawn on the indexed canvas like any sheet, then expanded to RGB and the image written in.
struct ColorImage {
  /// Red, green and blue, in that order.
  var channels: TileStack
  var options: RenderOptions
  var notes: [String]

  func render() throws(RenderError) -> RenderedImage {
    let range = try valueRange()
    var notes = self.notes
    notes.append("RGB, values \(NumberText.compact(range.low)) to \(NumberText.compact(range.high))")
    let title = options.title.map { SheetLegend.fit($0, maxWidth: options.maxWidth) }
    let drawnNotes = notes.map { SheetLegend.fit($0, maxWidth: options.maxWidth) }
    let layout = SheetLayout(
      count: 1, sourceHeight: channels.height, sourceWidth: channels.width, columns: 1, labels: [], title: title,
      legendLabels: nil, notes: drawnNotes, options: options, defaultMinTile: 112)
    guard layout.width * layout.height <= TileSheet.pixelLimit else {
      throw .imageTooLarge(width: layout.width, height: layout.height, limit: TileSheet.pixelLimit)
    }
    let palette = Palette(colormap: .gray)
    var canvas = Canvas(width: layout.width, height: layout.height, fill: palette.paper)
    if let title {
      canvas.text(title, x: SheetLayout.margin, y: SheetLayout.margin, scale: SheetLayout.textScale, with: palette.ink)
    }
    let (x0, y0) = layout.tileOrigin(0)
    canvas.frame(x: x0, y: y0, width: layout.tileWidth, height: layout.tileHeight, with: palette.border)
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
    let planes = channels.levels(Array(repeating: mapping, count: 3))
    let (h, w) = (channels.height, channels.width)
    for oy in 0..<layout.tileHeight {
      let sy = oy * h / layout.tileHeight
      for ox in 0..<layout.tileWidth {
        let source = sy * w + ox * w / layout.tileWidth
        let target = 3 * ((y0 + oy) * layout.width + x0 + ox)
        for c in 0..<3 { rgb[target + c] = planes[c * h * w + source] }
      }
    }
    let png = try PNGEncoder().encode(pixels: rgb, width: layout.width, height: layout.height, format: .rgb)
    return RenderedImage(
      png: png, width: layout.width, height: layout.height, shownTiles: 1, hiddenTiles: 0, colormap: .gray,
      range: range, notes: notes)
  }

  /// Explicit scale if given; 0...255 for pixel data; 0...1 for data already normalised;
  /// otherwise the data's own span shared by the three channels.
  private func valueRange() throws(RenderError) -> ValueRange {
    switch options.scale {
    case .fixed(let range):
      return try ColorScale.validated(range)
    case .shared, .perChannel:
      let extremes = channels.finiteExtremes()
      let lo = extremes.map(\.min).min() ?? 0
      let hi = extremes.map(\.max).max() ?? 1
      if lo >= 0, hi <= 1 { return ValueRange(low: 0, high: 1) }
      if lo >= 0, hi <= 255, channels.looksLikePixels() { return ValueRange(low: 0, high: 255) }
      return ValueRange.fitting(minimum: lo, maximum: hi, diverging: false)
    }
  }
}
