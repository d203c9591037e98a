import TensorEngine

/// A network: `Sequential([...])`, a functional `Model(inputs, outputs)`, a zoo network, or
/// the inside of a block. Either way it is a graph of layers from its inputs to one output,
/// known once the input shape is: a `Sequential` without `input_shape=` is built by its
/// first call.
public final class Model {
  /// The graph in running order: every node's inputs come before it.
  struct Graph {
    var inputs: [SymbolicTensor]
    var output: SymbolicTensor
    var nodes: [SymbolicTensor]
    /// Each layer once, in running order, without the input layers.
    var layers: [Layer]
  }

  public internal(set) var name: String
  /// `Sequential`, `Functional`, or a zoo network's name such as `LeNet5`.
  public let typeName: String
  var graph: Graph?
  /// A Sequential's layers, kept for building it on its first call.
  private(set) var sequence: [Layer]?
  /// What `compile` chose: optimizer, loss and metric (see `Training/`).
  var compilation: Compilation?
  /// The `History` of the last `fit`, also when it was interrupted (Keras's `model.history`).
  var history: History?
  /// Training steps taken, across `fit` calls: seeds each step's dropout and each epoch's shuffle.
  var stepsTaken = 0
  var epochsTaken = 0

  init(name: String, typeName: String, sequence: [Layer]?) {
    self.name = name
    self.typeName = typeName
    self.sequence = sequence
  }

  /// The layers in order: those given to `Sequential`, or those between inputs and output.
  var layers: [Layer] { graph?.layers ?? sequence ?? [] }

  var isSequential: Bool { sequence != nil }

  var inputShape: [Int]? { graph?.inputs.first?.shape }
  var outputShape: [Int]? { graph?.output.shape }

  /// The summary table once the input shape is known (a model's text form is its summary).
  public var summary: ModelSummary? {
    guard graph != nil else { return nil }
    return try? ModelSummary(self)
  }

  var repr: String {
    if let summary { return summary.text }
    return "<\(typeName) '\(name)': \(layers.count) layers, not built yet (no input shape)>"
  }

  // MARK: Making models

  /// `Sequential(layers)`: built at once when the first layer has `input_shape=`, has run
  /// before, or an `Input` comes first. A shape error points at the offending layer's constructor call
  /// when it was made in `file`, the cell being run.
  static func sequential(_ layers: [Layer], input: SymbolicTensor?, name: String, file: SourceFile?) throws(RuntimeError) -> Model {
    let model = Model(name: name, typeName: "Sequential", sequence: layers)
    if let input {
      try model.buildSequential(from: input, file: file)
    } else if let first = layers.first, let shape = first.declaredInputShape ?? first.inputShapes?.first {
      // A first layer that already ran knows its input, as in Keras.
      try model.buildSequential(inputShape: shape, file: file)
    }
    return model
  }

  func buildSequential(inputShape: [Int], file: SourceFile?) throws(RuntimeError) {
    try buildSequential(from: Model.input(shape: inputShape, name: "input_layer"), file: file)
  }

  private func buildSequential(from input: SymbolicTensor, file: SourceFile?) throws(RuntimeError) {
    var t = input
    for layer in sequence ?? [] {
      do {
        t = try layer.connect([t])
      } catch {
        if let site = layer.site, site.file === file { throw error.locating(site.file, site.range) }
        throw error
      }
    }
    graph = try Model.graph(inputs: [input], output: t, modelName: name)
  }

  /// `model.add(layer)` on a Sequential: the layer goes last and is connected at once when
  /// the model already knows its shapes (so a mismatch fails here, not at the first call).
  func append(_ layer: Layer, file: SourceFile?) throws(RuntimeError) {
    guard var layers = sequence else { throw RuntimeError(.notSequential(model: name)) }
    if let graph {
      let output = try layer.connect([graph.output])
      self.graph = try Model.graph(inputs: graph.inputs, output: output, modelName: name)
    }
    layers.append(layer)
    sequence = layers
    if graph == nil, layers.count == 1, let shape = layer.declaredInputShape {
      try buildSequential(inputShape: shape, file: file)
    }
  }

  /// A functional model from symbolic inputs to a symbolic output.
  static func functional(inputs: [SymbolicTensor], output: SymbolicTensor, name: String, typeName: String = "Functional") throws(RuntimeError) -> Model {
    let model = Model(name: name, typeName: typeName, sequence: nil)
    model.graph = try graph(inputs: inputs, output: output, modelName: name)
    return model
  }

  /// A block's inner model, for an input of `inputShape`.
  static func block(_ recipe: BlockRecipe, name: String, inputShape: [Int], seed: UInt64) throws(RuntimeError) -> Model {
    let input = Model.input(shape: inputShape, name: name + "_input")
    let output = try recipe.build(input, LayerNaming.Scope(prefix: name + "_", seed: seed))
    return try functional(inputs: [input], output: output, name: name, typeName: recipe.typeName)
  }

  /// `Input(shape)`: a symbolic tensor made by an input layer.
  static func input(shape: [Int], name: String) -> SymbolicTensor {
    let layer = Layer(kind: .input(shape: shape), name: name, site: nil, seed: 0)
    layer.inputShapes = [shape]
    layer.outputShape = shape
    let t = SymbolicTensor(shape: shape, layer: layer, inputs: [])
    layer.symbolicOutput = t
    return t
  }

  /// Orders the nodes between the inputs and the output (depth-first, inputs first) and
  /// checks that the output depends on no other `Input`.
  static func graph(inputs: [SymbolicTensor], output: SymbolicTensor, modelName: String) throws(RuntimeError) -> Graph {
    var order: [SymbolicTensor] = []
    var visited = Set<ObjectIdentifier>()
    var stack: [(SymbolicTensor, Bool)] = [(output, false)]
    while let (t, expanded) = stack.popLast() {
      if expanded {
        order.append(t)
        continue
      }
      guard visited.insert(ObjectIdentifier(t)).inserted else { continue }
      stack.append((t, true))
      for i in t.inputs.reversed() where !visited.contains(ObjectIdentifier(i)) { stack.append((i, false)) }
    }
    let inputIDs = Set(inputs.map(ObjectIdentifier.init))
    for t in order where t.inputs.isEmpty && !inputIDs.contains(ObjectIdentifier(t)) {
      throw RuntimeError(.disconnectedModel(model: modelName))
    }
    var layers: [Layer] = []
    var seen = Set<ObjectIdentifier>()
    for t in order where !t.isInput {
      guard let layer = t.layer, seen.insert(ObjectIdentifier(layer)).inserted else { continue }
      layers.append(layer)
    }
    uniqueNames(layers)
    return Graph(inputs: inputs, output: output, nodes: order.filter { !$0.isInput }, layers: layers)
  }

  /// Layers made by `a + b` take the next free name (`add`, `add_1`, ...).
  private static func uniqueNames(_ layers: [Layer]) {
    var used = Set(layers.filter { !$0.isAutoNamed }.map(\.name))
    for layer in layers where layer.isAutoNamed {
      let stem = layer.kind.nameStem
      var n = 0
      var candidate = stem
      while used.contains(candidate) {
        n += 1
        candidate = "\(stem)_\(n)"
      }
      layer.name = candidate
      layer.isAutoNamed = false
      used.insert(candidate)
    }
  }

  // MARK: Costs

  /// Parameters and MACs of every layer, from shapes alone.
  func totalCost() throws(RuntimeError) -> LayerCost {
    guard let graph else { throw RuntimeError(.unknownInputShape(model: name)) }
    // Parameters once per layer (a shared layer has one set of weights), MACs once per use.
    var total = LayerCost(parameters: 0, macs: 0)
    var counted = Set<ObjectIdentifier>()
    for node in graph.nodes {
      guard let layer = node.layer else { continue }
      let c = try node.cost()
      if counted.insert(ObjectIdentifier(layer)).inserted { total.parameters += c.parameters }
      total.macs += c.macs
    }
    return total
  }

  /// The layer called `name`, or an error that suggests the nearest name.
  func layer(named wanted: String) throws(RuntimeError) -> Layer {
    if let layer = layers.first(where: { $0.name == wanted }) { return layer }
    let suggestion = NameSuggester.nearest(to: wanted, in: layers.map(\.name)).map { Suggestion.didYouMean($0) }
    throw RuntimeError(.noSuchLayer(name: wanted, model: name), suggestion: suggestion)
  }
}
