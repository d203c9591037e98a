import CNNLang
import FeatureMapRender
import JupyterKernel
import JupyterProtocol
import JupyterWidgets
import TensorEngine
import TextAndTime

/// Training's live view in a notebook: two outputs opened by the first frame of a `fit` and
/// replaced in place by each later one (`update_display_data` with a `display_id`), so the
/// learner sees one progress text and one chart move, and the saved notebook keeps only the
/// final frame. The chart is a PNG; with filters, an HTML row of chart and filters, the PNG
/// of the chart still there for front ends without HTML.
///
/// When the front end draws widgets (JupyterLab with its widget manager), the chart (and the
/// filters) are Image widgets instead: each frame swaps their PNG in place, without replacing
/// the output, and the last frame also refreshes the output's PNG and HTML, which is what a
/// saved notebook and its HTML export keep.
struct TrainingView {
  /// Display ids must not repeat across cells or kernel restarts, or an update would also
  /// rewrite an older cell's output: a random prefix per kernel process and a count per view.
  private static let prefix = "cnnlab-fit-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)

  private var opened: Set<String> = []
  private let widgets: WidgetBridge?
  /// Each fit's widget view (the root shown, and its Image widgets), once opened.
  private var views: [Int: (root: WidgetModel, images: [WidgetModel])] = [:]

  init(widgets: WidgetBridge? = nil) {
    self.widgets = widgets
  }

  mutating func show(_ frame: TrainingFrame, on output: any ExecutionOutput) {
    let textID = "\(Self.prefix)-\(frame.id)-text"
    let chartID = "\(Self.prefix)-\(frame.id)-chart"
    let text = frame.text.map(MimeBundle.plain)
    if let text { publish(text, id: textID, on: output) }
    guard let curves = frame.curves else { return }
    if let widgets, widgets.frontEndHasWidgets {
      showInWidgets(curves, frame: frame, id: chartID, widgets: widgets, on: output)
    } else if let chart = Self.chartBundle(curves, filters: frame.filters) {
      publish(chart, id: chartID, on: output)
    }
  }

  /// The first frame opens the Image widgets and shows them (with the chart as the fallback);
  /// later frames only swap their pictures; the last also refreshes the fallback.
  private mutating func showInWidgets(
    _ curves: TrainingCurves, frame: TrainingFrame, id: String, widgets: WidgetBridge, on output: any ExecutionOutput
  ) {
    guard let pictures = Self.pictures(curves, filters: frame.filters) else { return }
    if let view = views[frame.id], view.images.count == pictures.count {
      for (model, png) in zip(view.images, pictures) { model.update([:], bytes: ["value": png]) }
      if frame.isFinal, let fallback = Self.chartBundle(curves, filters: frame.filters) {
        output.updateDisplay(widgets.viewBundle(of: view.root, fallback: fallback), displayID: id)
      }
      return
    }
    guard let fallback = Self.chartBundle(curves, filters: frame.filters) else { return }
    let view = widgets.openImages(pictures)
    views[frame.id] = view
    let bundle = widgets.viewBundle(of: view.root, fallback: fallback)
    if opened.insert(id).inserted {
      output.display(bundle, displayID: id)
    } else {
      output.updateDisplay(bundle, displayID: id)
    }
  }

  /// The PNGs of the chart and, when watched, of the first layer's filters.
  static func pictures(_ curves: TrainingCurves, filters: Tensor?) -> [[UInt8]]? {
    guard let chart = try? chartImage(curves) else { return nil }
    guard let filters else { return [chart.png] }
    guard let picture = try? FeatureMapRenderer.renderFilters(filters, options: RenderOptions()) else { return [chart.png] }
    return [chart.png, picture.png]
  }

  /// The first bundle under an id opens an output; later ones replace it.
  private mutating func publish(_ bundle: MimeBundle, id: String, on output: any ExecutionOutput) {
    if opened.insert(id).inserted {
      output.display(bundle, displayID: id)
    } else {
      output.updateDisplay(bundle, displayID: id)
    }
  }

  static func chartBundle(_ curves: TrainingCurves, filters: Tensor?) -> MimeBundle? {
    guard let chart = try? chartImage(curves) else { return nil }
    let chartBase64 = PNGEncoder.base64(chart.png)
    var bundle = MimeBundle.plain(Self.summary(curves))
    bundle.data["image/png"] = .string(chartBase64)
    bundle.metadata["image/png"] = .object(["width": .number(Double(chart.width)), "height": .number(Double(chart.height))])
    if let filters, let picture = try? FeatureMapRenderer.renderFilters(filters, options: RenderOptions()) {
      bundle.data["text/html"] = .string(
        "<div style=\"display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap\">"
          + "<img alt=\"training curves\" width=\"\(chart.width)\" height=\"\(chart.height)\" src=\"data:image/png;base64,\(chartBase64)\">"
          + "<img alt=\"first layer's filters\" width=\"\(picture.width)\" height=\"\(picture.height)\" src=\"data:image/png;base64,\(picture.base64)\">"
          + "</div>")
    }
    return bundle
  }

  static func chartImage(_ curves: TrainingCurves) throws -> (png: [UInt8], width: Int, height: Int) {
    let panels = curves.names.enumerated().map { (i, name) in
      TrainingChart.Panel(
        title: name,
        series: [
          TrainingChart.Series(role: .training, points: curves.steps.map { ($0.x, $0.values[i]) }),
          TrainingChart.Series(role: .validation, points: curves.validation.map { ($0.x, $0.values[i]) }),
        ],
        fixedRange: name.hasSuffix("accuracy") || name == "acc" ? 0...1 : nil)
    }
    return try TrainingChart(panels: panels, epochs: curves.epochs).renderPNG()
  }

  /// The chart's text form: the last values drawn.
  static func summary(_ curves: TrainingCurves) -> String {
    var parts: [String] = []
    if let last = curves.steps.last {
      parts += zip(curves.names, last.values).map { "\($0): \(NumberText.compact(Float($1)))" }
    }
    if let last = curves.validation.last, last.values.contains(where: \.isFinite) {
      parts += zip(curves.names, last.values).map { "val_\($0): \(NumberText.compact(Float($1)))" }
    }
    return "<training curves" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")) + ">"
  }
}
