import TensorEngine

/// One training step's outcome: the batch's loss and the predictions it was computed from.
struct StepResult {
  var loss: Double
  var predictions: Tensor
}

extension Model {
  /// One step of gradient descent on a batch: the forward pass in training mode, the loss,
  /// the backward pass, and the optimizer's update of every trainable parameter at once. An
  /// interrupt or an error before the update leaves every weight as it was.
  ///
  /// The batch is split over the engine's threads (`BatchSplit`): each takes its rows
  /// forward and back through the whole network, the loss is taken on the whole batch's
  /// output, and the shards' weight gradients are added in shard order before the update.
  /// Models with batch normalization stay whole (its statistics are the whole batch's), and
  /// their large layers are split one by one instead.
  // x (N, ...), y (N, ...) → loss and predictions (N, ...)
  func trainStep(x: Tensor, y: Tensor, compilation: Compilation, evaluator: Evaluator) throws(RuntimeError) -> StepResult {
    let parameters = try trainableParameters()
    guard !parameters.isEmpty else { throw RuntimeError(.training(.notTrainable(model: "\(typeName) '\(name)'"))) }
    for p in parameters { p.clearGradient() }
    let split = batchSplit(x, parameters: parameters)
    let step = stepsTaken
    let tapes = try split.map { (shard, rows) throws(RuntimeError) in
      try trainingForward([split.rows(x, shard: shard)], step: step, firstRow: rows.lowerBound, evaluator: evaluator)
    }
    let (output, logits) = try joined(tapes, split)
    let (loss, gradient, fromLogits) = try lossAndGradient(output: output, logits: logits, labels: y, loss: compilation.loss)
    let shards = try split.map { (shard, _) throws(RuntimeError) in
      let accumulator = split.isSplit ? GradientAccumulator() : nil
      _ = try backward(
        tapes[shard], outputGradient: split.rows(gradient, shard: shard), fromLogits: fromLogits, needsInputGradient: false,
        evaluator: evaluator, gradients: accumulator)
      return accumulator
    }
    do {
      try GradientAccumulator.commit(shards.compactMap { $0 })
    } catch {
      throw RuntimeError(.engine(error as? TensorError ?? .invalidArgument(operation: "fit", reason: .unexpected("\(error)"))))
    }
    // The last moment to stop: after it, all weights change together.
    try evaluator.checkCancellation()
    do {
      try compilation.optimizer.apply(to: parameters)
    } catch {
      throw RuntimeError(.engine(error as? TensorError ?? .invalidArgument(operation: compilation.optimizer.name, reason: .unexpected("\(error)"))))
    }
    // Only a whole batch keeps training state (batch normalization's statistics).
    if !split.isSplit { commitTrainingState(tapes[0]) }
    stepsTaken += 1
    return StepResult(loss: loss, predictions: output)
  }

  /// How this step's batch is cut: whole on one thread's kernels for models with batch
  /// normalization, else over the engine's threads when the weights are small enough to
  /// copy the gradients per thread.
  private func batchSplit(_ x: Tensor, parameters: [TensorEngine.Parameter]) -> BatchSplit {
    let batch = x.shape.first ?? 0
    if layers.contains(where: \.holdsBatchNormalization) { return BatchSplit(unsplit: batch) }
    let weightBytes = parameters.reduce(0) { $0 + $1.value.count * MemoryLayout<Float>.stride }
    return BatchSplit(batch: batch, weightBytes: weightBytes)
  }

  /// The whole batch's output, and the logits before its last softmax when the layer kept them.
  private func joined(_ tapes: [ModelTape], _ split: BatchSplit) throws(RuntimeError) -> (Tensor, Tensor?) {
    guard let graph else { throw RuntimeError(.unknownInputShape(model: name)) }
    let key = ObjectIdentifier(graph.output)
    let logits = tapes.compactMap { $0.tapes[key]?.logits }
    do {
      return (try split.joined(tapes.map(\.output)), logits.count == tapes.count ? try split.joined(logits) : nil)
    } catch {
      throw RuntimeError(.engine(error as? TensorError ?? .invalidArgument(operation: "fit", reason: .unexpected("\(error)"))))
    }
  }

  /// The loss and its gradient. A model that ends in a softmax and trains with a categorical
  /// cross-entropy on probabilities gets the loss from the softmax's input, as Keras's
  /// TensorFlow backend does: the same value without the clipping at 1e-7, and the gradient
  /// `softmax - labels` with no division by small probabilities.
  private func lossAndGradient(output: Tensor, logits: Tensor?, labels: Tensor, loss: Loss) throws(RuntimeError) -> (Double, Tensor, Bool) {
    guard let graph, let last = graph.output.layer else { throw RuntimeError(.unknownInputShape(model: name)) }
    do {
      switch loss {
      case .sparseCategoricalCrossentropy(false), .categoricalCrossentropy(false):
        if last.finalActivation == .softmax, let logits {
          let result = try loss.onLogits.evaluate(predictions: logits, labels: labels)
          return (Double(result.value), result.gradient, true)
        }
      default:
        break
      }
      let result = try loss.evaluate(predictions: output, labels: labels)
      return (Double(result.value), result.gradient, false)
    } catch {
      throw RuntimeError(.engine(error as? TensorError ?? .invalidArgument(operation: loss.name, reason: .unexpected("\(error)"))))
    }
  }

  /// Inference on `x` in batches, each layer in inference mode, without keeping outputs.
  // x (N, ...) → predictions (N, ...)
  func predictBatches(_ x: Tensor, batchSize: Int, evaluator: Evaluator, each: ((Int, Int) -> Void)? = nil) throws(RuntimeError) -> Tensor {
    let count = x.shape.first ?? 0
    guard count > 0 else { throw RuntimeError(.training(.emptyData(what: .x))) }
    var outputs: [Float] = []
    var rowShape: [Int] = []
    let steps = (count + batchSize - 1) / batchSize
    for step in 0..<steps {
      try evaluator.checkCancellation()
      let batch = Batches.slice(x, from: step * batchSize, count: min(batchSize, count - step * batchSize))
      let y = try run([batch], batched: true, evaluator: evaluator, keepOutputs: false)
      if step == 0 {
        rowShape = Array(y.shape.dropFirst())
        let bytes = count * Tensor.count(of: rowShape) * MemoryLayout<Float>.stride
        do { try MemoryBudget.check(operation: "predict", shape: [], extraBytes: bytes) } catch { throw RuntimeError(.engine(error as? TensorError ?? .cancelled)) }
        outputs.reserveCapacity(count * Tensor.count(of: rowShape))
      }
      outputs += y.values
      each?(step + 1, steps)
    }
    return Tensor(shape: [count] + rowShape, values: outputs)
  }
}

/// Cutting data into batches along the first axis.
enum Batches {
  /// Rows `from ..< from + count`, copied into a tensor of their own.
  static func slice(_ x: Tensor, from start: Int, count: Int) -> Tensor {
    x.rows(start..<(start + count))
  }

  /// The rows at `indices`, in that order.
  static func gather(_ x: Tensor, _ indices: ArraySlice<Int>) -> Tensor {
    let row = x.count / max(1, x.shape.first ?? 1)
    var values = [Float](repeating: 0, count: indices.count * row)
    values.withUnsafeMutableBufferPointer { out in
      x.values.withUnsafeBufferPointer { source in
        guard let out = out.baseAddress, let source = source.baseAddress else { return }
        for (k, i) in indices.enumerated() { (out + k * row).update(from: source + i * row, count: row) }
      }
    }
    return Tensor(shape: [indices.count] + x.shape.dropFirst(), values: values)
  }
}
