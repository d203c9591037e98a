/// What kind of name `compile(...)` did not know.
public enum TrainingNameCategory: Sendable, Equatable, CaseIterable {
  case optimizer, loss, metric
}

extension TrainingNameCategory: LearnerText {
  public var text: String {
    switch self {
    case .optimizer: return "optimizer"
    case .loss: return "loss"
    case .metric: return "metric"
    }
  }

  public var koreanText: String {
    switch self {
    case .optimizer: return "옵티마이저"
    case .loss: return "손실 함수"
    case .metric: return "지표(metric)"
    }
  }
}
