/// What a merging layer (`Add`, `Concatenate`) needs of its inputs' shapes, as data.
public enum ShapeRequirement: Sendable, Equatable, CaseIterable {
  case equalShapes
  case sameRank(axis: Int)
  case equalExceptAxis(Int)

  public static let allCases: [ShapeRequirement] = [.equalShapes, .sameRank(axis: -1), .equalExceptAxis(3)]
}

extension ShapeRequirement: LearnerText {
  public var text: String {
    switch self {
    case .equalShapes: return "two or more inputs of equal shapes"
    case .sameRank(let axis): return "two or more inputs of the same rank, with axis=\(axis) among their axes"
    case .equalExceptAxis(let axis): return "equal shapes except on axis \(axis)"
    }
  }

  /// Noun phrases, ended by the sentence with 인데.
  public var koreanText: String {
    switch self {
    case .equalShapes: return "모양이 같은 입력 두 개 이상"
    case .sameRank(let axis): return "차원 수가 같고 axis=\(axis) 축이 있는 입력 두 개 이상"
    case .equalExceptAxis(let axis): return "축 \(axis) 말고는 모양이 모두 같은 입력"
    }
  }
}
