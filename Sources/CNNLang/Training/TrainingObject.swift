import TensorEngine
import TextAndTime

/// The values training adds to the language: optimizers and losses as objects (`Adam(...)`,
/// `SparseCategoricalCrossentropy(from_logits=True)`), callbacks, and the `History` that
/// `fit` returns. One case of `Value` holds them all.
public enum TrainingObject {
  case optimizer(Optimizer)
  case loss(Loss)
  case callback(Callback)
  case history(History)
  /// `confusion_matrix(y_true, y_pred)`: counts per (true, predicted) class, with names.
  case confusion(ConfusionMatrix)
  /// `show_mistakes(...)`: images with what they are and what the model said.
  case gallery(Gallery)

  var typeName: String {
    switch self {
    case .optimizer: return "optimizer"
    case .loss: return "loss"
    case .callback: return "callback"
    case .history: return "History"
    case .confusion: return "confusion matrix"
    case .gallery: return "gallery"
    }
  }

  var repr: String {
    switch self {
    case .optimizer(let o):
      return "<\(OptimizerNames.className(o.name)) learning_rate=\(NumberText.repr(TrainingText.decimal(o.learningRate))), \(o.iterations) steps taken>"
    case .loss(let l):
      return "<\(LossNames.className(l)) loss>"
    case .callback(let c):
      return "<\(c.repr)>"
    case .history(let h):
      let keys = h.keys.map { "'\($0)'" }.joined(separator: ", ")
      return "<History of \(h.epoch.count) epoch\(h.epoch.count == 1 ? "" : "s"): \(keys)>"
    case .confusion(let c):
      return c.text
    case .gallery(let g):
      return g.captions.joined(separator: "\n")
    }
  }

  func isSame(as other: TrainingObject) -> Bool {
    switch (self, other) {
    case (.optimizer(let a), .optimizer(let b)): return a === b
    case (.loss(let a), .loss(let b)): return a == b
    case (.callback(let a), .callback(let b)): return a === b
    case (.history(let a), .history(let b)): return a === b
    case (.confusion(let a), .confusion(let b)): return a.counts == b.counts
    default: return false
    }
  }
}

/// What `fit` returns, as Keras's `History`: per-epoch lists under `loss`, `accuracy`,
/// `val_loss`, `val_accuracy` (in the order they first appear), the epochs' indices, and the
/// run's settings.
public final class History {
  public private(set) var keys: [String] = []
  public private(set) var values: [String: [Double]] = [:]
  public private(set) var epoch: [Int] = []
  var params: [(String, Value)] = []

  func append(epoch index: Int, logs: [(String, Double)]) {
    epoch.append(index)
    for (key, value) in logs {
      if values[key] == nil { keys.append(key) }
      values[key, default: []].append(value)
    }
  }
}

/// A learning rate as the learner typed it.
enum TrainingText {
  /// The float32 as the decimal it was typed as: 0.1, not 0.10000000149011612.
  static func decimal(_ f: Float) -> Double { Double(f.description) ?? Double(f) }
}

/// Counts of (true class, predicted class) pairs: row i, column j holds how many samples of
/// class i the model called j, so the diagonal is what it got right.
public struct ConfusionMatrix {
  public let counts: Tensor
  public let classNames: [String]

  /// Rows of counts under the classes' names, right-aligned.
  var text: String {
    let n = classNames.count
    let width = max(3, counts.values.map { String(Int($0)).count }.max() ?? 1)
    let labelWidth = classNames.map(\.count).max() ?? 1
    func padded(_ text: String) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
    var lines = [
      String(repeating: " ", count: labelWidth + 2) + (0..<n).map { padded(String($0)) }.joined(separator: " ") + "  (predicted)"
    ]
    for i in 0..<n {
      let row = (0..<n).map { j in padded(String(Int(counts.values[i * n + j]))) }
      lines.append(String(repeating: " ", count: labelWidth - classNames[i].count) + classNames[i] + "  " + row.joined(separator: " "))
    }
    return lines.joined(separator: "\n")
  }
}

/// Pictures with a caption each, shown as a grid.
public struct Gallery {
  public let images: [Tensor]
  public let captions: [String]
  public let title: String
}
