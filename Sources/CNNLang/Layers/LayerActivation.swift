import TensorEngine

/// The activations a layer can apply, by the names Keras uses: `"relu"`, `"tanh"`,
/// `"sigmoid"`, `"softmax"`, `"leaky_relu"` and `"linear"` (or `None`).
enum LayerActivation: String, CaseIterable {
  case linear, relu, tanh, sigmoid, softmax
  case leakyRelu = "leaky_relu"

  /// The slope of `leaky_relu` below zero, the engine's default for `Ops.leakyRelu`.
  static let leakySlope: Float = 0.3

  static var names: [String] { allCases.map(\.rawValue) }

  /// The form convolution and Dense can apply while a tile is in cache; nil for softmax,
  /// which needs the whole row and runs afterwards.
  var fused: Activation? {
    switch self {
    case .linear: return .linear
    case .relu: return .relu
    case .tanh: return .tanh
    case .sigmoid: return .sigmoid
    case .leakyRelu: return .leakyRelu(alpha: LayerActivation.leakySlope)
    case .softmax: return nil
    }
  }

  /// Applies the activation to a whole tensor (softmax on the last axis, the channels).
  func apply(_ x: Tensor) throws -> Tensor {
    switch self {
    case .linear: return x
    case .softmax: return try Ops.softmax(x, axis: -1)
    default: return try Ops.activation(x, fused ?? .linear)
    }
  }

  /// The `activation=` argument: None, a name, or a wrong value.
  static func parse(_ value: Value, function: String, parameter: String = "activation") throws(RuntimeError) -> LayerActivation {
    switch value {
    case .none: return .linear
    case .string(let name):
      if let a = LayerActivation(rawValue: name.lowercased()) { return a }
      let suggestion = NameSuggester.nearest(to: name, in: names).map { Suggestion.didYouMean($0) }
      throw RuntimeError(
        .invalidChoice(function: function, parameter: parameter, got: value.repr, choices: names.map { "'\($0)'" }),
        suggestion: suggestion)
    default:
      throw RuntimeError(.argumentType(function: function, parameter: parameter, expected: .activation, got: value.typeName))
    }
  }
}
