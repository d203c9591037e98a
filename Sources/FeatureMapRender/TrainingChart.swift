import TextAndTime

/// The live chart of training: one panel per quantity (loss, accuracy), each with the
/// training curve per step and the validation values per epoch, against epochs on the x axis.
/// Colours are matplotlib's first two (blue for training, orange for validation), which
/// learners know from every Keras tutorial's `plt.plot(history.history[...])`.
public struct TrainingChart: Sendable {
  public struct Series: Sendable {
    public enum Role: Sendable { case training, validation }
    public var role: Role
    /// (epoch as a fraction, value): step points lie between epochs, epoch points on them.
    public var points: [(x: Double, y: Double)]

    public init(role: Role, points: [(x: Double, y: Double)]) {
      self.role = role
      self.points = points
    }
  }

  public struct Panel: Sendable {
    public var title: String
    public var series: [Series]
    /// A fixed y range (accuracy: 0...1); nil fits the data.
    public var fixedRange: ClosedRange<Double>?

    public init(title: String, series: [Series], fixedRange: ClosedRange<Double>? = nil) {
      self.title = title
      self.series = series
      self.fixedRange = fixedRange
    }
  }

  public var panels: [Panel]
  /// The x axis runs from 0 to this many epochs, so the chart does not rescale as it grows.
  public var epochs: Int

  public init(panels: [Panel], epochs: Int) {
    self.panels = panels
    self.epochs = max(1, epochs)
  }

  static let panelWidth = 320
  static let panelHeight = 200
  static let plotInset = (left: 44, right: 10, top: 22, bottom: 30)

  private enum Ink: UInt8 { case paper, ink, grid, muted, training, validation }
  private static let palette: [RGB] = [
    RGB(255, 255, 255), RGB(34, 34, 34), RGB(225, 225, 225), RGB(110, 110, 110),
    RGB(31, 119, 180), RGB(255, 127, 14),
  ]

  /// The chart as PNG bytes and its size in pixels.
  public func renderPNG() throws(RenderError) -> (png: [UInt8], width: Int, height: Int) {
    let width = Self.panelWidth * max(1, panels.count)
    let legendHeight = 16
    let height = Self.panelHeight + legendHeight
    var canvas = Canvas(width: width, height: height, fill: Ink.paper.rawValue)
    for (i, panel) in panels.enumerated() {
      draw(panel, on: &canvas, left: i * Self.panelWidth)
    }
    drawLegend(on: &canvas, y: Self.panelHeight + 2)
    let png = try PNGEncoder().encode(pixels: canvas.pixels, width: width, height: height, format: .indexed(palette: Self.palette))
    return (png, width, height)
  }

  private func draw(_ panel: Panel, on canvas: inout Canvas, left: Int) {
    let inset = Self.plotInset
    let plotX = left + inset.left
    let plotY = inset.top
    let plotW = Self.panelWidth - inset.left - inset.right
    let plotH = Self.panelHeight - inset.top - inset.bottom
    canvas.text(panel.title, centerX: plotX + plotW / 2, y: 6, scale: 1, with: Ink.ink.rawValue)

    let range = panel.fixedRange ?? Self.fittedRange(panel.series.flatMap { $0.points.map(\.y) })
    // Four horizontal grid lines with their values, and one vertical line per epoch.
    for k in 0...4 {
      let value = range.lowerBound + (range.upperBound - range.lowerBound) * Double(k) / 4
      let y = plotY + plotH - Int((Double(plotH) * Double(k) / 4).rounded())
      canvas.fill(x: plotX, y: y, width: plotW, height: 1, with: Ink.grid.rawValue)
      let label = NumberText.compact(Float(value), significant: 3)
      canvas.text(label, x: plotX - 4 - BitmapFont.width(of: label, scale: 1), y: y - 3, scale: 1, with: Ink.muted.rawValue)
    }
    let tickEvery = max(1, epochs / 10)
    for e in stride(from: 0, through: epochs, by: tickEvery) {
      let x = plotX + Int((Double(plotW) * Double(e) / Double(epochs)).rounded())
      canvas.fill(x: x, y: plotY, width: 1, height: plotH, with: Ink.grid.rawValue)
      canvas.text(String(e), centerX: x, y: plotY + plotH + 4, scale: 1, with: Ink.muted.rawValue)
    }
    canvas.text("epoch", centerX: plotX + plotW / 2, y: plotY + plotH + 15, scale: 1, with: Ink.muted.rawValue)
    canvas.frame(x: plotX, y: plotY, width: plotW, height: plotH, with: Ink.muted.rawValue)

    func pixel(_ point: (x: Double, y: Double)) -> (Int, Int) {
      let span = range.upperBound - range.lowerBound
      let fx = min(max(point.x / Double(epochs), 0), 1)
      let fy = span > 0 ? min(max((point.y - range.lowerBound) / span, 0), 1) : 0.5
      return (plotX + Int((fx * Double(plotW - 1)).rounded()), plotY + plotH - 1 - Int((fy * Double(plotH - 1)).rounded()))
    }
    for series in panel.series {
      let color = series.role == .training ? Ink.training.rawValue : Ink.validation.rawValue
      let points = series.points.filter { $0.y.isFinite }.map(pixel)
      for (a, b) in zip(points, points.dropFirst()) {
        canvas.line(x0: a.0, y0: a.1, x1: b.0, y1: b.1, thickness: 2, with: color)
      }
      if series.role == .validation || points.count == 1 {
        for p in points { canvas.fill(x: p.0 - 2, y: p.1 - 2, width: 5, height: 5, with: color) }
      }
    }
  }

  private func drawLegend(on canvas: inout Canvas, y: Int) {
    var x = Self.plotInset.left
    for (label, ink) in [("training", Ink.training), ("validation", Ink.validation)] {
      canvas.fill(x: x, y: y + 4, width: 14, height: 3, with: ink.rawValue)
      canvas.text(label, x: x + 18, y: y + 1, scale: 1, with: Ink.ink.rawValue)
      x += 18 + BitmapFont.width(of: label, scale: 1) + 16
    }
  }

  /// The values' range with a little air, never empty.
  static func fittedRange(_ values: [Double]) -> ClosedRange<Double> {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return 0...1 }
    if high - low < 1e-9 { return (low - 0.5)...(high + 0.5) }
    let air = (high - low) * 0.05
    return (low < 0 || low - air >= 0 ? low - air : 0)...(high + air)
  }
}
