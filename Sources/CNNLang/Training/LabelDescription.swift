/// The labels a training error speaks of, as data: by their shape, by a value that cannot be
/// a class, or by the largest class they name.
public enum LabelDescription: Sendable, Equatable, CaseIterable {
  case shape(String)
  case withValue(String)
  case goingUpTo(Int)

  public static let allCases: [LabelDescription] = [.shape("(32, 10)"), .withValue("2.5"), .goingUpTo(9)]
}

extension LabelDescription: LearnerText {
  public var text: String {
    switch self {
    case .shape(let shape): return "the labels \(shape)"
    case .withValue(let value): return "the labels with the value \(value)"
    case .goingUpTo(let largest): return "the labels going up to \(largest)"
    }
  }

  public var koreanText: String {
    switch self {
    case .shape(let shape): return "정답(labels) \(shape)"
    case .withValue(let value): return "값이 \(value)인 정답"
    case .goingUpTo(let largest): return "\(largest)까지 올라가는 정답"
    }
  }
}
