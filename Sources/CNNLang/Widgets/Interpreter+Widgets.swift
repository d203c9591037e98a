// The front end's side of widgets: the glue reports a change the learner made, and the
// interpreter stores it and runs what observes it.
extension Interpreter {
  /// The learner moved `widget` in the front end: `changes` are stored (without being sent
  /// back), then, when its `value` changed, its observers run: the explorer's own redraw and
  /// the learner's functions, each called with `{"name", "old", "new", "owner"}`. Their output
  /// goes to `host`. A failing observer ends the round with its error, as a cell would.
  public func widgetChanged(_ widget: Widget, _ changes: [String: Value], host: any LanguageHost) -> LanguageError? {
    let old = widget["value"] ?? .none
    for (key, value) in changes { widget.receive(key, value) }
    guard let new = changes["value"], !widget.observers.isEmpty else { return nil }
    return runObservers(of: widget, old: old, new: new, host: host)
  }

  /// A Button was clicked: its `value` counts the clicks, and its observers run.
  public func widgetClicked(_ widget: Widget, host: any LanguageHost) -> LanguageError? {
    let old = widget["value"] ?? .number(0)
    let new = Value.number((old.numeric ?? 0) + 1)
    widget.receive("value", new)
    return runObservers(of: widget, old: old, new: new, host: host)
  }

  private func runObservers(of widget: Widget, old: Value, new: Value, host: any LanguageHost) -> LanguageError? {
    cancellation.reset()
    let file = SourceFile(name: "widget", text: "")
    enter(file, host: host)
    defer { leave(host) }
    do throws(RuntimeError) {
      for observer in widget.observers {
        switch observer {
        case .native(let step): try step(widget, evaluator)
        case .function(let f):
          let change = try DictStorage([
            (.string("name"), .string("value")), (.string("old"), old), (.string("new"), new), (.string("owner"), .widget(widget)),
          ])
          _ = try evaluator.call(f, positional: [.dict(change)])
        }
      }
      return nil
    } catch {
      evaluator.frames = []
      return Interpreter.failure(error, fallback: file, language: language)
    }
  }
}
