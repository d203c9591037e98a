import CNNLang
import FeatureMapRender
import JupyterKernel
import JupyterProtocol
import JupyterWidgets
import TensorEngine

/// Mirrors the language's widgets (`CNNLang.Widget`) to Jupyter widget models: one model per
/// widget, opened the first time the widget (or a box holding it) is shown, kept in step both
/// ways. Language values become wire state here: a tensor becomes the PNG of an Image, an
/// explanation the HTML of `ExplanationView`, a dropdown's value its index among the options.
///
/// Used on the execution thread only; lives as long as the kernel, since a front end may move
/// any widget it still shows.
final class WidgetBridge: WidgetSink {
  private let manager: WidgetManager
  private let comms: CommManager
  private let interpreter: Interpreter
  private var mirrored: [ObjectIdentifier: (widget: Widget, model: WidgetModel)] = [:]

  init(comms: CommManager, interpreter: Interpreter) {
    self.comms = comms
    self.manager = WidgetManager(comms: comms)
    self.interpreter = interpreter
  }

  /// Whether the connected front end draws widgets (see `WidgetManager.frontEndHasWidgets`).
  var frontEndHasWidgets: Bool { manager.frontEndHasWidgets }

  /// Models for the kernel's own views (training's live chart), not mirrored from the language.
  func openImages(_ pictures: [[UInt8]]) -> (root: WidgetModel, images: [WidgetModel]) {
    let images = pictures.map { manager.create(.image, state: ["format": .string("png")], bytes: ["value": $0]) }
    if images.count == 1 { return (images[0], images) }
    let box = manager.create(.hBox, state: ["children": .array(images.map(\.reference))])
    return (box, images)
  }

  func viewBundle(of model: WidgetModel, fallback: MimeBundle) -> MimeBundle {
    var bundle = manager.viewBundle(of: model, text: fallback.data["text/plain"]?.stringValue ?? "")
    for (key, value) in fallback.data where key != "text/plain" { bundle.data[key] = value }
    bundle.metadata = fallback.metadata
    return bundle
  }

  /// The display bundle of a widget: its view, and its text (plus an Image's PNG) for front
  /// ends without widgets.
  func bundle(for widget: Widget) -> MimeBundle {
    let model = self.model(for: widget)
    let picture = firstPicture(in: widget).flatMap { try? render($0) }.map(PNGEncoder.base64)
    return manager.viewBundle(of: model, text: widget.repr, png: picture ?? firstShownPNG(in: model))
  }

  /// The model of `widget`, opened (children first, so references resolve) when new.
  func model(for widget: Widget) -> WidgetModel {
    if let known = mirrored[ObjectIdentifier(widget)] { return known.model }
    for child in widget.children { _ = model(for: child) }
    if widget.kind == .link {
      for key in ["source", "target"] {
        if case .tuple(let pair)? = widget[key], case .widget(let end) = pair[0] { _ = model(for: end) }
      }
    }
    let (state, bytes) = wireState(of: widget, keys: Array(widget.properties.keys))
    let model = manager.create(Self.spec(widget.kind), state: state, bytes: bytes)
    mirrored[ObjectIdentifier(widget)] = (widget, model)
    widget.sink = self
    model.onChange = { [unowned self, unowned widget] model, keys in frontEndChanged(widget, model, keys) }
    model.onCustom = { [unowned self, unowned widget] _, content in
      guard content["event"]?.stringValue == "click" else { return }
      report(interpreter.widgetClicked(widget, host: callbackHost()))
    }
    return model
  }

  // MARK: language → front end

  func widget(_ widget: Widget, changed keys: [String]) {
    guard let model = mirrored[ObjectIdentifier(widget)]?.model else { return }
    let (state, bytes) = wireState(of: widget, keys: keys)
    model.update(state, bytes: bytes)
  }

  private func wireState(of widget: Widget, keys: [String]) -> ([String: JSONValue], [String: [UInt8]]) {
    var state: [String: JSONValue] = [:]
    var bytes: [String: [UInt8]] = [:]
    for key in keys {
      guard let value = widget[key] else { continue }
      switch (widget.kind, key) {
      case (.image, "value"):
        state["format"] = .string("png")
        if case .tensor = value, let png = try? render(widget) { bytes["value"] = png }
      case (.image, "cmap"):
        break
      case (.html, "value"):
        if case .explanation(let e) = value {
          state["value"] = .string(ExplanationView.html(e))
        } else {
          state["value"] = .string(value.str)
        }
      case (.dropdown, "options"), (.toggleButtons, "options"):
        state["_options_labels"] = .array(options(of: widget).map { .string($0.str) })
        state["index"] = index(of: widget["value"], in: widget).map { .number(Double($0)) } ?? .null
      case (.dropdown, "value"), (.toggleButtons, "value"):
        state["index"] = index(of: value, in: widget).map { .number(Double($0)) } ?? .null
      case (.hBox, "children"), (.vBox, "children"):
        state["children"] = .array(widget.children.map { model(for: $0).reference })
      case (.link, _):
        if case .tuple(let pair) = value, case .widget(let end) = pair[0] {
          state[key] = .array([model(for: end).reference, .string(pair[1].str)])
        }
      case (.button, "value"):
        break
      case (.output, "outputs"):
        state["outputs"] = .array(outputs(of: widget))
        state["msg_id"] = .string("")
      default:
        if let json = Self.json(value) { state[key] = json }
      }
    }
    return (state, bytes)
  }

  // MARK: front end → language

  private func frontEndChanged(_ widget: Widget, _ model: WidgetModel, _ keys: Set<String>) {
    var changes: [String: Value] = [:]
    for key in keys {
      guard let json = model.state[key] else { continue }
      switch (widget.kind, key) {
      case (.dropdown, "index"), (.toggleButtons, "index"):
        let all = options(of: widget)
        if let i = json.numberValue.map(Int.init), all.indices.contains(i) { changes["value"] = all[i] }
      case (.intSlider, "value"), (.play, "value"):
        if let n = json.numberValue { changes["value"] = .number(n.rounded()) }
      case (_, "value"):
        switch json {
        case .number(let n): changes["value"] = .number(n)
        case .bool(let b): changes["value"] = .bool(b)
        case .string(let s): changes["value"] = .string(s)
        default: break
        }
      default:
        break
      }
    }
    guard !changes.isEmpty else { return }
    report(interpreter.widgetChanged(widget, changes, host: callbackHost()))
  }

  /// A host for observers: what they print or show goes out parented to the front end's message.
  private func callbackHost() -> CellHost {
    CellHost(output: comms.output, display: ValueDisplay(widgets: self))
  }

  /// An observer's error, shown where its output goes (the log console).
  private func report(_ error: LanguageError?) {
    guard let error else { return }
    let failure = CNNLanguage.executionError(error)
    comms.output.stream(([failure.name + ": " + failure.value] + failure.traceback).joined(separator: "\n") + "\n", toStderr: true)
  }

  // MARK: helpers

  /// An output area's entries as nbformat outputs, which the Output widget shows as a cell would.
  private func outputs(of widget: Widget) -> [JSONValue] {
    guard case .list(let list)? = widget["outputs"] else { return [] }
    let display = ValueDisplay(widgets: self)
    return list.items.compactMap { entry -> JSONValue? in
      guard case .tuple(let parts) = entry, parts.count == 2, case .string(let kind) = parts[0] else { return nil }
      switch kind {
      case "display":
        let bundle = display.bundle(for: parts[1], options: [:])
        return .object([
          "output_type": .string("display_data"), "data": .object(bundle.data), "metadata": .object(bundle.metadata),
        ])
      default:
        return .object([
          "output_type": .string("stream"), "name": .string(kind == "stream" ? "stdout" : "stderr"),
          "text": .string(parts[1].str),
        ])
      }
    }
  }

  private func options(of widget: Widget) -> [Value] {
    guard case .list(let list)? = widget["options"] else { return [] }
    return list.items
  }

  private func index(of value: Value?, in widget: Widget) -> Int? {
    guard let value else { return nil }
    return options(of: widget).firstIndex { $0.repr == value.repr }
  }

  /// An Image's PNG: the map in gray (signed values on the diverging map), one tile with no
  /// labels or legend, magnified so small maps are not a blur of scaled pixels.
  private func render(_ image: Widget) throws -> [UInt8] {
    guard case .tensor(let tensor, let origin)? = image["value"] else { return [] }
    var colormap: Colormap?
    if case .string(let name)? = image["cmap"] { colormap = Colormap.named(name) }
    var options = RenderOptions(colormap: colormap, tileLabels: false, legend: false)
    options.pixelRange = origin?.pixelScale.map { ValueRange(low: $0.bounds.lowerBound, high: $0.bounds.upperBound) }
    return try FeatureMapRenderer.renderPNG(tensor, options: options).png
  }

  /// The first PNG an output area inside `model`'s tree shows, for front ends without widgets.
  private func firstShownPNG(in model: WidgetModel) -> String? {
    if case .array(let outputs)? = model.state["outputs"] {
      for output in outputs { if let png = output["data"]?["image/png"]?.stringValue { return png } }
    }
    for child in model.state["children"]?.arrayValue ?? [] {
      guard let id = child.stringValue?.dropFirst("IPY_MODEL_".count),
        let inner = mirrored.values.first(where: { $0.model.id == String(id) })?.model
      else { continue }
      if let png = firstShownPNG(in: inner) { return png }
    }
    return nil
  }

  private func firstPicture(in widget: Widget) -> Widget? {
    if widget.kind == .image { return widget }
    for child in widget.children { if let found = firstPicture(in: child) { return found } }
    return nil
  }

  static func spec(_ kind: Widget.Kind) -> WidgetSpec {
    switch kind {
    case .intSlider: .intSlider
    case .floatSlider: .floatSlider
    case .dropdown: .dropdown
    case .toggleButtons: .toggleButtons
    case .checkbox: .checkbox
    case .button: .button
    case .label: .label
    case .html: .html
    case .image: .image
    case .hBox: .hBox
    case .vBox: .vBox
    case .play: .play
    case .link: .link
    case .output: .output
    }
  }

  static func json(_ value: Value) -> JSONValue? {
    switch value {
    case .none: .null
    case .bool(let b): .bool(b)
    case .number(let n): .number(n)
    case .string(let s): .string(s)
    default: nil
    }
  }
}
