/// What stands left of `=` where a name, an index or an attribute belongs, as data.
public enum AssignmentTarget: Sendable, Equatable, CaseIterable {
  case functionCall
  case literal
  case attribute(String)
  case comparison
  case expression
  case severalNames
  /// `a, b += 1`: several names with an augmented operator such as `+=`.
  case severalNamesWith(op: String)

  public static let allCases: [AssignmentTarget] = [
    .functionCall, .literal, .attribute("shape"), .comparison, .expression, .severalNames, .severalNamesWith(op: "+="),
  ]
}

extension AssignmentTarget: LearnerText {
  public var text: String {
    switch self {
    case .functionCall: return "a function call"
    case .literal: return "a literal"
    case .attribute(let name): return "the attribute '\(name)'"
    case .comparison: return "a comparison"
    case .expression: return "an expression"
    case .severalNames: return "several names"
    case .severalNamesWith(let op): return "several names with '\(op)'"
    }
  }

  /// Noun phrases, followed by 에는 in the sentence.
  public var koreanText: String {
    switch self {
    case .functionCall: return "함수 호출"
    case .literal: return "리터럴 값"
    case .attribute(let name): return "속성 '\(name)'"
    case .comparison: return "비교식"
    case .expression: return "식"
    case .severalNames: return "여러 이름"
    case .severalNamesWith(let op): return "'\(op)'와 함께 쓴 여러 이름"
    }
  }
}
