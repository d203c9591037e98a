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
      throw TensorError.invalidShape(operation: name, shape: predictions, expected: "predictions for at least one sample")
    }
    switch loss {
    case .sparseCategoricalCrossentropy:
      guard let classCount = predictions.last else {
        throw TensorError.invalidShape(
          operation: name, shape: predictions, expected: "predictions with a class axis, such as (batch, classes)")
      }
      let perSample = Array(predictions.dropLast())
      guard labels == perSample || labels == perSample + [1] else {
        let hint = labels == predictions ? " (one-hot labels go with categorical_crossentropy)" : ""
        throw TensorError.invalidShape(
          operation: name, shape: labels,
          expected: "labels of shape \(formatShape(perSample)), one class number for each row of the "
            + "predictions \(formatShape(predictions))\(hint)")
      }
      width = classCount
      samples = count / classCount
      classes = try (0..<samples).map { sample in
        let value = label(sample)
        guard value.rounded() == value else {
          throw TensorError.invalidArgument(
            operation: name,
            message: "label \(value) of sample \(sample) is not a whole number: sparse labels are class "
              + "numbers from 0 to \(classCount - 1)")
        }
        guard value >= 0, value < Double(classCount) else {
          throw TensorError.invalidArgument(
            operation: name,
            message: "label \(Int(exactly: value).map(String.init) ?? "\(value)") of sample \(sample) is not "
              + "a class: the predictions have \(classCount) classes, so labels go from 0 to \(classCount - 1)")
        }
        return Int(value)
      }
    case .categoricalCrossentropy:
      guard let classCount = predictions.last, labels == predictions else {
        let hint =
          labels == Array(predictions.dropLast()) ? " (class numbers go with sparse_categorical_crossentropy)" : ""
        throw TensorError.invalidShape(
          operation: name, shape: labels,
          expected: "one-hot labels of the predictions' shape \(formatShape(predictions))\(hint)")
      }
      width = classCount
      samples = count / classCount
      classes = []
    case .binaryCrossentropy, .meanSquaredError, .meanAbsoluteError:
      // Keras squeezes or expands a trailing axis of size 1 so that `(N,)` labels fit `(N, 1)`
      // predictions and the other way round.
      guard labels == predictions || labels + [1] == predictions || labels == predictions + [1] else {
        throw TensorError.invalidShape(
          operation: name, shape: labels, expected: "labels of the predictions' shape \(formatShape(predictions))")
      }
      width = predictions.last ?? 1
      samples = count / width
      classes = []
    }
  }
}
