/// A form of Python the language does not have. Each one's message (in
/// `DiagnosticMessage+Text.swift`) says what to write instead.
public enum UnsupportedForm: Sendable, Equatable {
  case setLiteral
  case dictComprehension
  case dictUnpacking
}
