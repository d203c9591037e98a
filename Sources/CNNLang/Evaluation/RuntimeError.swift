/// An error raised while a cell runs. Built-ins throw it without a location; the evaluator
/// fills in the innermost expression it was evaluating and the chain of calls.
///
/// The facts live in one immutable box, so the error is a single pointer: every evaluator
/// frame that can throw reserves room for one, and the evaluator recurses once per nested
/// expression and call, so a small error keeps deep recursion affordable.
public struct RuntimeError: Error, Sendable {
  private final class Facts: Sendable {
    let message: DiagnosticMessage
    let suggestion: Suggestion?
    let file: SourceFile?
    let range: SourceRange?
    let notes: [Note]

    init(_ message: DiagnosticMessage, _ suggestion: Suggestion?, _ file: SourceFile?, _ range: SourceRange?, _ notes: [Note]) {
      self.message = message
      self.suggestion = suggestion
      self.file = file
      self.range = range
      self.notes = notes
    }
  }

  private var facts: Facts

  public init(_ message: DiagnosticMessage, suggestion: Suggestion? = nil) {
    facts = Facts(message, suggestion, nil, nil, [])
  }

  public var message: DiagnosticMessage {
    get { facts.message }
    set { facts = Facts(newValue, facts.suggestion, facts.file, facts.range, facts.notes) }
  }

  public var suggestion: Suggestion? {
    get { facts.suggestion }
    set { facts = Facts(facts.message, newValue, facts.file, facts.range, facts.notes) }
  }

  var file: SourceFile? { facts.file }
  var range: SourceRange? { facts.range }

  var notes: [Note] {
    get { facts.notes }
    set { facts = Facts(facts.message, facts.suggestion, facts.file, facts.range, newValue) }
  }

  /// Sets the location unless an inner expression already did.
  mutating func locate(_ file: SourceFile, _ range: SourceRange) {
    if facts.range == nil {
      facts = Facts(facts.message, facts.suggestion, file, range, facts.notes)
    }
  }

  func locating(_ file: SourceFile, _ range: SourceRange) -> RuntimeError {
    var copy = self
    copy.locate(file, range)
    return copy
  }
}
