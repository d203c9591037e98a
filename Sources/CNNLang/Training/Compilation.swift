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
    let labels = ShapeText.plain(y.shape)
    let classes = output.last ?? 1
    switch loss {
    case .sparseCategoricalCrossentropy:
      if labelShape == output, classes > 1 {
        throw RuntimeError(.training(.labelsDoNotFitLoss(
          loss: loss.name, labels: labels, output: out,
          fix: "these look like one-hot labels; use loss=\"categorical_crossentropy\", or give class numbers with argmax(y, axis=-1)")))
      }
      guard labelShape == Array(output.dropLast()) || labelShape == Array(output.dropLast()) + [1] else {
        throw RuntimeError(.training(.outputDoesNotMatchLabels(output: out, labels: labels, fix: nil)))
      }
      try Compilation.checkClassNumbers(y, classes: classes, output: out)
    case .categoricalCrossentropy:
      if labelShape == Array(output.dropLast()) || labelShape == Array(output.dropLast()) + [1], classes > 1 {
        throw RuntimeError(.training(.labelsDoNotFitLoss(
          loss: loss.name, labels: labels, output: out,
          fix: "these look like class numbers; use loss=\"sparse_categorical_crossentropy\", or one-hot them with to_categorical(y, \(classes))")))
      }
      guard labelShape == output else {
        throw RuntimeError(.training(.outputDoesNotMatchLabels(output: out, labels: labels, fix: nil)))
      }
    case .binaryCrossentropy, .meanSquaredError, .meanAbsoluteError:
      guard labelShape == output || (output.last == 1 && labelShape == Array(output.dropLast())) else {
        var fix: String? = nil
        if case .binaryCrossentropy = loss, classes > 1, labelShape == Array(output.dropLast()) {
          fix = "binary_crossentropy needs one output per label: end with Dense(1, activation=\"sigmoid\"), or use sparse_categorical_crossentropy for \(classes) classes"
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
          loss: "sparse_categorical_crossentropy", labels: "with the value \(NumberText.repr(Double(v)))", output: output,
          fix: "class labels are whole numbers 0, 1, 2, ...")))
      }
      largest = max(largest, v)
    }
    if Int(largest) >= classes {
      let fix = classes == 1
        ? "the last layer has 1 output; for \(Int(largest) + 1) classes end with Dense(\(Int(largest) + 1), activation=\"softmax\")"
        : "the last layer has \(classes) outputs, so labels go from 0 to \(classes - 1); end with Dense(\(Int(largest) + 1), activation=\"softmax\") for \(Int(largest) + 1) classes"
      throw RuntimeError(.training(.outputDoesNotMatchLabels(
        output: output, labels: "going up to \(Int(largest))", fix: fix)))
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
