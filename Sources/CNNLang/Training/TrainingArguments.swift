import Synchronization
import TensorEngine

/// Reading and checking the arguments `fit`, `evaluate`, `predict` and `train_on_batch`
/// share, so that every mistake is reported before the first step changes a weight.
enum TrainingArguments {
  /// `batch_size=None` is Keras's 32.
  static func batchSize(_ args: Arguments) throws(RuntimeError) -> Int {
    guard !args["batch_size"].isNone else { return 32 }
    let size = try args.int("batch_size")
    guard size >= 1 else { throw RuntimeError(.notPositive(function: args.function, parameter: "batch_size")) }
    return size
  }

  /// `verbose="auto"` is 1; 0 silent, 2 one line per epoch.
  static func verbose(_ args: Arguments) throws(RuntimeError) -> Int {
    if case .string(let s) = args["verbose"] {
      guard s == "auto" else {
        throw RuntimeError(.invalidChoice(function: args.function, parameter: "verbose", got: "'\(s)'", choices: ["'auto'", "0", "1", "2"]))
      }
      return 1
    }
    let level = try args.int("verbose")
    guard (0...2).contains(level) else {
      throw RuntimeError(.invalidChoice(function: args.function, parameter: "verbose", got: String(level), choices: ["'auto'", "0", "1", "2"]))
    }
    return level
  }

  static func callbacks(_ args: Arguments) throws(RuntimeError) -> [Callback] {
    let items: [Value]
    switch args["callbacks"] {
    case .none: return []
    case .list(let l): items = l.items
    case .tuple(let t): items = t
    default: throw args.typeError("callbacks", .callbacks)
    }
    var callbacks: [Callback] = []
    for item in items {
      guard case .training(.callback(let c)) = item else { throw args.typeError("callbacks", .callbacks) }
      callbacks.append(c)
    }
    return callbacks
  }

  /// `x` and `y` as tensors with a batch axis: `x` shaped for the model's input (images
  /// `(N, H, W)` get their channel), one label per sample. Builds a Sequential that has not
  /// seen its input yet from `x`.
  static func data(_ model: Model, _ xValue: Value, _ yValue: Value, function: String, evaluator: Evaluator) throws(RuntimeError) -> (x: Tensor, y: Tensor) {
    var x = try TensorArgument.tensor(xValue, function: function, parameter: "x")
    let y = try TensorArgument.tensor(yValue, function: function, parameter: "y")
    guard let n = x.shape.first, x.rank >= 1, n > 0 else { throw RuntimeError(.training(.emptyData(what: .x))) }
    guard y.rank >= 1, y.shape[0] == n else { throw RuntimeError(.training(.lengthMismatch(x: n, y: y.rank >= 1 ? y.shape[0] : 1))) }
    if model.graph == nil {
      // A Sequential without input_shape= learns it from the first sample, as Keras builds on fit.
      _ = try model.predict(Batches.slice(x, from: 0, count: 1), evaluator: evaluator)
    }
    x = withChannel(x, for: model)
    guard let expected = model.inputShape, Array(x.shape.dropFirst()) == expected else {
      throw RuntimeError(.layerInput(
        layer: "\(model.typeName) '\(model.name)'", expected: .batch(ShapeText.batched(model.inputShape ?? [])),
        got: ShapeText.plain(x.shape), fix: nil))
    }
    return (x, y)
  }

  /// Whether `x` is a batch for the model (rather than one sample).
  static func isBatch(_ x: Tensor, of model: Model) -> Bool {
    guard let expected = model.inputShape else { return false }
    if x.rank == expected.count + 1 { return true }
    return expected.last == 1 && x.rank == expected.count && Array(x.shape.dropFirst()) == Array(expected.dropLast())
  }

  /// Gray images `(N, H, W)` for a model that takes `(H, W, 1)`: the channel axis added.
  static func withChannel(_ x: Tensor, for model: Model) -> Tensor {
    guard let expected = model.inputShape, expected.last == 1, x.rank == expected.count,
      Array(x.shape.dropFirst()) == Array(expected.dropLast())
    else { return x }
    return Tensor(shape: x.shape + [1], values: x.values)
  }

  /// `show_filters=`: None, True (the first convolution), or a layer with a kernel.
  static func watchedLayer(_ value: Value, model: Model) throws(RuntimeError) -> Layer? {
    switch value {
    case .none, .bool(false): return nil
    case .bool(true):
      return model.layers.first { if case .conv2d = $0.kind { return true } else { return false } }
    case .layer(let l) where l.kind.hasKernel: return l
    default:
      throw RuntimeError(.argumentType(function: "fit", parameter: "show_filters", expected: .layerWithFilters, got: value.typeName))
    }
  }

  /// Refuses a batch whose training step would not fit in memory, naming one that would:
  /// each layer keeps its output for the backward pass, and the backward pass makes a
  /// gradient of each (twice that, with the inputs and the unfolded windows, as a margin).
  static func checkMemory(_ model: Model, batch: Int) throws(RuntimeError) {
    guard let graph = model.graph else { return }
    let perSample = graph.nodes.reduce(Tensor.count(of: model.inputShape ?? [])) { $0 + Tensor.count(of: $1.shape) }
    let bytesPerSample = 4 * MemoryLayout<Float>.stride * perSample
    let (bytes, overflow) = bytesPerSample.multipliedReportingOverflow(by: batch)
    let limit = MemoryBudget.limitBytes
    if overflow || bytes > limit {
      throw RuntimeError(.training(.batchTooLarge(
        batch: batch, bytes: overflow ? Int.max : bytes, limit: limit, fits: bytesPerSample > 0 ? limit / bytesPerSample : 0)))
    }
  }

  private static let frames = Atomic<Int>(0)

  /// A number for each `fit` in the process, so each gets live outputs of its own.
  static func nextFrameID() -> Int { frames.add(1, ordering: .relaxed).newValue }
}
