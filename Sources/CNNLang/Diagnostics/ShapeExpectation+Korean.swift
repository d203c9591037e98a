import TensorEngine

// The Korean words of what an engine operation wants of a shape, beside the English ones in
// TensorEngine's `ShapeExpectation.swift`: noun phrases, ended by the sentence with 인데.
extension ShapeExpectation: LearnerText {
  /// The English, as the engine words it.
  public var text: String { description }

  public var koreanText: String {
    switch self {
    case .image: return "이미지 (H, W), (H, W, C) 또는 배치 (N, H, W, C)"
    case .imageWithPixel: return "픽셀이 하나 이상 있는 이미지"
    case .sequence: return "시퀀스 (L), (L, C) 또는 배치 (N, L, C)"
    case .atLeastOneAxis: return "축이 하나 이상인 텐서"
    case .valuePerChannel: return "채널마다 값이 하나 이상 있는 입력"
    case .denseWeights: return "가중치 (inputs, units)"
    case .conv2DKernel: return "커널 (kh, kw) 또는 (kh, kw, C_in / groups, C_out)"
    case .conv1DKernel: return "커널 (k) 또는 (k, C_in / groups, C_out)"
    case .oneChannel(let kernel, let channels):
      return "\(formatShape(kernel)) 필터에 맞는 채널 하나짜리 입력(채널이 \(channels)개라면 (kh, kw, C_in, C_out) 커널을 주세요)"
    case .weight(let name, let shape): return "모양이 \(formatShape(shape))인 \(name)"
    case .paddingGradient(let rows, let columns): return "이 패딩에 맞는 \(rows)x\(columns) 이상의 기울기"
    case .predictionsForOneSample: return "샘플 하나 이상의 예측"
    case .predictionsWithClassAxis: return "(batch, classes)처럼 클래스 축이 있는 예측"
    case .classNumbers(let perSample, let predictions, let oneHot):
      return "예측 \(formatShape(predictions))의 행마다 클래스 번호가 하나씩 있는, 모양이 \(formatShape(perSample))인 정답"
        + (oneHot ? "(원-핫 정답에는 categorical_crossentropy를 쓰세요)" : "")
    case .oneHotLabels(let predictions, let classNumbers):
      return "예측과 같은 모양 \(formatShape(predictions))의 원-핫 정답"
        + (classNumbers ? "(클래스 번호 정답에는 sparse_categorical_crossentropy를 쓰세요)" : "")
    case .labelsLikePredictions(let predictions): return "예측과 같은 모양 \(formatShape(predictions))의 정답"
    }
  }
}
