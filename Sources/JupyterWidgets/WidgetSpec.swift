import JupyterProtocol

/// The versions this kernel speaks: the widget protocol and the JavaScript modules whose
/// models it names. JupyterLab's manager (`jupyterlab_widgets` 3.0.x) reads `^2.0.0` from
/// "2.0.0" and refuses models of any other major version.
public enum WidgetProtocol {
  public static let version = "2.1.0"
  public static let controlVersion = "1.0.0"
  public static let baseVersion = "2.0.0"
  public static let controlsVersion = "2.0.0"
  public static let outputVersion = "1.0.0"
  public static let widgetTarget = "jupyter.widget"
  public static let controlTarget = "jupyter.widget.control"
  /// The MIME type of a widget's view in a display bundle.
  public static let viewMIMEType = "application/vnd.jupyter.widget-view+json"
}

/// Which model (and view) a widget is in the front end's registry: the `_model_*` and
/// `_view_*` keys of its state.
public struct WidgetSpec: Sendable, Equatable {
  public var modelName: String
  public var modelModule: String
  public var modelModuleVersion: String
  /// Nil for models without a view (a link).
  public var viewName: String?
  public var viewModule: String
  public var viewModuleVersion: String

  public init(
    modelName: String, modelModule: String, modelModuleVersion: String, viewName: String?, viewModule: String,
    viewModuleVersion: String
  ) {
    self.modelName = modelName
    self.modelModule = modelModule
    self.modelModuleVersion = modelModuleVersion
    self.viewName = viewName
    self.viewModule = viewModule
    self.viewModuleVersion = viewModuleVersion
  }

  /// A model of `@jupyter-widgets/controls`: `IntSlider` is `IntSliderModel` with `IntSliderView`.
  public static func controls(_ name: String, hasView: Bool = true) -> WidgetSpec {
    WidgetSpec(
      modelName: name + "Model", modelModule: "@jupyter-widgets/controls",
      modelModuleVersion: WidgetProtocol.controlsVersion, viewName: hasView ? name + "View" : nil,
      viewModule: "@jupyter-widgets/controls", viewModuleVersion: WidgetProtocol.controlsVersion)
  }

  public static let intSlider = controls("IntSlider")
  public static let floatSlider = controls("FloatSlider")
  public static let dropdown = controls("Dropdown")
  public static let toggleButtons = controls("ToggleButtons")
  public static let checkbox = controls("Checkbox")
  public static let button = controls("Button")
  public static let label = controls("Label")
  public static let html = controls("HTML")
  public static let image = controls("Image")
  public static let hBox = controls("HBox")
  public static let vBox = controls("VBox")
  public static let play = controls("Play")
  /// `jslink`: keeps two attributes equal in the browser, without the kernel.
  public static let link = controls("Link", hasView: false)
  public static let output = WidgetSpec(
    modelName: "OutputModel", modelModule: "@jupyter-widgets/output", modelModuleVersion: WidgetProtocol.outputVersion,
    viewName: "OutputView", viewModule: "@jupyter-widgets/output", viewModuleVersion: WidgetProtocol.outputVersion)

  /// The `_model_*`/`_view_*` keys, as every state sent in full carries them.
  var stateKeys: [String: JSONValue] {
    [
      "_model_name": .string(modelName), "_model_module": .string(modelModule),
      "_model_module_version": .string(modelModuleVersion), "_view_name": viewName.map(JSONValue.string) ?? .null,
      "_view_module": .string(viewModule), "_view_module_version": .string(viewModuleVersion),
    ]
  }
}
