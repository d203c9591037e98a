import Datasets
import TensorEngine
import TextAndTime

/// The bridge from the engine's untyped `throws` to the language's errors: every call into
/// `TensorEngine` or `Datasets` from a built-in or an operator goes through `EngineCall.run`, so
/// an engine failure always reaches the learner as a located `ShapeError`, `ValueError`,
/// `IndexError`, `ResourceError` or `KeyboardInterrupt`.
enum EngineCall {
  static func run<T>(_ body: () throws -> T) throws(RuntimeError) -> T {
    do {
      return try body()
    } catch let error as TensorError {
      throw RuntimeError(tensorError: error)
    } catch let error as DatasetError {
      throw RuntimeError(.dataFile(error))
    } catch let error as RuntimeError {
      throw error
    } catch {
      // The engine and the readers throw only the two types above; anything else is a bug,
      // reported rather than swallowed.
      throw RuntimeError(.engine(.invalidArgument(operation: "engine", reason: .unexpected(String(describing: error)))))
    }
  }
}

extension RuntimeError {
  /// An engine failure, with a hint where one helps (a flat vector given to an image operation).
  init(tensorError error: TensorError) {
    switch error {
    case .cancelled:
      self.init(.keyboardInterrupt)
    case .invalidShape(_, let shape, .image) where shape.count == 1:
      self.init(.engine(error), suggestion: TensorShapeHint.reshape(shape[0]).map { .hint(.reshapeTo($0)) })
    default:
      self.init(.engine(error))
    }
  }
}

extension TensorError {
  /// The category the learner sees: shapes that do not fit are `ShapeError`, a result too
  /// large for the memory budget is `ResourceError`.
  var kind: ErrorKind {
    switch self {
    case .shapeMismatch, .invalidShape, .windowDoesNotFit: return .shape
    case .axisOutOfRange, .invalidArgument: return .value
    case .indexOutOfRange: return .index
    case .resourceLimit: return .resource
    case .cancelled: return .keyboardInterrupt
    }
  }
}

/// Suggestions for tensors of the wrong rank.
enum TensorShapeHint {
  /// `(28, 28)` for 784 values, `(28, 28, 3)` for 2352: the square image the values could be.
  static func reshape(_ count: Int) -> String? {
    for channels in [1, 3] where count % channels == 0 {
      let pixels = count / channels
      var side = Int(Double(pixels).squareRoot().rounded())
      while side * side > pixels { side -= 1 }
      if side > 1, side * side == pixels { return channels == 1 ? "(\(side), \(side))" : "(\(side), \(side), 3)" }
    }
    return nil
  }
}
