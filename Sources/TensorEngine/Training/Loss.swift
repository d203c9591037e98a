/// A training loss with Keras 3's names, formulas and defaults. Every loss is reduced as
/// Keras's default `sum_over_batch_size` does: one loss per sample (cross-entropies sum over
/// the classes; binary cross-entropy, MSE and MAE average over the last axis), then the mean
/// over the samples.
///
/// From probabilities (`fromLogits: false`), cross-entropies clip each probability to
/// [1e-7, 1 - 1e-7] before the logarithm (Keras's `backend.epsilon()`), and the categorical
/// ones first divide each row by its sum, as Keras does. The gradient of a clipped entry is
/// zero, as automatic differentiation gives it.
public enum Loss: Sendable, Hashable {
  /// Integer class labels `(...)` (or `(..., 1)`) against predictions `(..., classes)`.
  case sparseCategoricalCrossentropy(fromLogits: Bool = false)
  /// One-hot (or soft) labels of the predictions' shape `(..., classes)`.
  case categoricalCrossentropy(fromLogits: Bool = false)
  /// Labels in [0, 1] of the predictions' shape; each output is its own yes/no question.
  case binaryCrossentropy(fromLogits: Bool = false)
  case meanSquaredError
  case meanAbsoluteError

  /// Keras's name, which the learner types in `compile(loss=...)` and sees in errors.
  public var name: String {
    switch self {
    case .sparseCategoricalCrossentropy: return "sparse_categorical_crossentropy"
    case .categoricalCrossentropy: return "categorical_crossentropy"
    case .binaryCrossentropy: return "binary_crossentropy"
    case .meanSquaredError: return "mean_squared_error"
    case .meanAbsoluteError: return "mean_absolute_error"
    }
  }

  /// Keras's `backend.epsilon()`: probabilities are clipped to [epsilon, 1 - epsilon].
  public static let epsilon: Float = 1e-7
}

/// A loss's value for a batch and its gradient with respect to the predictions (or the
/// logits), already divided by the number of samples, so that it is what the last layer's
/// backward pass receives.
public struct LossResult: Sendable {
  public var value: Float
  public var gradient: Tensor

  public init(value: Float, gradient: Tensor) {
    self.value = value
    self.gradient = gradient
  }
}
