import TensorEngine

/// A convolution's settings, as `Conv2D(...)` and `Conv1D(...)` take them. A 1-D convolution
/// keeps a kernel height, stride and dilation of 1.
struct ConvSettings {
  var filters: Int
  var kernel: Size2
  var strides: Size2
  var padding: Padding
  var dilation: Size2
  var groups: Int
  var activation: LayerActivation
  var useBias: Bool
}

/// What a layer computes, with the settings it was made with. One case per Keras layer type.
enum LayerKind {
  case input(shape: [Int])
  case conv2d(ConvSettings)
  case conv1d(ConvSettings)
  case pool(PoolKind, size: Size2, strides: Size2?, padding: Padding)
  case globalPool(PoolKind)
  case flatten
  case dense(units: Int, activation: LayerActivation, useBias: Bool)
  case activation(LayerActivation)
  case zeroPadding(top: Int, bottom: Int, left: Int, right: Int)
  case dropout(rate: Double)
  case batchNormalization(epsilon: Float)
  case add
  case concatenate(axis: Int)
  /// A block of several layers (`InceptionModule`, `ResidualBlock`), built once its input
  /// shape is known.
  case block(BlockRecipe)

  /// The Keras class name, as summaries and messages show it.
  var typeName: String {
    switch self {
    case .input: return "InputLayer"
    case .conv2d: return "Conv2D"
    case .conv1d: return "Conv1D"
    case .pool(let kind, _, _, _):
      switch kind {
      case .max: return "MaxPooling2D"
      case .average: return "AveragePooling2D"
      case .min: return "MinPooling2D"
      }
    case .globalPool(let kind):
      switch kind {
      case .max: return "GlobalMaxPooling2D"
      case .average: return "GlobalAveragePooling2D"
      case .min: return "GlobalMinPooling2D"
      }
    case .flatten: return "Flatten"
    case .dense: return "Dense"
    case .activation(let a):
      switch a {
      case .relu: return "ReLU"
      case .softmax: return "Softmax"
      default: return "Activation"
      }
    case .zeroPadding: return "ZeroPadding2D"
    case .dropout: return "Dropout"
    case .batchNormalization: return "BatchNormalization"
    case .add: return "Add"
    case .concatenate: return "Concatenate"
    case .block(let recipe): return recipe.typeName
    }
  }

  /// The stem Keras names layers of this type with: `conv2d`, `max_pooling2d`, ...
  var nameStem: String {
    switch self {
    case .input: return "input_layer"
    case .conv2d: return "conv2d"
    case .conv1d: return "conv1d"
    case .pool(let kind, _, _, _): return ["max": "max_pooling2d", "average": "average_pooling2d", "min": "min_pooling2d"][kind.rawValue] ?? "pooling2d"
    case .globalPool(let kind): return kind == .max ? "global_max_pooling2d" : "global_average_pooling2d"
    case .flatten: return "flatten"
    case .dense: return "dense"
    case .activation(let a): return a == .relu ? "re_lu" : (a == .softmax ? "softmax" : "activation")
    case .zeroPadding: return "zero_padding2d"
    case .dropout: return "dropout"
    case .batchNormalization: return "batch_normalization"
    case .add: return "add"
    case .concatenate: return "concatenate"
    case .block(let recipe): return recipe.nameStem
    }
  }

  /// Whether the layer takes several inputs (`Add()([a, b])`).
  var merges: Bool {
    switch self {
    case .add, .concatenate: return true
    default: return false
    }
  }

  /// Whether the layer has a kernel and perhaps a bias.
  var hasKernel: Bool {
    switch self {
    case .conv2d, .conv1d, .dense: return true
    default: return false
    }
  }
}

/// How to build a block's inner layers on a symbolic input; the block runs them as one layer.
struct BlockRecipe {
  var typeName: String
  var nameStem: String
  /// Makes the inner layers (named by the given naming) and connects them to the input.
  var build: (SymbolicTensor, LayerNaming.Scope) throws(RuntimeError) -> SymbolicTensor
}
