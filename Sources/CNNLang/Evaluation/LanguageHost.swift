/// Where a running cell's effects go. The kernel glue implements it; the interpreter itself
/// never prints.
public protocol LanguageHost: AnyObject {
  /// `print()`: text for stdout or stderr.
  func write(_ text: String, toStderr: Bool)
  /// `show(value, title=..., cmap=...)`: the value and the keyword arguments the learner gave.
  func show(_ value: Value, options: [String: Value])
  func clearOutput(wait: Bool)
  /// `help(name)`: text for the pager.
  func page(_ text: String)
}

/// The end of a cell: the value of its last bare expression (nil if none or None), or an error.
public enum CellResult {
  case value(Value?)
  case failure(LanguageError)
}
