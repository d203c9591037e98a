/// An error raised while a cell runs. Built-ins throw it without a location; the evaluator
/// fills in the innermost expression it was evaluating and the chain of calls.
public struct RuntimeError: Error, Sendable {
  public var message: DiagnosticMessage
  public var suggestion: Suggestion?
  var file: SourceFile?
  var range: SourceRange?
  var notes: [Note] = []

  public init(_ message: DiagnosticMessage, suggestion: Suggestion? = nil) {
    self.message = message
    self.suggestion = suggestion
  }

  /// Sets the location unless an inner expression already did.
  mutating func locate(_ file: SourceFile, _ range: SourceRange) {
    if self.range == nil {
      self.file = file
      self.range = range
    }
  }

  func locating(_ file: SourceFile, _ range: SourceRange) -> RuntimeError {
    var copy = self
    copy.locate(file, range)
    return copy
  }
}
