/// Where a running cell's effects go. The kernel glue implements it; the interpreter itself
/// never prints.
public protocol LanguageHost: AnyObject {
  /// `print()`: text for stdout or stderr.
  func write(_ text: String, toStderr: Bool)
  /// `show(value, title=..., cmap=...)`: the value and the keyword arguments the learner gave.
  func show(_ value: Value, options: [String: Value])
  /// Why `show`'s options cannot be honoured (an unknown colormap, a bad scale), asked before
  /// `show` so the cell fails with a ValueError at the call; nil when they are fine.
  func problem(withShowOptions options: [String: Value]) -> String?
  func clearOutput(wait: Bool)
  /// `help(name)`: text for the pager.
  func page(_ text: String)
  /// `exit` or `quit`: ask the front end to end the session (IPython's `ask_exit`).
  func askExit(keepKernel: Bool)
}

extension LanguageHost {
  public func problem(withShowOptions options: [String: Value]) -> String? { nil }
  public func askExit(keepKernel: Bool) {}
}

/// The end of a cell: the value of its last bare expression (nil if none or None), or an error.
public enum CellResult {
  case value(Value?)
  case failure(LanguageError)
}
