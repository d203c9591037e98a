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
