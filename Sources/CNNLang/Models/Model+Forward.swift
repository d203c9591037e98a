import TensorEngine

// Running a model: `model(x)` on one image or a batch, keeping every layer's output.
extension Model {
  /// `model(x)`.
  // Kept out of the evaluator's call switch, whose frame every user-function call pays for.
  @inline(never)
  func call(positional: [Value], keywords: [(String, Value)], evaluator: Evaluator) throws(RuntimeError) -> Value {
    let arguments = try Arguments.bind(
      function: name, parameters: [Parameter("inputs"), Parameter("training", default: Value.none)],
      positional: positional, keywords: keywords)
    if case .symbolic = arguments["inputs"] {
      throw arguments.typeError("inputs", .tensorNotModel)
    }
    let x = try TensorArgument.tensor(arguments["inputs"], function: name, parameter: "inputs")
    return .tensor(try predict(x, evaluator: evaluator))
  }

  /// Runs the model on one input `(H, W, C)` (or `(H, W)` for one channel) or a batch
  /// `(N, H, W, C)`, building a Sequential on its first call.
  func predict(_ x: Tensor, evaluator: Evaluator) throws(RuntimeError) -> Tensor {
    if graph == nil {
      let layers = sequence ?? []
      var shape = x.shape
      // A first layer that works on images sees (H, W) as one channel and (N, H, W, C) as a batch.
      if let first = layers.first {
        shape = EagerInput.split(kind: first.kind, shape: x.shape).shape
      }
      try buildSequential(inputShape: shape, file: evaluator.file)
    }
    let (batch, batched) = try prepare(x)
    return try run([batch], batched: batched, evaluator: evaluator)
  }

  /// The input with a batch axis, and whether the learner gave a batch.
  private func prepare(_ x: Tensor) throws(RuntimeError) -> (Tensor, Bool) {
    guard let expected = inputShape else { throw RuntimeError(.unknownInputShape(model: name)) }
    let shape = x.shape
    if shape == expected { return (Tensor(shape: [1] + shape, values: x.values), false) }
    if shape.count == expected.count + 1, Array(shape.dropFirst()) == expected { return (x, true) }
    if expected.last == 1 {
      let gray = Array(expected.dropLast())
      if shape == gray { return (Tensor(shape: [1] + expected, values: x.values), false) }
      if shape.count == expected.count, Array(shape.dropFirst()) == gray {
        return (Tensor(shape: shape + [1], values: x.values), true)
      }
    }
    var fix = Tensor.count(of: shape) == Tensor.count(of: expected) ? LayerFix.reshape(to: ShapeText.plain(expected)) : nil
    // LeNet-5 takes 32x32: a 28x28 digit needs 2 zero cells on every side, as in the paper.
    if fix == nil, expected.count == 3, shape.count >= 2, shape.count <= 3, shape.count == 2 || shape[2] == expected[2] {
      let (dh, dw) = (expected[0] - shape[0], expected[1] - shape[1])
      if dh == dw, dh > 0, dh % 2 == 0 {
        fix = .pad(cells: dh / 2, from: ShapeText.size(shape[0], shape[1]), to: ShapeText.size(expected[0], expected[1]))
      }
    }
    throw RuntimeError(.layerInput(
      layer: "\(typeName) '\(name)'", expected: .shapeOrBatch(shape: ShapeText.plain(expected), batch: ShapeText.batched(expected)),
      got: ShapeText.plain(shape), fix: fix))
  }

  /// The forward pass on batched inputs. Each layer keeps its output, without the batch
  /// axis when the learner gave one image (not when `keepOutputs` is false: batched
  /// prediction and evaluation would otherwise leave the last batch's maps behind).
  func run(_ inputs: [Tensor], batched: Bool, evaluator: Evaluator, keepOutputs: Bool = true) throws(RuntimeError) -> Tensor {
    let result = try walk(inputs) { (_, layer, xs) throws(RuntimeError) in
      let y = try layer.forward(xs, evaluator: evaluator)
      if keepOutputs {
        if batched {
          layer.record(output: y, inputs: xs)
        } else {
          layer.record(output: EagerInput.unbatch(y), inputs: xs.map(EagerInput.unbatch))
        }
      }
      return y
    }
    return batched ? result : EagerInput.unbatch(result)
  }

  /// Runs `step` on every node in running order with the tensors its inputs produced, and
  /// gives the output node's tensor: the one walk of the graph that inference and training share.
  func walk(_ inputs: [Tensor], _ step: (SymbolicTensor, Layer, [Tensor]) throws(RuntimeError) -> Tensor) throws(RuntimeError) -> Tensor {
    guard let graph else { throw RuntimeError(.unknownInputShape(model: name)) }
    var values: [ObjectIdentifier: Tensor] = [:]
    for (t, x) in zip(graph.inputs, inputs) { values[ObjectIdentifier(t)] = x }
    for node in graph.nodes {
      guard let layer = node.layer else { continue }
      var xs: [Tensor] = []
      for i in node.inputs {
        guard let v = values[ObjectIdentifier(i)] else { throw RuntimeError(.disconnectedModel(model: name)) }
        xs.append(v)
      }
      values[ObjectIdentifier(node)] = try step(node, layer, xs)
    }
    guard let result = values[ObjectIdentifier(graph.output)] else { throw RuntimeError(.disconnectedModel(model: name)) }
    return result
  }

  /// `features(model, x)`: runs the model and gives every layer's output, in order.
  func features(_ x: Tensor, evaluator: Evaluator) throws(RuntimeError) -> [Value] {
    _ = try predict(x, evaluator: evaluator)
    return layers.map { layer in
      guard let output = layer.output else { return .none }
      return .tensor(output, origin: layer.outputOrigin)
    }
  }
}
