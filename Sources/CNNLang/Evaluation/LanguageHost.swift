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
}

extension LanguageHost {
  public func problem(withShowOptions options: [String: Value]) -> String? { nil }
}

/// The end of a cell: the value of its last bare expression (nil if none or None), or an error.
public enum CellResult {
  case value(Value?)
  case failure(LanguageError)
}

/// A failed cell, ready for Jupyter: `kind.name` is `ename`, `message` is `evalue`.
public struct LanguageError: Error, Sendable {
  public var kind: ErrorKind
  public var message: String
  /// The rendered traceback, with ANSI colours for Jupyter frontends.
  public var traceback: [String]
  /// The same lines without colour codes.
  public var plainTraceback: [String]
  /// Every problem found: several for a cell with more than one syntax error.
  public var diagnostics: [Diagnostic]
}

/// The answer to Jupyter's is_complete_request.
public enum CompletenessStatus: Sendable, Equatable {
  case complete
  /// More lines are needed; `indent` is what the next line should start with.
  case incomplete(indent: String)
  /// No added text could make this valid.
  case invalid
}

/// Completion matches for the identifier before the cursor. Offsets are in code points.
public struct Completion: Sendable, Equatable {
  public var matches: [String]
  public var start: Int
  public var end: Int
  /// One per match: "function", "keyword", "instance", "class", "property".
  public var kinds: [String]
}
