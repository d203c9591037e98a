import TensorEngine
import TextAndTime

/// What `model.compile(...)` chose, and the checks that labels fit it before any step runs.
final class Compilation {
  let optimizer: Optimizer
  let loss: Loss
  /// The metric as the learner typed it (`"accuracy"`, `"acc"`), the key it has in logs; nil
  /// without one.
  let metric: String?

  init(optimizer: Optimizer, loss: Loss, metric: String?) {
    self.optimizer = optimizer
    self.loss = loss
    self.metric = metric
  }

  /// The log keys a step reports, in Keras 3's order (alphabetical): `accuracy`, `loss`.
  var trainingKeys: [String] { ([metric, "loss"].compactMap { $0 }).sorted() }

  /// Checks labels `y` (with the batch axis) against the loss and the model's output shape
  /// (without it); the accuracy to use when a metric was asked for.
  func check(labels y: Tensor, output: [Int]) throws(RuntimeError) -> AccuracyKind? {
    let labelShape = Array(y.shape.dropFirst())
    let out = ShapeText.batched(output)
    let labels = LabelDescription.shape(ShapeText.plain(y.shape))
    let classes = output.last ?? 1
    switch loss {
    case .sparseCategoricalCrossentropy:
      if labelShape == output, classes > 1 {
        throw RuntimeError(.training(.labelsDoNotFitLoss(
          loss: loss.name, labels: labels, output: out,
          fix: .oneHotLabels)))
      }
      guard labelShape == Array(output.dropLast()) || labelShape == Array(output.dropLast()) + [1] else {
        throw RuntimeError(.training(.outputDoesNotMatchLabels(output: out, labels: labels, fix: nil)))
      }
      try Compilation.checkClassNumbers(y, classes: classes, output: out)
    case .categoricalCrossentropy:
      if labelShape == Array(output.dropLast()) || labelShape == Array(output.dropLast()) + [1], classes > 1 {
        throw RuntimeError(.training(.labelsDoNotFitLoss(
          loss: loss.name, labels: labels, output: out,
          fix: .classNumberLabels(classes: classes))))
      }
      guard labelShape == output else {
        throw RuntimeError(.training(.outputDoesNotMatchLabels(output: out, labels: labels, fix: nil)))
      }
    case .binaryCrossentropy, .meanSquaredError, .meanAbsoluteError:
      guard labelShape == output || (output.last == 1 && labelShape == Array(output.dropLast())) else {
        var fix: TrainingFix? = nil
        if case .binaryCrossentropy = loss, classes > 1, labelShape == Array(output.dropLast()) {
          fix = .binaryNeedsOneOutput(classes: classes)
        }
        throw RuntimeError(.training(.outputDoesNotMatchLabels(output: out, labels: labels, fix: fix)))
      }
    }
    guard metric != nil else { return nil }
    return AccuracyKind(labels: labelShape, output: output)
  }

  /// Sparse labels are whole numbers from 0 to classes - 1.
  private static func checkClassNumbers(_ y: Tensor, classes: Int, output: String) throws(RuntimeError) {
    var largest: Float = 0
    for v in y.values {
      guard v >= 0, v == v.rounded(.towardZero) else {
        throw RuntimeError(.training(.labelsDoNotFitLoss(
          loss: "sparse_categorical_crossentropy", labels: .withValue(NumberText.repr(Double(v))), output: output,
          fix: .wholeNumberLabels)))
      }
      largest = max(largest, v)
    }
    if Int(largest) >= classes {
      throw RuntimeError(.training(.outputDoesNotMatchLabels(
        output: output, labels: .goingUpTo(Int(largest)), fix: .moreOutputs(outputs: classes, classes: Int(largest) + 1))))
    }
  }
}

/// Keras's "accuracy", resolved from the shapes as Keras resolves it: binary when the model
/// has one output per sample, sparse when the labels are class numbers, categorical otherwise.
enum AccuracyKind {
  case sparse, categorical, binary

  init(labels: [Int], output: [Int]) {
    if output.last == 1 {
      self = .binary
    } else if labels.count < output.count || labels.last == 1 {
      self = .sparse
    } else {
      self = .categorical
    }
  }

  /// Correct predictions in a batch and how many were judged.
  func count(predictions p: Tensor, labels y: Tensor) -> (correct: Int, total: Int) {
    let rows = p.shape.first ?? 0
    guard rows > 0 else { return (0, 0) }
    let width = p.count / rows
    var correct = 0
    switch self {
    case .binary:
      for i in 0..<min(p.count, y.count) where (p.values[i] > 0.5) == (y.values[i] > 0.5) { correct += 1 }
      return (correct, min(p.count, y.count))
    case .sparse, .categorical:
      let labelWidth = y.count / rows
      p.values.withUnsafeBufferPointer { pv in
        y.values.withUnsafeBufferPointer { yv in
          for r in 0..<rows {
            let predicted = AccuracyKind.argmax(pv, from: r * width, count: width)
            let truth = self == .sparse ? Int(yv[r * labelWidth]) : AccuracyKind.argmax(yv, from: r * labelWidth, count: labelWidth)
            if predicted == truth { correct += 1 }
          }
        }
      }
      return (correct, rows)
    }
  }

  private static func argmax(_ v: UnsafeBufferPointer<Float>, from start: Int, count: Int) -> Int {
    var best = 0
    for i in 1..<max(count, 1) where v[start + i] > v[start + best] { best = i }
    return best
  }
}
