/// How to make labels, loss and output fit together, as data: the clause after the colon of
/// a training error. Code (`loss="categorical_crossentropy"`, `Dense(10, ...)`) stays as it is.
public enum TrainingFix: Sendable, Equatable, CaseIterable {
  case oneHotLabels
  case classNumberLabels(classes: Int)
  case binaryNeedsOneOutput(classes: Int)
  case wholeNumberLabels
  /// Labels up to `classes - 1` for a last layer of `outputs` units.
  case moreOutputs(outputs: Int, classes: Int)

  public static let allCases: [TrainingFix] = [
    .oneHotLabels, .classNumberLabels(classes: 7), .binaryNeedsOneOutput(classes: 7), .wholeNumberLabels,
    .moreOutputs(outputs: 1, classes: 7), .moreOutputs(outputs: 3, classes: 7),
  ]
}

extension TrainingFix: LearnerText {
  public var text: String {
    switch self {
    case .oneHotLabels:
      return "these look like one-hot labels; use loss=\"categorical_crossentropy\", or give class numbers with argmax(y, axis=-1)"
    case .classNumberLabels(let classes):
      return "these look like class numbers; use loss=\"sparse_categorical_crossentropy\", or one-hot them with to_categorical(y, \(classes))"
    case .binaryNeedsOneOutput(let classes):
      return "binary_crossentropy needs one output per label: end with Dense(1, activation=\"sigmoid\"), or use sparse_categorical_crossentropy for \(classes) classes"
    case .wholeNumberLabels:
      return "class labels are whole numbers 0, 1, 2, ..."
    case .moreOutputs(let outputs, let classes):
      if outputs == 1 {
        return "the last layer has 1 output; for \(classes) classes end with Dense(\(classes), activation=\"softmax\")"
      }
      return "the last layer has \(outputs) outputs, so labels go from 0 to \(outputs - 1); end with Dense(\(classes), activation=\"softmax\") for \(classes) classes"
    }
  }

  public var koreanText: String {
    switch self {
    case .oneHotLabels:
      return "원-핫 정답으로 보입니다. loss=\"categorical_crossentropy\"를 쓰거나, argmax(y, axis=-1)로 클래스 번호를 주세요"
    case .classNumberLabels(let classes):
      return "클래스 번호로 보입니다. loss=\"sparse_categorical_crossentropy\"를 쓰거나, to_categorical(y, \(classes))로 원-핫으로 바꾸세요"
    case .binaryNeedsOneOutput(let classes):
      return "binary_crossentropy에는 정답마다 출력이 하나 필요합니다: Dense(1, activation=\"sigmoid\")로 끝내거나, "
        + "클래스 \(classes)개라면 sparse_categorical_crossentropy를 쓰세요"
    case .wholeNumberLabels:
      return "클래스 정답은 정수 0, 1, 2, ...입니다"
    case .moreOutputs(let outputs, let classes):
      if outputs == 1 {
        return "마지막 층의 출력이 1개입니다. 클래스 \(classes)개라면 Dense(\(classes), activation=\"softmax\")로 끝내세요"
      }
      return "마지막 층의 출력이 \(outputs)개라서 정답은 0부터 \(outputs - 1)까지입니다. 클래스 \(classes)개라면 "
        + "Dense(\(classes), activation=\"softmax\")로 끝내세요"
    }
  }
}
