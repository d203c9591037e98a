import TensorEngine

/// A model's training-mode forward pass: one tape per node, in running order, and the output.
struct ModelTape {
  var tapes: [ObjectIdentifier: LayerTape]
  var output: Tensor
}

// Training a model: the forward pass in training mode keeping what each layer's backward
// needs, the backward pass from the output back to the first layer, and the step that puts
// them together with a loss and an optimizer.
extension Model {
  /// `firstRow`: where the inputs' rows start in the step's whole batch (a shard's).
  // inputs (N, ...) → tapes and output (N, ...)
  func trainingForward(_ inputs: [Tensor], step: Int, firstRow: Int = 0, evaluator: Evaluator) throws(RuntimeError) -> ModelTape {
    var tapes: [ObjectIdentifier: LayerTape] = [:]
    let output = try walk(inputs) { (node, layer, xs) throws(RuntimeError) in
      try evaluator.checkCancellation()
      let tape = try layer.trainingForward(xs, step: step, firstRow: firstRow, evaluator: evaluator)
      tapes[ObjectIdentifier(node)] = tape
      return tape.output
    }
    return ModelTape(tapes: tapes, output: output)
  }

  /// Back from the output's gradient to the inputs': each node's gradient is the sum of what
  /// its consumers send back. Gradients of weights collect in the layers' parameters.
  /// `fromLogits`: `outputGradient` is with respect to the last layer's softmax input.
  /// `gradients`: where a shard of a split batch keeps its weight gradients.
  func backward(
    _ tape: ModelTape, outputGradient: Tensor, fromLogits: Bool = false, needsInputGradient: Bool,
    evaluator: Evaluator, gradients accumulator: GradientAccumulator? = nil
  ) throws(RuntimeError) -> [Tensor?] {
    guard let graph else { throw RuntimeError(.unknownInputShape(model: name)) }
    var gradients: [ObjectIdentifier: Tensor] = [ObjectIdentifier(graph.output): outputGradient]
    // Which nodes lead back to an input through layers that need an input gradient: the first
    // layers of a network need none (a third of a convolution's backward work).
    let needy = nodesNeedingGradient(graph, includeInputs: needsInputGradient)
    for node in graph.nodes.reversed() {
      guard let layer = node.layer, let layerTape = tape.tapes[ObjectIdentifier(node)],
        let dy = gradients.removeValue(forKey: ObjectIdentifier(node))
      else { continue }
      try evaluator.checkCancellation()
      let needsInput = node.inputs.contains { needy.contains(ObjectIdentifier($0)) }
      let dxs = try layer.backward(
        layerTape, outputGradient: dy, fromLogits: fromLogits && node === graph.output, needsInputGradient: needsInput,
        evaluator: evaluator, gradients: accumulator)
      for (input, dx) in zip(node.inputs, dxs) {
        guard let dx, needy.contains(ObjectIdentifier(input)) else { continue }
        let key = ObjectIdentifier(input)
        if let existing = gradients[key] {
          do { gradients[key] = try existing.combined(with: dx, .add) } catch { throw layer.failure(error) }
        } else {
          gradients[key] = dx
        }
      }
    }
    return graph.inputs.map { gradients[ObjectIdentifier($0)] }
  }

  /// The nodes whose gradient someone needs: those with a trainable layer somewhere before
  /// them, and the inputs when asked.
  private func nodesNeedingGradient(_ graph: Graph, includeInputs: Bool) -> Set<ObjectIdentifier> {
    var needy = Set<ObjectIdentifier>()
    if includeInputs { for i in graph.inputs { needy.insert(ObjectIdentifier(i)) } }
    for node in graph.nodes {
      let feedsFromNeedy = node.inputs.contains { needy.contains(ObjectIdentifier($0)) }
      if feedsFromNeedy || (node.layer?.hasTrainableWeights ?? false) { needy.insert(ObjectIdentifier(node)) }
    }
    return needy
  }

  /// Keeps the moving statistics of batch normalization from a finished step.
  func commitTrainingState(_ tape: ModelTape) {
    guard let graph else { return }
    for node in graph.nodes {
      if let layer = node.layer, let t = tape.tapes[ObjectIdentifier(node)] { layer.commitTrainingState(t) }
    }
  }

  /// Every trainable parameter once (a layer used twice has one set of weights).
  func trainableParameters() throws(RuntimeError) -> [TensorEngine.Parameter] {
    var seen = Set<UInt64>()
    var result: [TensorEngine.Parameter] = []
    for layer in layers {
      for p in try layer.trainableParameters() where seen.insert(p.id).inserted { result.append(p) }
    }
    return result
  }
}

extension Layer {
  /// Whether this layer is, or its block holds, a batch normalization: its training-mode
  /// statistics need the whole batch at once.
  var holdsBatchNormalization: Bool {
    if case .batchNormalization = kind { return true }
    return inner?.layers.contains { $0.holdsBatchNormalization } ?? false
  }

  /// Whether a backward pass through this layer adds to some trainable weight.
  var hasTrainableWeights: Bool {
    guard trainable else { return false }
    switch kind {
    case .conv2d, .conv1d, .dense, .batchNormalization: return true
    case .block: return inner?.layers.contains { $0.hasTrainableWeights } ?? false
    default: return false
    }
  }
}
