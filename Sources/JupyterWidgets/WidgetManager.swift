import JupyterKernel
import JupyterProtocol

/// The kernel's side of the Jupyter widget protocol 2.1: opens a comm per model on the
/// `jupyter.widget` target, answers the front end's `jupyter.widget.control` comm (a page
/// reload asks for every model's state at once with `request_states`) and makes the display
/// bundle of a widget's view.
///
/// It knows nothing of any language: the language's glue builds models from its own values.
/// Used on the execution thread only.
public final class WidgetManager: CommTarget {
  private let comms: CommManager
  /// Every model the kernel opened and has not closed, in opening order.
  public private(set) var models: [WidgetModel] = []
  /// Whether a front end that draws widgets has connected: JupyterLab's widget manager opens
  /// the control comm whenever it attaches to the kernel; nbclient and consoles never do.
  public private(set) var frontEndHasWidgets = false

  public init(comms: CommManager) {
    self.comms = comms
    comms.register(self, as: WidgetProtocol.controlTarget)
  }

  /// Opens a model: `comm_open` with its whole state, the protocol version in the metadata
  /// (the front end refuses a model without it) and binary values as buffers.
  @discardableResult
  public func create(_ spec: WidgetSpec, state: [String: JSONValue], bytes: [String: [UInt8]] = [:]) -> WidgetModel {
    let model = WidgetModel(spec: spec, state: state, bytes: bytes)
    let full = model.fullState()
    let data: JSONValue = .object([
      "state": .object(full.state), "buffer_paths": .array(full.paths.map { .array($0.map(JSONValue.string)) }),
    ])
    let comm = comms.open(
      target: WidgetProtocol.widgetTarget,
      payload: CommPayload(data: data, metadata: .object(["version": .string(WidgetProtocol.version)]), buffers: full.buffers),
      handler: model)
    model.attach(comm)
    models.append(model)
    return model
  }

  /// `jslink((a, "value"), (b, "value"))`: a LinkModel, which the browser keeps in step.
  @discardableResult
  public func link(_ source: (WidgetModel, String), _ target: (WidgetModel, String)) -> WidgetModel {
    create(
      .link,
      state: [
        "source": .array([source.0.reference, .string(source.1)]),
        "target": .array([target.0.reference, .string(target.1)]),
      ])
  }

  /// Closes a model's comm and forgets it.
  public func close(_ model: WidgetModel) {
    model.comm?.close()
    models.removeAll { $0 === model }
  }

  /// The display bundle of `model`'s view, with `text/plain` (and a PNG, when given) for front
  /// ends without widgets: nbconvert's HTML, a terminal, an untrusted notebook.
  public func viewBundle(of model: WidgetModel, text: String, png: String? = nil) -> MimeBundle {
    var bundle = MimeBundle.plain(text)
    bundle.data[WidgetProtocol.viewMIMEType] = .object([
      "model_id": .string(model.id), "version_major": .number(2), "version_minor": .number(0),
    ])
    if let png { bundle.data["image/png"] = .string(png) }
    return bundle
  }

  // MARK: the control comm

  public func accept(_ comm: Comm, opening: CommPayload) -> (any CommHandler)? {
    frontEndHasWidgets = true
    return ControlHandler(manager: self)
  }

  /// `update_states`: `{id: {model_name, model_module, model_module_version, state}}`, binary
  /// paths as `[id, "state", key]` (paths into that whole dict, as ipywidgets makes them: the
  /// front end puts each buffer back into the model's entry, not into its state), buffers in
  /// that order.
  func allStates() -> CommPayload {
    var states: [String: JSONValue] = [:]
    var paths: [JSONValue] = []
    var buffers: [[UInt8]] = []
    for model in models where model.comm?.isOpen == true {
      let full = model.fullState()
      states[model.id] = .object([
        "model_name": .string(model.spec.modelName), "model_module": .string(model.spec.modelModule),
        "model_module_version": .string(model.spec.modelModuleVersion), "state": .object(full.state),
      ])
      paths += full.paths.map { .array([.string(model.id), .string("state")] + $0.map(JSONValue.string)) }
      buffers += full.buffers
    }
    return CommPayload(
      data: .object(["method": .string("update_states"), "states": .object(states), "buffer_paths": .array(paths)]),
      buffers: buffers)
  }
}

/// The front end's `jupyter.widget.control` comm: `request_states` is answered with every
/// model's state, parented to the request.
private final class ControlHandler: CommHandler {
  private unowned let manager: WidgetManager
  init(manager: WidgetManager) { self.manager = manager }

  func received(_ payload: CommPayload, on comm: Comm) {
    guard payload.data["method"]?.stringValue == "request_states" else { return }
    comm.send(manager.allStates())
  }
}
