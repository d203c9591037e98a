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

/// A learner-facing sentence that exists in every message language: the English in `text`
/// (`DiagnosticMessage+Text.swift`), the Korean in `koreanText` (`DiagnosticMessage+Korean.swift`).
public protocol LearnerText {
  var text: String { get }
  var koreanText: String { get }
}

extension LearnerText {
  /// The sentence in `language`.
  public func text(in language: MessageLanguage) -> String {
    switch language {
    case .english: return text
    case .korean: return koreanText
    }
  }
}

extension DiagnosticMessage: LearnerText {}
extension Suggestion: LearnerText {}
extension Hint: LearnerText {}
extension Note: LearnerText {}
