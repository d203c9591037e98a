import TensorEngine

// The Korean words of why an engine operation cannot use an argument, beside the English ones
// in TensorEngine's `ArgumentProblem.swift`.
extension ArgumentProblem: LearnerText {
  /// The English, as the engine words it.
  public var text: String { description }

  public var koreanText: String {
    switch self {
    case .negativePadding: return "패딩은 음수일 수 없습니다"
    case .poolSizeAndStrides: return "풀 크기와 strides는 1 이상이어야 합니다"
    case .poolPadding: return "패딩은 0 이상, 풀 크기에서 1을 뺀 값 이하여야 합니다. 그래야 모든 창이 이미지를 봅니다"
    case .stridesAndDilation: return "strides와 dilation은 1 이상이어야 합니다"
    case .groups(let groups): return "groups는 1 이상이어야 하는데 \(groups)입니다"
    case .noFilters(let kernel): return "합성곱에는 필터가 하나 이상 필요한데, 커널 \(formatShape(kernel))에는 필터가 없습니다"
    case .dropoutRate(let rate): return "rate는 0 이상 1 미만이어야 하는데 \(rate)입니다"
    case .noInput: return "입력이 하나 이상 필요합니다"
    case .noTensor: return "텐서가 하나 이상 필요합니다"
    case .piecesDoNotMakeAxis(let sizes, let axis):
      return "크기가 \(formatShape(sizes))인 조각들을 합쳐도 크기 \(axis)인 축이 되지 않습니다"
    case .negativeSize(let shape): return "모양의 크기는 음수일 수 없습니다 (\(formatShape(shape)))"
    case .emptyReduction(let name): return "빈 텐서에서는 \(name) 값을 구할 수 없습니다"
    case .notAShape(let shape): return "\(k(formatShape(shape), .topic)) 올바른 모양이 아닙니다"
    case .notAnOrdering(let permutation, let rank): return "\(k(formatShape(permutation), .topic)) 축 \(rank)개의 순서가 아닙니다"
    case .tooManyIndices(let given, let rank): return "차원이 \(rank)개인 텐서에 인덱스가 \(given)개 주어졌습니다"
    case .stepZero: return "step은 0일 수 없습니다"
    case .learningRate(let rate): return "학습률은 수여야 하는데 \(rate)입니다"
    case .clipBoth: return "clipnorm과 clipvalue는 둘 중 하나만 쓸 수 있습니다"
    case .notPositive(let argument, let value): return "\(argument)는 양수여야 하는데 \(value)입니다"
    case .momentum(let momentum): return "momentum은 0과 1 사이여야 하는데 \(momentum)입니다"
    case .listedTwice(let parameter): return "\(k(parameter, .subject)) 두 번 들어 있습니다"
    case .noGradient(let parameter): return "\(parameter)에는 기울기가 없습니다: 손실이 이 값에 따라 달라지지 않습니다"
    case .labelNotWhole(let label, let sample, let classes):
      return "샘플 \(sample)의 정답 \(k("\(label)", .topic)) 정수가 아닙니다: sparse 정답은 0부터 \(classes - 1)까지의 클래스 번호입니다"
    case .labelNotClass(let label, let sample, let classes):
      return "샘플 \(sample)의 정답 \(k(ArgumentProblem.number(label), .topic)) 클래스가 아닙니다: 예측의 클래스는 \(classes)개라서 "
        + "정답은 0부터 \(classes - 1)까지입니다"
    case .unexpected(let text): return "예상하지 못한 오류입니다 (\"\(text)\")"
    }
  }
}
