import TensorEngine

/// What calling layers on an `Input` gives: a shape (with a batch axis of any size) and the
/// layer and inputs that produce it, so that `Model(inputs, outputs)` can find the graph.
///
/// It also stands for a kernel too large to make just to look at (`weightsOf`): then it has
/// a shape and no batch axis, and cannot be called on.
public final class SymbolicTensor {
  /// The shape without the batch axis.
  public let shape: [Int]
  /// The producing layer; an `InputLayer` for a model input.
  let layer: Layer?
  let inputs: [SymbolicTensor]
  /// For a described kernel: the layer whose weights these are.
  let weightsOwner: Layer?

  init(shape: [Int], layer: Layer, inputs: [SymbolicTensor]) {
    self.shape = shape
    self.layer = layer
    self.inputs = inputs
    self.weightsOwner = nil
  }

  init(weightsOf layer: Layer, shape: [Int]) {
    self.shape = shape
    self.layer = nil
    self.inputs = []
    self.weightsOwner = layer
  }

  /// Whether this is a model input made by `Input(shape)`.
  var isInput: Bool {
    if case .input? = layer?.kind { return true }
    return false
  }

  /// `.shape` as the learner reads it: `(None, 28, 28, 1)`, or a kernel's own shape.
  var shapeValue: Value {
    let dims = shape.map { Value.number(Double($0)) }
    return .tuple(weightsOwner == nil ? [.none] + dims : dims)
  }

  var repr: String {
    if let owner = weightsOwner {
      let bytes = Tensor.count(of: shape) * MemoryLayout<Float>.stride
      return "kernel of \(owner.label), shape \(ShapeText.plain(shape)): \(FormatSpec.group(String(Tensor.count(of: shape)), separator: ",")) weights "
        + "(\(formatBytes(bytes))), made only when the layer runs"
    }
    return "<symbolic tensor shape=\(ShapeText.batched(shape)) from \(layer.map { "'\($0.name)'" } ?? "nowhere")>"
  }

  /// What computing this node costs, from its own input shape.
  func cost() throws(RuntimeError) -> LayerCost {
    guard let layer else { return LayerCost(parameters: 0, macs: 0) }
    return try layer.cost(input: inputs.first?.shape ?? shape, output: shape)
  }

  /// `a + b` on symbolic tensors: an `Add` layer, as Keras does.
  @inline(never)
  static func sum(_ a: SymbolicTensor, _ b: SymbolicTensor) throws(RuntimeError) -> SymbolicTensor {
    // The model that uses it gives it a free name (add, add_1, ...) when it is built.
    let layer = Layer(kind: .add, name: LayerKind.add.nameStem, site: nil, seed: 0)
    layer.isAutoNamed = true
    return try layer.connect([a, b])
  }
}
