import TensorEngine

/// What the language itself refuses about a tensor (an index, a label, an axis), as data; the
/// engine's own refusals are `TensorError`s. `operation` names the function or `index`.
public enum TensorProblem: Sendable, Equatable, CaseIterable {
  case ellipsisTwice
  case nestedPositions
  /// A boolean mask whose shape is not the part of the tensor's shape it covers.
  case maskShape(covered: [Int], mask: [Int])
  case oneAdvancedIndex
  case nestedTooDeep(operation: String, depth: Int, maximum: Int)
  case labelAboveClasses(label: Int, classes: Int)
  case axisOutOfRange(operation: String, axis: Int, rank: Int)
  case axisNotOne(operation: String, axis: Int, shape: [Int])
  /// `explain()` on a tensor that is neither an image nor a batch of them.
  case notAnImage(shape: [Int])

  public static let allCases: [TensorProblem] = [
    .ellipsisTwice, .nestedPositions, .maskShape(covered: [3, 4], mask: [4]), .oneAdvancedIndex,
    .nestedTooDeep(operation: "tensor", depth: 40, maximum: 32), .labelAboveClasses(label: 9, classes: 5),
    .axisOutOfRange(operation: "expand_dims", axis: 4, rank: 2), .axisNotOne(operation: "squeeze", axis: 0, shape: [2, 3]),
    .notAnImage(shape: [5]),
  ]

  public var kind: ErrorKind {
    switch self {
    case .notAnImage, .maskShape: .shape
    default: .value
    }
  }
}

extension TensorProblem: LearnerText {
  public var text: String {
    switch self {
    case .ellipsisTwice: return "index: an index can only have a single '...'"
    case .nestedPositions: return "index: a list of positions must be flat, like x[[0, 3, 5]]"
    case .maskShape(let covered, let mask):
      return TensorError.shapeMismatch(operation: "a boolean mask", lhs: covered, rhs: mask).description
    case .oneAdvancedIndex:
      return "index: CNN Lab takes one list of positions or one mask per index; index one axis at a time"
    case .nestedTooDeep(let operation, let depth, let maximum):
      return "\(operation): the lists are nested \(depth) deep; a tensor has at most \(maximum) axes"
    case .labelAboveClasses(let label, let classes): return "to_categorical: a label is \(label), but num_classes is \(classes)"
    case .axisOutOfRange(let operation, let axis, let rank):
      return "\(operation): axis \(axis) is out of range for a tensor with \(rank) axes"
    case .axisNotOne(let operation, let axis, let shape):
      return "\(operation): axis \(axis) does not have size 1 in shape \(formatShape(shape))"
    case .notAnImage(let shape): return "explain expects an image (H, W), (H, W, C) or a batch (N, H, W, C); got \(formatShape(shape))"
    }
  }

  public var koreanText: String {
    switch self {
    case .ellipsisTwice: return "인덱스에는 '...'를 한 번만 쓸 수 있습니다"
    case .nestedPositions: return "위치의 list는 x[[0, 3, 5]]처럼 한 겹이어야 합니다"
    case .maskShape(let covered, let mask):
      return TensorError.shapeMismatch(operation: "불리언 마스크", lhs: covered, rhs: mask).koreanText
    case .oneAdvancedIndex:
      return "CNN Lab은 인덱스 하나에 위치의 list나 마스크를 하나만 받습니다: 축을 하나씩 차례로 인덱싱하세요"
    case .nestedTooDeep(let operation, let depth, let maximum):
      return "\(operation): list가 \(depth)겹으로 중첩되어 있습니다. 텐서의 축은 많아야 \(maximum)개입니다"
    case .labelAboveClasses(let label, let classes):
      return "to_categorical: 정답 중에 \(k(String(label), .subject)) 있는데, num_classes는 \(classes)입니다"
    case .axisOutOfRange(let operation, let axis, let rank):
      return "\(operation): 축 \(k(String(axis), .topic)) 축이 \(rank)개인 텐서의 범위를 벗어났습니다"
    case .axisNotOne(let operation, let axis, let shape):
      return "\(operation): 모양 \(formatShape(shape))에서 축 \(axis)의 크기가 1이 아닙니다"
    case .notAnImage(let shape):
      return "explain에 필요한 것은 이미지 (H, W), (H, W, C) 또는 배치 (N, H, W, C)인데, 들어온 모양은 \(formatShape(shape))입니다"
    }
  }
}
