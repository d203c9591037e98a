/// `interact(f, size=(1, 7, 2), padding=["valid", "same"])`, in the manner of ipywidgets: one
/// control per keyword (a slider for a range, a dropdown for a list, a checkbox for a bool; a
/// widget is used as it is, anything else passed unchanged), then `f` called with the
/// controls' values, its prints and shows (and its result, when not None) kept in an output
/// area under them, and called again whenever a control moves.
struct Interaction {
  let function: Value
  let controls: [(name: String, widget: Widget?, fixed: Value)]
  let output: Widget
  let root: Widget

  init(_ function: Value, keywords: [(String, Value)], arguments: Arguments) throws(RuntimeError) {
    var controls: [(String, Widget?, Value)] = []
    for (name, spec) in keywords {
      controls.append((name, try Interaction.control(name, for: spec, arguments: arguments), spec))
    }
    self.function = function
    self.controls = controls
    output = Widget(.output, ["outputs": .list([])])
    root = Widget(.vBox, ["children": .list(controls.compactMap { $0.1.map(Value.widget) } + [.widget(output)])])
  }

  /// Attaches the redraw to every control and draws once.
  func start(_ evaluator: Evaluator) {
    for control in controls {
      control.widget?.observers.append(.native { _, evaluator throws(RuntimeError) in self.redraw(evaluator) })
    }
    redraw(evaluator)
  }

  /// Calls the function with the controls' values; what it prints and shows replaces the
  /// output area. A failure is shown there too, as a cell's would be, and the controls stay.
  func redraw(_ evaluator: Evaluator) {
    let capture = CapturingHost()
    let saved = evaluator.host
    evaluator.host = capture
    defer { evaluator.host = saved }
    let keywords = controls.map { control in (control.name, control.widget?["value"] ?? control.fixed) }
    do throws(RuntimeError) {
      let result = try evaluator.call(function, positional: [], keywords: keywords)
      evaluator.figure.flush(to: capture)
      if !result.isNone { capture.entries.append(.tuple([.string("display"), result])) }
    } catch {
      let failure = Interpreter.failure(error, fallback: evaluator.file, language: evaluator.language)
      capture.entries.append(.tuple([.string("error"), .string(failure.plainTraceback.joined(separator: "\n"))]))
    }
    output.set(["outputs": .list(capture.entries)])
  }

  static func control(_ name: String, for spec: Value, arguments: Arguments) throws(RuntimeError) -> Widget? {
    switch spec {
    case .widget(let widget):
      return widget
    case .bool(let b):
      return Widget(.checkbox, ["value": .bool(b), "description": .string(name)])
    case .list(let list):
      guard let first = list.items.first else { throw arguments.typeError(name, .nonEmptyChoices) }
      return Widget(.dropdown, ["options": .list(list.items), "value": first, "description": .string(name)])
    case .tuple(let parts) where (2...3).contains(parts.count) && parts.allSatisfy({ $0.numeric != nil }):
      let numbers = parts.map { $0.numeric! }
      let whole = numbers.allSatisfy { $0.rounded() == $0 }
      let (low, high) = (numbers[0], numbers[1])
      guard low < high else { throw arguments.typeError(name, .increasingRange) }
      let step = numbers.count == 3 ? numbers[2] : (whole ? 1 : (high - low) / 100)
      guard step > 0 else { throw arguments.typeError(name, .positiveStepRange) }
      // The middle of the range, on a step, as ipywidgets starts.
      let middle = low + ((high - low) / 2 / step).rounded(.down) * step
      return Widget(whole ? .intSlider : .floatSlider, [
        "value": .number(middle), "min": .number(low), "max": .number(high), "step": .number(step),
        "description": .string(name),
      ])
    default:
      return nil
    }
  }
}

/// Keeps what a function prints and shows, for an output area: `("stream", text)`,
/// `("display", value)` or `("error", text)` entries.
final class CapturingHost: LanguageHost {
  var entries: [Value] = []

  func write(_ text: String, toStderr: Bool) {
    entries.append(.tuple([.string(toStderr ? "stderr" : "stream"), .string(text)]))
  }
  func show(_ value: Value, options: [String: Value]) {
    entries.append(.tuple([.string("display"), value]))
  }
  func clearOutput(wait: Bool) { entries.removeAll() }
  func page(_ text: String) { entries.append(.tuple([.string("stream"), .string(text)])) }
}
