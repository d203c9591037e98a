import TensorEngine

// The Korean words of training's errors, beside the English ones in `TrainingProblem.swift`.
extension TrainingProblem: LearnerText {
  public var koreanText: String {
    switch self {
    case .notCompiled(let model, let method):
      return "\(method)()를 부르기 전에 모델을 compile해야 합니다: \(model).\(method)(...) 전에 "
        + "\(model).compile(optimizer=\"adam\", loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"])를 부르세요"
    case .unknownName(let category, let name, let nearest, let known):
      let hint = nearest.map { "\(k("'\($0)'", .object)) 쓰려던 것인가요? " } ?? ""
      return "\(k("'\(name)'", .named)) \(k(category.koreanText, .topic)) 없습니다: \(hint)CNN Lab에 있는 것은 "
        + known.map { "'\($0)'" }.joined(separator: ", ") + "입니다"
    case .labelsDoNotFitLoss(let loss, let labels, let output, let fix):
      return "\(k(labels.koreanText, .topic)) 출력 \(output)에 대한 손실 함수 '\(loss)'에 맞지 않습니다: \(fix.koreanText)"
    case .outputDoesNotMatchLabels(let output, let labels, let fix):
      return "모델의 출력 \(k(output, .subject)) \(k(labels.koreanText, .and)) 맞지 않습니다" + (fix.map { ": \($0.koreanText)" } ?? "")
    case .lengthMismatch(let x, let y):
      return "x에는 샘플이 \(x)개인데 y에는 정답이 \(y)개입니다: 샘플마다 정답이 하나씩, 개수가 같아야 합니다"
    case .emptyData(let what):
      return "\(k(what.koreanText, .subject)) 비어 있습니다: 학습하거나 평가할 데이터가 없습니다"
    case .validationSplit(let split):
      return "validation_split은 0 이상 1 미만의 비율이어야 합니다. 지금은 \(split)입니다"
    case .interrupted(let epoch, let epochs, let step, let steps):
      return "학습이 epoch \(epoch)/\(epochs)의 \(step)/\(steps)번째 걸음 뒤에 멈췄습니다: 모델은 \(step)번째 걸음의 "
        + "가중치를 그대로 갖고 있고, history에는 끝난 epoch \(epoch - 1)개가 들어 있습니다. 이어서 학습하려면 fit(...)을 다시 부르세요"
    case .notTrainable(let model):
      return "\(model)에는 학습할 가중치가 없습니다: 모든 층이 얼려져 있거나(trainable = False) 가중치가 없습니다"
    case .weightCount(let owner, let expected, let got):
      return "\(owner): set_weights()에는 배열 \(expected.count)개(\(expected.joined(separator: ", ")))가 필요한데 \(got)개가 들어왔습니다"
    case .weightShape(let owner, let given, let expected):
      return "\(owner): set_weights()에 \(expected) 자리에 \(k(given, .subject)) 들어왔습니다"
    case .fileArrayCount(let path, let held, let expected):
      return "'\(path)'에는 배열이 \(held)개 있는데 이 모델의 가중치는 \(expected)개입니다: 다른 모델에서 저장한 파일입니다"
    case .fileArrayShape(let path, let name, let shape, let expected):
      return "'\(path)': '\(name)'의 모양은 \(shape)인데 이 모델에서는 \(expected)입니다: 다른 모델에서 저장한 파일입니다"
    case .fileUnreadable(let path, let reason):
      return "'\(path)'에서 가중치를 읽을 수 없습니다: \(reason.koreanText)"
    case .notFinite(let epoch, let step):
      return "epoch \(epoch)의 \(step)번째 걸음에서 손실이 NaN이나 무한대가 되었습니다: 학습률이 너무 큰 것 같습니다"
        + " (10배 작게 해 보세요). 아니면 입력의 크기를 맞추지 않았을 수 있습니다 (이미지는 255로 나누세요)"
    case .batchTooLarge(let batch, let bytes, let limit, let fits):
      return "배치 \(batch)개로 한 걸음 학습하려면 활성값과 기울기에 약 \(formatBytes(bytes))가 필요한데, 메모리 한도 "
        + "\(formatBytes(limit))보다 큽니다: " + (fits > 0 ? "batch_size=\(fits)이면 들어갑니다" : "샘플 하나도 들어가지 않습니다")
    }
  }
}
