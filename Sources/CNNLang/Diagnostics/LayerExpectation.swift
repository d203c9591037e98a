/// What a layer (or a model) expects as its input, as data: the phrase after "expects" in a
/// ShapeError. Shapes are code and read the same in every language.
public enum LayerExpectation: Sendable, Equatable, CaseIterable {
  /// A shape written as code: `(28, 28, 1)`, `(H, W, C)`, `(L, C)`.
  case shape(String)
  /// One sample of `shape`, or a batch of them.
  case shapeOrBatch(shape: String, batch: String)
  case batch(String)
  case vector
  case atLeastOneInput
  case oneInput
  case channelsDivisibleByGroups(Int)

  public static let allCases: [LayerExpectation] = [
    .shape("(H, W, C)"), .shapeOrBatch(shape: "(32, 32, 1)", batch: "(None, 32, 32, 1)"), .batch("(None, 28, 28, 1)"),
    .vector, .atLeastOneInput, .oneInput, .channelsDivisibleByGroups(2),
  ]
}

extension LayerExpectation: LearnerText {
  public var text: String {
    switch self {
    case .shape(let shape): return shape
    case .shapeOrBatch(let shape, let batch): return "\(shape) or a batch \(batch)"
    case .batch(let batch): return "a batch \(batch)"
    case .vector: return "a vector (n,)"
    case .atLeastOneInput: return "at least one input"
    case .oneInput: return "one input"
    case .channelsDivisibleByGroups(let groups): return "input channels and filters divisible by groups=\(groups)"
    }
  }

  /// Noun phrases, ended by the sentence with 인데.
  public var koreanText: String {
    switch self {
    case .shape(let shape): return shape
    case .shapeOrBatch(let shape, let batch): return "\(shape) 또는 배치 \(batch)"
    case .batch(let batch): return "배치 \(batch)"
    case .vector: return "벡터 (n,)"
    case .atLeastOneInput: return "입력 하나 이상"
    case .oneInput: return "입력 하나"
    case .channelsDivisibleByGroups(let groups): return "입력 채널 수와 필터 수가 groups=\(groups)로 나누어떨어지는 입력"
    }
  }
}
