import TensorEngine

/// Optimizers by the names `compile(optimizer=...)` takes, and their Keras class names.
enum OptimizerNames {
  static let names = ["adam", "sgd", "rmsprop", "adamw"]

  static func className(_ name: String) -> String {
    switch name {
    case "sgd": return "SGD"
    case "rmsprop": return "RMSprop"
    case "adamw": return "AdamW"
    default: return "Adam"
    }
  }

  /// `"adam"` (any case) with Keras's defaults, or an error with "did you mean".
  static func optimizer(named given: String) throws(RuntimeError) -> Optimizer {
    do {
      switch given.lowercased() {
      case "adam": return try Optimizer.adam()
      case "sgd": return try Optimizer.sgd()
      case "rmsprop": return try Optimizer.rmsprop()
      case "adamw": return try Optimizer.adamW()
      default: break
      }
    } catch {
      throw RuntimeError(.engine(error as? TensorError ?? .invalidArgument(operation: given, reason: .unexpected("\(error)"))))
    }
    throw RuntimeError(.training(.unknownName(
      category: .optimizer, name: given, nearest: NameSuggester.nearest(to: given.lowercased(), in: names), known: names)))
  }
}

/// Losses by the names `compile(loss=...)` takes (Keras's, with its short aliases).
enum LossNames {
  static let names = [
    "sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy", "mean_squared_error", "mse",
    "mean_absolute_error", "mae",
  ]

  static func loss(named given: String) throws(RuntimeError) -> Loss {
    switch given.lowercased() {
    case "sparse_categorical_crossentropy": return .sparseCategoricalCrossentropy()
    case "categorical_crossentropy": return .categoricalCrossentropy()
    case "binary_crossentropy": return .binaryCrossentropy()
    case "mean_squared_error", "mse": return .meanSquaredError
    case "mean_absolute_error", "mae": return .meanAbsoluteError
    default:
      throw RuntimeError(.training(.unknownName(
        category: .loss, name: given, nearest: NameSuggester.nearest(to: given.lowercased(), in: names), known: names)))
    }
  }

  static func className(_ loss: Loss) -> String {
    switch loss {
    case .sparseCategoricalCrossentropy: return "SparseCategoricalCrossentropy"
    case .categoricalCrossentropy: return "CategoricalCrossentropy"
    case .binaryCrossentropy: return "BinaryCrossentropy"
    case .meanSquaredError: return "MeanSquaredError"
    case .meanAbsoluteError: return "MeanAbsoluteError"
    }
  }
}

/// `metrics=["accuracy"]`: the one metric besides the loss, resolved as Keras resolves it.
enum MetricNames {
  static let names = ["accuracy", "acc", "sparse_categorical_accuracy", "categorical_accuracy", "binary_accuracy"]

  static func check(_ given: String) throws(RuntimeError) {
    guard !names.contains(given) else { return }
    throw RuntimeError(.training(.unknownName(
      category: .metric, name: given, nearest: NameSuggester.nearest(to: given, in: names), known: names)))
  }
}
