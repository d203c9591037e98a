/// Which data turned out empty: the `x` given, or one side of `validation_split`.
public enum DataPart: Sendable, Equatable, CaseIterable {
  case x, validationSplit, trainingPart
}

extension DataPart: LearnerText {
  public var text: String {
    switch self {
    case .x: return "x"
    case .validationSplit: return "the validation split"
    case .trainingPart: return "the training part"
    }
  }

  public var koreanText: String {
    switch self {
    case .x: return "x"
    case .validationSplit: return "검증용으로 떼어 낸 부분"
    case .trainingPart: return "학습용으로 남은 부분"
    }
  }
}
