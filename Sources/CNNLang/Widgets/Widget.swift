/// A control the learner can move (a slider, a dropdown) or a place that shows something
/// (a picture, a line of HTML), and boxes that lay them out. The language keeps their values
/// as language values and knows nothing of how a front end draws them: the host it runs in
/// (the kernel glue) mirrors each widget to its front end and tells the interpreter when the
/// learner moves one (`Interpreter.widgetChanged`).
///
/// A reference type, like a list: `s = IntSlider(); t = s` is one slider.
public final class Widget {
  /// The kinds, named as ipywidgets names them.
  public enum Kind: String, CaseIterable, Sendable {
    case intSlider = "IntSlider"
    case floatSlider = "FloatSlider"
    case dropdown = "Dropdown"
    case toggleButtons = "ToggleButtons"
    case checkbox = "Checkbox"
    case button = "Button"
    case label = "Label"
    case html = "HTML"
    case image = "Image"
    case hBox = "HBox"
    case vBox = "VBox"
    case play = "Play"
    /// `jslink`: two widgets' attributes kept equal by the browser.
    case link = "Link"
    /// `interact`'s output area: `outputs` lists `(kind, value)` entries (see `CapturingHost`).
    case output = "Output"
  }

  /// Something run when a widget's value changes: a learner's function (called with a change
  /// dict, as ipywidgets' `observe` does) or the built-in explorer's own step.
  enum Observer {
    case function(Value)
    case native((Widget, Evaluator) throws(RuntimeError) -> Void)
  }

  public let kind: Kind
  /// Each property as a language value: `value`, `min`, `max`, `step`, `description`,
  /// `options` (a list), `children` (a list of widgets). An Image's `value` is a tensor and an
  /// HTML's may be an explanation: the host draws them.
  public private(set) var properties: [String: Value]
  var observers: [Observer] = []
  /// Told of every change made in the language, so the front end follows.
  public weak var sink: (any WidgetSink)?

  init(_ kind: Kind, _ properties: [String: Value]) {
    self.kind = kind
    self.properties = properties
  }

  public subscript(_ key: String) -> Value? { properties[key] }

  /// The widgets inside a box, in order.
  public var children: [Widget] {
    guard case .list(let list)? = properties["children"] else { return [] }
    return list.items.compactMap { if case .widget(let w) = $0 { w } else { nil } }
  }

  /// A change made in the language: stored, then sent to the front end.
  func set(_ changes: [String: Value]) {
    for (key, value) in changes { properties[key] = value }
    sink?.widget(self, changed: changes.keys.sorted())
  }

  /// A change the front end made: stored without sending it back.
  func receive(_ key: String, _ value: Value) {
    properties[key] = value
  }

  public var repr: String {
    let shown = ["description", "value"].compactMap { key -> String? in
      guard let v = properties[key] else { return nil }
      if case .tensor(let t, _) = v { return "\(key)=tensor of shape \(ShapeText.plain(t.shape))" }
      if case .explanation = v { return "\(key)=explanation" }
      return "\(key)=\(v.repr)"
    }
    if kind == .hBox || kind == .vBox { return "\(kind.rawValue)(children=\(children.count))" }
    return "\(kind.rawValue)(\(shown.joined(separator: ", ")))"
  }
}

/// Where a widget's changes go: the host that shows it.
public protocol WidgetSink: AnyObject {
  func widget(_ widget: Widget, changed keys: [String])
}
