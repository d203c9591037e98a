/// How to mend a layer's input, as data: the clause after the colon of a ShapeError. Code in
/// a fix (`Flatten()`, `reshape(x, (28, 28, 1))`) stays as it is in every language.
public enum LayerFix: Sendable, Equatable, CaseIterable {
  case reshapeToImage
  case reshapeToSequence
  case flattenBeforeDense
  /// A 2-D input to Dense: one image to flatten, or a batch of vectors for a model.
  case flattenOrBatchOfVectors
  /// The same number of values in another shape.
  case reshape(to: String)
  /// A digit smaller than LeNet-5's 32x32 on every side by `cells` zero cells.
  case pad(cells: Int, from: String, to: String)
  /// A layer built for another input shape keeps the weights it made then.
  case newLayerForNewShape
  /// A window larger than its input: `parameter` names the window's size (`kernel_size`, `pool_size`).
  case paddingSameOrSmaller(parameter: String)

  public static let allCases: [LayerFix] = [
    .reshapeToImage, .reshapeToSequence, .flattenBeforeDense, .flattenOrBatchOfVectors, .reshape(to: "(28, 28, 1)"),
    .pad(cells: 2, from: "28x28", to: "32x32"), .newLayerForNewShape, .paddingSameOrSmaller(parameter: "kernel_size"),
  ]
}

extension LayerFix: LearnerText {
  public var text: String {
    switch self {
    case .reshapeToImage: return "use reshape to make it (H, W, C)"
    case .reshapeToSequence: return "use reshape to make it a sequence (L, C)"
    case .flattenBeforeDense: return "add Flatten() before Dense"
    case .flattenOrBatchOfVectors:
      return "add Flatten() before Dense; for a batch of vectors (N, n), call a Sequential model on the batch"
    case .reshape(let shape): return "use reshape(x, \(shape))"
    case .pad(let cells, let from, let to): return "pad(x, \(cells)) makes \(from) into \(to)"
    case .newLayerForNewShape: return "its weights were made for the first shape; make a new layer for this input"
    case .paddingSameOrSmaller(let parameter): return "use padding='same' or a smaller \(parameter)"
    }
  }

  public var koreanText: String {
    switch self {
    case .reshapeToImage: return "reshape로 (H, W, C) 모양을 만드세요"
    case .reshapeToSequence: return "reshape로 시퀀스 모양 (L, C)를 만드세요"
    case .flattenBeforeDense: return "Dense 앞에 Flatten()을 넣으세요"
    case .flattenOrBatchOfVectors:
      return "Dense 앞에 Flatten()을 넣으세요. 벡터의 배치 (N, n)이라면 Sequential 모델에 배치를 넣어 호출하세요"
    case .reshape(let shape): return "reshape(x, \(shape))를 쓰세요"
    case .pad(let cells, let from, let to): return "pad(x, \(cells))가 \(k(from, .object)) \(k(to, .by)) 만듭니다"
    case .newLayerForNewShape: return "이 층의 가중치는 처음 모양에 맞춰 만들어졌습니다. 이 입력에는 새 층을 만드세요"
    case .paddingSameOrSmaller(let parameter): return "padding='same'을 쓰거나 \(k(parameter, .object)) 줄이세요"
    }
  }
}
