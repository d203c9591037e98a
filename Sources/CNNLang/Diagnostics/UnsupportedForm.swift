/// A form of Python the language does not have. Each one's message (in
/// `DiagnosticMessage+Text.swift`) says what to write instead.
public enum UnsupportedForm: Sendable, Equatable {
  case setLiteral
  case dictComprehension
  case dictUnpacking
  case tryStatement
  case classDefinition
  case withStatement
  case lambda
  case yield
  case del
  case raise
  case nonlocal
  /// `!ls`: IPython's shell escape.
  case shellCommand
  /// `def f(*args)`, `def f(**options)`.
  case starParameters
}

extension UnsupportedForm {
  /// The form a keyword of Python would start, for help() on the keyword.
  init?(keyword: Keyword) {
    switch keyword {
    case .try, .except, .finally: self = .tryStatement
    case .class: self = .classDefinition
    case .with: self = .withStatement
    case .lambda: self = .lambda
    case .yield: self = .yield
    case .del: self = .del
    case .raise: self = .raise
    case .nonlocal: self = .nonlocal
    default: return nil
    }
  }
}
