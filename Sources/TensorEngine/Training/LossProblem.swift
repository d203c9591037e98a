/// The shapes and labels of one loss evaluation, checked once and shared by the fast path and
/// the Double reference: how many per-sample losses there are, how many values each sample
/// has, and (for sparse labels) the class of each sample.
struct LossProblem: Sendable {
  /// Per-sample losses, averaged at the end (Keras's `sum_over_batch_size`).
  let samples: Int
  /// Values per sample: the classes, or the last axis that MSE, MAE and binary
  /// cross-entropy average over.
  let width: Int
  /// The class of each sample, for `sparseCategoricalCrossentropy` only.
  let classes: [Int]

  init(loss: Loss, predictions: [Int], labels: [Int], label: (Int) -> Double) throws {
    let name = loss.name
    let count = Tensor.count(of: predictions)
    guard count > 0 else {
      throw TensorError.invalidShape(operation: name, shape: predictions, expected: .predictionsForOneSample)
    }
    switch loss {
    case .sparseCategoricalCrossentropy:
      guard let classCount = predictions.last else {
        throw TensorError.invalidShape(
          operation: name, shape: predictions, expected: .predictionsWithClassAxis)
      }
      let perSample = Array(predictions.dropLast())
      guard labels == perSample || labels == perSample + [1] else {
        throw TensorError.invalidShape(
          operation: name, shape: labels,
          expected: .classNumbers(perSample: perSample, predictions: predictions, oneHot: labels == predictions))
      }
      width = classCount
      samples = count / classCount
      classes = try (0..<samples).map { sample in
        let value = label(sample)
        guard value.rounded() == value else {
          throw TensorError.invalidArgument(
            operation: name,
            reason: .labelNotWhole(label: value, sample: sample, classes: classCount))
        }
        guard value >= 0, value < Double(classCount) else {
          throw TensorError.invalidArgument(
            operation: name,
            reason: .labelNotClass(label: value, sample: sample, classes: classCount))
        }
        return Int(value)
      }
    case .categoricalCrossentropy:
      guard let classCount = predictions.last, labels == predictions else {
        throw TensorError.invalidShape(
          operation: name, shape: labels,
          expected: .oneHotLabels(predictions: predictions, classNumbers: labels == Array(predictions.dropLast())))
      }
      width = classCount
      samples = count / classCount
      classes = []
    case .binaryCrossentropy, .meanSquaredError, .meanAbsoluteError:
      // Keras squeezes or expands a trailing axis of size 1 so that `(N,)` labels fit `(N, 1)`
      // predictions and the other way round.
      guard labels == predictions || labels + [1] == predictions || labels == predictions + [1] else {
        throw TensorError.invalidShape(
          operation: name, shape: labels, expected: .labelsLikePredictions(predictions))
      }
      width = predictions.last ?? 1
      samples = count / width
      classes = []
    }
  }
}
