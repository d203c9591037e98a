import TextAndTime

/// The colour bar under a sheet and the numbers at its ends.
enum SheetLegend {
  /// Texts under the bar, left to right: low, (0 when a diverging map spans it), high;
  /// words instead of numbers when each tile has its own range.
  static func labels(range: ValueRange?, diverging: Bool) -> [String] {
    guard let range else { return diverging ? ["-max", "0", "+max"] : ["min", "max"] }
    let low = NumberText.compact(range.low, significant: 3)
    let high = NumberText.compact(range.high, significant: 3)
    if diverging, range.low < 0, range.high > 0, abs(range.low + range.high) <= 1e-6 * range.high {
      return [low, "0", high]
    }
    return [low, high]
  }

  static func draw(on canvas: inout Canvas, labels: [String], layout: SheetLayout, palette: Palette) {
    let x0 = SheetLayout.margin + 1
    let y0 = layout.legendY
    let w = max(2, layout.legendWidth - 2)
    for i in 0..<w {
      let level = UInt8((i * (palette.levels - 1) + (w - 1) / 2) / (w - 1))
      canvas.fill(x: x0 + i, y: y0, width: 1, height: SheetLayout.legendBarHeight, with: level)
    }
    canvas.frame(x: x0, y: y0, width: w, height: SheetLayout.legendBarHeight, with: palette.border)
    let textY = y0 + SheetLayout.legendBarHeight + 6
    let scale = SheetLayout.textScale
    guard let first = labels.first, let last = labels.last else { return }
    canvas.text(first, x: x0, y: textY, scale: scale, with: palette.ink)
    canvas.text(last, x: x0 + w - BitmapFont.width(of: last, scale: scale), y: textY, scale: scale, with: palette.ink)
    if labels.count == 3 { canvas.text(labels[1], centerX: x0 + w / 2, y: textY, scale: scale, with: palette.ink) }
  }

  /// `text` cut to fit `maxWidth` pixels at the sheet's text size, with ".." when cut.
  /// Notes go through this too, so a long one cannot widen the picture past `maxWidth`.
  static func fit(_ text: String, maxWidth: Int) -> String {
    let room = maxWidth - 2 * SheetLayout.margin
    guard BitmapFont.width(of: text, scale: SheetLayout.textScale) > room else { return text }
    var kept = text
    while !kept.isEmpty, BitmapFont.width(of: kept + "..", scale: SheetLayout.textScale) > room { kept.removeLast() }
    return kept + ".."
  }
}
