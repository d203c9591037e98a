import TensorEngine

/// Where a value was made in the learner's code: a cell and the call expression's range.
struct CallSite {
  let file: SourceFile
  let range: SourceRange
}

/// A layer with Keras's name, settings and (lazily created) weights.
///
/// A layer learns its input shape when it is first connected (in a model, or called on a
/// symbolic tensor or a real one). Until a forward pass or `.kernel` needs them, its weights
/// exist only as shapes, so a VGG-16 summary allocates nothing. It keeps its last output so
/// that `model.layers[i].output` shows what a forward pass computed there.
public final class Layer {
  let kind: LayerKind
  /// `conv2d`, `conv2d_1`, or the name given with `name=`.
  public internal(set) var name: String
  /// Made by an operator (`a + b`), so a model may rename it to keep names unique.
  var isAutoNamed = false
  /// The constructor call, so a shape error inside `Sequential([...])` points at it.
  let site: CallSite?
  /// `input_shape=` on a first layer, without the batch axis.
  let declaredInputShape: [Int]?
  /// Seeds the Glorot initialisation of the kernel.
  let seed: UInt64
  /// `weights=`: a kernel (and perhaps a bias) set by hand.
  var handKernel: Tensor?
  var handBias: Tensor?

  /// The shapes of the inputs the layer was last built for, without the batch axis.
  var inputShapes: [[Int]]?
  var outputShape: [Int]?
  /// A block's inner model, made when the block is built.
  var inner: Model?
  /// Materialised weights, as the parameters an optimizer updates (see `Layer+Weights.swift`
  /// and `Layer+Parameters.swift`).
  var kernelParameter: TensorEngine.Parameter?
  var biasParameter: TensorEngine.Parameter?
  /// Batch normalization's scale, offset and moving statistics, made for the built input.
  var normalization: NormalizationState?
  /// `layer.trainable`: a frozen layer keeps its weights through `fit`.
  var trainable = true
  /// The last forward pass's result and how it was computed.
  var output: Tensor?
  var outputOrigin: TensorOrigin?
  /// The symbolic tensor of the last symbolic call, Keras's `layer.output` before any run.
  var symbolicOutput: SymbolicTensor?

  init(kind: LayerKind, name: String, site: CallSite?, inputShape: [Int]? = nil, seed: UInt64) {
    self.kind = kind
    self.name = name
    self.site = site
    self.declaredInputShape = inputShape
    self.seed = seed
  }

  /// `Conv2D`, `Dense`, ...
  public var typeName: String { kind.typeName }

  /// How messages name the layer: `Dense 'dense_1'`.
  var label: String { "\(typeName) '\(name)'" }

  /// The number of parameters once the input shape is known (nil before).
  public var parameterCount: Int? { (try? cost())?.parameters }

  var repr: String {
    var text = "<\(typeName) '\(name)'"
    if let outputShape { text += " output \(ShapeText.batched(outputShape))" }
    if let count = parameterCount { text += ", \(FormatSpec.group(String(count), separator: ",")) parameters" }
    return text + ">"
  }

  // MARK: Calling

  /// `layer(x)`: eager on tensors, graph-building on symbolic tensors.
  // Kept out of the evaluator's call switch, whose frame every user-function call pays for.
  @inline(never)
  func call(positional: [Value], keywords: [(String, Value)], evaluator: Evaluator) throws(RuntimeError) -> Value {
    let arguments = try Arguments.bind(
      function: name, parameters: [Parameter("inputs"), Parameter("training", default: Value.none)],
      positional: positional, keywords: keywords)
    let inputs = arguments["inputs"]
    if kind.merges {
      let items: [Value]
      switch inputs {
      case .list(let l): items = l.items
      case .tuple(let t): items = t
      default: throw arguments.typeError("inputs", .tensorList)
      }
      if items.allSatisfy({ if case .symbolic = $0 { return true } else { return false } }) {
        let tensors = items.compactMap { item -> SymbolicTensor? in
          if case .symbolic(let t) = item { return t }
          return nil
        }
        return .symbolic(try connect(tensors))
      }
      var tensors: [Tensor] = []
      for item in items { tensors.append(try TensorArgument.tensor(item, function: typeName, parameter: "inputs")) }
      return .tensor(try callEagerly(tensors, evaluator: evaluator))
    }
    if case .symbolic(let t) = inputs { return .symbolic(try connect([t])) }
    let x = try TensorArgument.tensor(inputs, function: typeName, parameter: "inputs")
    let result = try callEagerly([x], evaluator: evaluator)
    return .tensor(result, origin: outputOrigin)
  }

  /// Connects the layer to symbolic inputs: builds it for their shapes and returns its output.
  func connect(_ inputs: [SymbolicTensor]) throws(RuntimeError) -> SymbolicTensor {
    let shape = try build(inputs.map(\.shape))
    let output = SymbolicTensor(shape: shape, layer: self, inputs: inputs)
    symbolicOutput = output
    return output
  }

  /// Runs the layer at once on real tensors, one image or a batch (see `EagerInput`).
  func callEagerly(_ inputs: [Tensor], evaluator: Evaluator) throws(RuntimeError) -> Tensor {
    let prepared = inputs.map { EagerInput(kind: kind, tensor: $0) }
    _ = try build(prepared.map(\.shape))
    let batched = prepared.allSatisfy(\.batched)
    let result = try forward(prepared.map(\.batchTensor), evaluator: evaluator)
    let shown = batched ? result : EagerInput.unbatch(result)
    record(output: shown, inputs: prepared.map { batched ? $0.batchTensor : $0.imageTensor })
    return shown
  }

  /// Keeps a forward pass's result (and, for convolution and pooling, how it was computed).
  func record(output: Tensor, inputs: [Tensor]) {
    self.output = output
    outputOrigin = inputs.first.flatMap { origin(input: $0) }
  }
}

/// A tensor given to a layer at once, with the batch axis the engine runs on. A single image
/// `(H, W, C)` runs as a batch of one; `(H, W)` is an image with one channel.
struct EagerInput {
  /// The shape without the batch axis, as shape inference sees it.
  let shape: [Int]
  let batched: Bool
  /// With a batch axis.
  let batchTensor: Tensor
  /// Without it (the tensor itself for a batch).
  let imageTensor: Tensor

  init(kind: LayerKind, tensor: Tensor) {
    (shape, batched) = EagerInput.split(kind: kind, shape: tensor.shape)
    imageTensor = batched ? tensor : Tensor(shape: shape, values: tensor.values)
    batchTensor = batched ? tensor : Tensor(shape: [1] + shape, values: tensor.values)
  }

  /// The shape without a batch axis, and whether there was one: image layers take rank 4 as
  /// a batch and `(H, W)` as one channel, Conv1D rank 3. Dense takes one vector: a 2-D tensor
  /// is an image, so `Dense` on it is the "add Flatten()" error, not a silent batch of rows
  /// (a model takes batches of vectors). Other layers never batch.
  static func split(kind: LayerKind, shape: [Int]) -> (shape: [Int], batched: Bool) {
    let batchRank: Int?
    switch kind {
    case .conv2d, .pool, .globalPool, .zeroPadding, .flatten, .block: batchRank = 4
    case .conv1d: batchRank = 3
    default: batchRank = nil
    }
    var image = shape
    if batchRank == shape.count { return (Array(image.dropFirst()), true) }
    if batchRank == 4 && shape.count == 2 || batchRank == 3 && shape.count == 1 { image.append(1) }
    return (image, false)
  }

  static func unbatch(_ t: Tensor) -> Tensor { Tensor(shape: Array(t.shape.dropFirst()), values: t.values) }
}

/// Shapes as summaries and messages write them.
enum ShapeText {
  /// `(26, 26, 8)`, `(784,)`.
  static func plain(_ shape: [Int]) -> String { formatShape(shape) }
  /// Keras's form with the batch axis: `(None, 26, 26, 8)`.
  static func batched(_ shape: [Int]) -> String { "(" + (["None"] + shape.map(String.init)).joined(separator: ", ") + ")" }
  /// `5x5`.
  static func size(_ a: Int, _ b: Int) -> String { "\(a)x\(b)" }
}
