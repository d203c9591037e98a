/// Why `explain()` cannot show how a tensor's value was computed, as data.
public enum ExplainRefusal: Sendable, Equatable, CaseIterable {
  /// Arithmetic, indexing and reshaping do not keep the history of a value.
  case notComputed
  case comparison
}

extension ExplainRefusal: LearnerText {
  public var text: String {
    switch self {
    case .notComputed: return "this tensor was not made by one of them (arithmetic, indexing and reshaping do not keep the history)"
    case .comparison: return "this tensor holds the answers of a comparison"
    }
  }

  public var koreanText: String {
    switch self {
    case .notComputed: return "이 텐서는 그중 하나로 만들어지지 않았습니다 (산술 연산, 인덱싱, reshape는 계산 기록을 남기지 않습니다)"
    case .comparison: return "이 텐서에는 비교의 답이 들어 있습니다"
    }
  }
}
