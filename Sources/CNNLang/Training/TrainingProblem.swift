import TensorEngine

/// What can go wrong in `compile`, `fit`, `evaluate` and the weights' files, as data: each
/// case carries the facts its sentence needs. The English words are in `text`; every error
/// is found before the first training step changes a weight.
public enum TrainingProblem: Sendable, Equatable {
  case notCompiled(model: String, method: String)
  case unknownName(category: TrainingNameCategory, name: String, nearest: String?, known: [String])
  case labelsDoNotFitLoss(loss: String, labels: LabelDescription, output: String, fix: TrainingFix)
  case outputDoesNotMatchLabels(output: String, labels: LabelDescription, fix: TrainingFix?)
  case lengthMismatch(x: Int, y: Int)
  case emptyData(what: DataPart)
  case validationSplit(Double)
  case interrupted(epoch: Int, epochs: Int, step: Int, steps: Int)
  case notTrainable(model: String)
  /// `set_weights` given another number of arrays than `get_weights` gives.
  case weightCount(owner: String, expected: [String], got: Int)
  case weightShape(owner: String, given: String, expected: String)
  /// A weights file for another model, or none at all.
  case fileArrayCount(path: String, held: Int, expected: Int)
  case fileArrayShape(path: String, name: String, shape: String, expected: String)
  case fileUnreadable(path: String, reason: TensorError)
  case notFinite(epoch: Int, step: Int)
  case batchTooLarge(batch: Int, bytes: Int, limit: Int, fits: Int)

  public var kind: ErrorKind {
    switch self {
    case .notCompiled: return .type
    case .unknownName, .labelsDoNotFitLoss, .lengthMismatch, .emptyData, .validationSplit, .notTrainable,
      .weightCount, .weightShape, .fileArrayCount, .fileArrayShape, .fileUnreadable, .notFinite:
      return .value
    case .outputDoesNotMatchLabels: return .shape
    case .interrupted: return .keyboardInterrupt
    case .batchTooLarge: return .resource
    }
  }

  public var text: String {
    switch self {
    case .notCompiled(let model, let method):
      return "\(method)() needs the model compiled first: call \(model).compile(optimizer=\"adam\", "
        + "loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"]) before \(model).\(method)(...)"
    case .unknownName(let category, let name, let nearest, let known):
      let hint = nearest.map { "did you mean '\($0)'? " } ?? ""
      return "unknown \(category.text) '\(name)': \(hint)CNN Lab knows " + known.map { "'\($0)'" }.joined(separator: ", ")
    case .labelsDoNotFitLoss(let loss, let labels, let output, let fix):
      return "\(labels.text) do not fit the loss '\(loss)' for outputs \(output): \(fix.text)"
    case .outputDoesNotMatchLabels(let output, let labels, let fix):
      return "the model's output \(output) does not match \(labels.text)" + (fix.map { ": \($0.text)" } ?? "")
    case .lengthMismatch(let x, let y):
      return "x has \(x) samples but y has \(y) labels: they must be the same length, one label per sample"
    case .emptyData(let what):
      return "\(what.text) is empty: there is nothing to train or evaluate on"
    case .validationSplit(let split):
      return "validation_split must be at least 0 and less than 1 (a fraction of the data), not \(split)"
    case .interrupted(let epoch, let epochs, let step, let steps):
      return "training stopped at epoch \(epoch)/\(epochs), after step \(step)/\(steps): the model keeps the "
        + "weights of step \(step), and history holds the \(epoch - 1) completed epoch\(epoch - 1 == 1 ? "" : "s"); "
        + "call fit(...) again to go on"
    case .notTrainable(let model):
      return "\(model) has no trainable weights: every layer is frozen (trainable = False) or has no weights"
    case .weightCount(let owner, let expected, let got):
      return "\(owner): set_weights() needs \(expected.count) arrays (\(expected.joined(separator: ", "))), got \(got)"
    case .weightShape(let owner, let given, let expected):
      return "\(owner): set_weights() got \(given) where \(expected) belongs"
    case .fileArrayCount(let path, let held, let expected):
      return "'\(path)' holds \(held) arrays, but this model has \(expected) weights: it was saved from another model"
    case .fileArrayShape(let path, let name, let shape, let expected):
      return "'\(path)': '\(name)' has shape \(shape) where this model has \(expected): it was saved from another model"
    case .fileUnreadable(let path, let reason):
      return "cannot read weights from '\(path)': \(reason.description)"
    case .batchTooLarge(let batch, let bytes, let limit, let fits):
      return "a training step on batches of \(batch) keeps about \(formatBytes(bytes)) of activations and gradients, "
        + "more than the memory limit of \(formatBytes(limit)): " + (fits > 0 ? "batch_size=\(fits) fits" : "even one sample does not fit")
    case .notFinite(let epoch, let step):
      return "the loss became NaN or infinite at epoch \(epoch), step \(step): the learning rate is probably too "
        + "large (try 10 times smaller), or the inputs are not scaled (divide images by 255)"
    }
  }
}
