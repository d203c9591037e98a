/// Why an operation cannot use an argument, as data: the clause after the operation's name in
/// `TensorError.invalidArgument`. The English is in `description`; the language renders the
/// same cases in its other languages.
public enum ArgumentProblem: Equatable, Sendable, CustomStringConvertible {
  case negativePadding
  case poolSizeAndStrides
  case poolPadding
  case stridesAndDilation
  case groups(Int)
  case noFilters(kernel: [Int])
  case dropoutRate(Float)
  case noInput
  case noTensor
  case piecesDoNotMakeAxis(sizes: [Int], axis: Int)
  case negativeSize([Int])
  case emptyReduction(name: String)
  case notAShape([Int])
  case notAnOrdering(permutation: [Int], rank: Int)
  case tooManyIndices(given: Int, rank: Int)
  case stepZero
  case learningRate(Float)
  case clipBoth
  case notPositive(argument: String, value: Float)
  case momentum(Float)
  case listedTwice(parameter: String)
  case noGradient(parameter: String)
  /// A sparse label that is not a whole number, or not one of the `classes` classes.
  case labelNotWhole(label: Double, sample: Int, classes: Int)
  case labelNotClass(label: Double, sample: Int, classes: Int)
  /// An error of a kind the engine does not throw: a bug, reported in its own words.
  case unexpected(String)

  public var description: String {
    switch self {
    case .negativePadding: return "padding cannot be negative"
    case .poolSizeAndStrides: return "pool size and strides must be at least 1"
    case .poolPadding: return "padding must be between 0 and the pool size minus 1, so every window sees the image"
    case .stridesAndDilation: return "strides and dilation must be at least 1"
    case .groups(let groups): return "groups must be at least 1, not \(groups)"
    case .noFilters(let kernel): return "a convolution needs at least one filter; its kernel \(formatShape(kernel)) has none"
    case .dropoutRate(let rate): return "the rate must be in [0, 1), not \(rate)"
    case .noInput: return "needs at least one input"
    case .noTensor: return "needs at least one tensor"
    case .piecesDoNotMakeAxis(let sizes, let axis):
      return "pieces of sizes \(formatShape(sizes)) do not make up an axis of size \(axis)"
    case .negativeSize(let shape): return "a shape cannot have a negative size (\(formatShape(shape)))"
    case .emptyReduction(let name): return "cannot take the \(name) of an empty tensor"
    case .notAShape(let shape): return "\(formatShape(shape)) is not a valid shape"
    case .notAnOrdering(let permutation, let rank): return "\(formatShape(permutation)) is not an ordering of \(rank) axes"
    case .tooManyIndices(let given, let rank): return "\(given) indices for a tensor with \(rank) dimensions"
    case .stepZero: return "the step cannot be zero"
    case .learningRate(let rate): return "the learning rate must be a number, not \(rate)"
    case .clipBoth: return "only one of clipnorm and clipvalue can be set"
    case .notPositive(let argument, let value): return "\(argument) must be positive, not \(value)"
    case .momentum(let momentum): return "momentum must be between 0 and 1, not \(momentum)"
    case .listedTwice(let parameter): return "\(parameter) is listed twice"
    case .noGradient(let parameter): return "\(parameter) has no gradient: the loss does not depend on it"
    case .labelNotWhole(let label, let sample, let classes):
      return "label \(label) of sample \(sample) is not a whole number: sparse labels are class numbers from 0 to \(classes - 1)"
    case .labelNotClass(let label, let sample, let classes):
      return "label \(Self.number(label)) of sample \(sample) is not a class: the predictions have \(classes) classes, "
        + "so labels go from 0 to \(classes - 1)"
    case .unexpected(let text): return text
    }
  }

  /// A whole label as `7`, any other as Swift writes it.
  public static func number(_ value: Double) -> String { Int(exactly: value).map(String.init) ?? "\(value)" }
}
