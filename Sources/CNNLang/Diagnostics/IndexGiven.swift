/// What was given where a whole-number index belongs, as data.
public enum IndexGiven: Sendable, Equatable, CaseIterable {
  /// A value's repr or a piece of code: `0.5`, `'...'`.
  case code(String)
  /// Several indices, `x[1, 2]`, where one belongs.
  case indices(Int)
  /// A value of this type (`str`, `list`).
  case type(String)

  public static let allCases: [IndexGiven] = [.code("0.5"), .indices(3), .type("str")]
}

extension IndexGiven: LearnerText {
  public var text: String {
    switch self {
    case .code(let code): return code
    case .indices(let n): return "\(n) indices"
    case .type(let type): return article(type)
    }
  }

  public var koreanText: String {
    switch self {
    case .code(let code): return code
    case .indices(let n): return "인덱스 \(n)개"
    case .type(let type): return "\(type) 값"
    }
  }
}
