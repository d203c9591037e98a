/// One problem found in a cell, as data: what is wrong, where, and what might help.
/// Only `DiagnosticRenderer` turns it into text.
public struct Diagnostic: Sendable, Equatable {
  public var message: DiagnosticMessage
  public var range: SourceRange
  public var notes: [Note]
  public var suggestion: Suggestion?

  public init(_ message: DiagnosticMessage, at range: SourceRange, notes: [Note] = [], suggestion: Suggestion? = nil) {
    self.message = message
    self.range = range
    self.notes = notes
    self.suggestion = suggestion
  }

  public var kind: ErrorKind { message.kind }
}

/// Extra context under a diagnostic, such as the call that led to an error in a function.
public enum Note: Sendable, Equatable {
  /// The error happened inside `function`, which was called at `line:column` of `file`.
  case calledFrom(function: String, file: String, line: Int, column: Int)
  /// The number of further frames left out of a long traceback.
  case framesOmitted(Int)
  /// The number of further errors in the cell left out after the last one shown.
  case errorsOmitted(Int)
}

/// A hint shown as `= help: ...`.
public enum Suggestion: Sendable, Equatable {
  case didYouMean(String)
  /// A wrong keyword argument: the nearest valid one (if any) and every valid one.
  case validKeywords(nearest: String?, all: [String])
  case hint(Hint)
}

/// Fixed advice for common mistakes.
public enum Hint: Sendable, Equatable {
  case closeBracket(Character)
  case indentBlock
  case useDoubleEqualsToCompare
  case wholeNumberIndex
  case callHelp(String)
  /// For a method: `help("list.append")`.
  case callMethodHelp(type: String, name: String)
  /// A tensor of the wrong rank that a reshape would fix, e.g. `(28, 28)`.
  case reshapeTo(String)
  /// `x.__class__` and other Python internals.
  case pythonInternals
}
