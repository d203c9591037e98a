/// The language in which errors, hints and help() pages speak to the learner. Identifiers,
/// code and the error names (`ValueError`, Jupyter's `ename`) stay as they are in every language.
public enum MessageLanguage: String, Sendable, CaseIterable {
  case english = "en"
  case korean = "ko"

  /// `en` or `ko` (also `ko_KR`, `ko-KR.UTF-8`: a locale's language part); nil for others.
  public init?(code: String) {
    let language = code.prefix { $0 != "_" && $0 != "-" && $0 != "." }.lowercased()
    guard let known = MessageLanguage(rawValue: language) else { return nil }
    self = known
  }
}

extension DiagnosticMessage {
  /// The sentence after `ErrorKind:` in `language`; also Jupyter's `evalue`.
  public func text(in language: MessageLanguage) -> String {
    switch language {
    case .english: return text
    case .korean: return koreanText
    }
  }
}

extension Suggestion {
  public func text(in language: MessageLanguage) -> String {
    switch language {
    case .english: return text
    case .korean: return koreanText
    }
  }
}

extension Hint {
  public func text(in language: MessageLanguage) -> String {
    switch language {
    case .english: return text
    case .korean: return koreanText
    }
  }
}

extension Note {
  public func text(in language: MessageLanguage) -> String {
    switch language {
    case .english: return text
    case .korean: return koreanText
    }
  }
}
