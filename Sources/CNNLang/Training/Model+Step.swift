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
  // x (N, ...), y (N, ...) → loss and predictions (N, ...)
  func trainStep(x: Tensor, y: Tensor, compilation: Compilation, evaluator: Evaluator) throws(RuntimeError) -> StepResult {
    let parameters = try trainableParameters()
    guard !parameters.isEmpty else { throw RuntimeError(.training(.notTrainable(model: "\(typeName) '\(name)'"))) }
    for p in parameters { p.clearGradient() }
    let tape = try trainingForward([x], step: stepsTaken, evaluator: evaluator)
    let (loss, gradient, fromLogits) = try lossAndGradient(tape, labels: y, loss: compilation.loss)
    _ = try backward(tape, outputGradient: gradient, fromLogits: fromLogits, needsInputGradient: false, evaluator: evaluator)
    // The last moment to stop: after it, all weights change together.
    try evaluator.checkCancellation()
    do {
      try compilation.optimizer.apply(to: parameters)
    } catch {
      throw RuntimeError(.engine(error as? TensorError ?? .invalidArgument(operation: compilation.optimizer.name, reason: .unexpected("\(error)"))))
    }
    commitTrainingState(tape)
    stepsTaken += 1
    return StepResult(loss: loss, predictions: tape.output)
  }

  /// The loss and its gradient. A model that ends in a softmax and trains with a categorical
  /// cross-entropy on probabilities gets the loss from the softmax's input, as Keras's
  /// TensorFlow backend does: the same value without the clipping at 1e-7, and the gradient
  /// `softmax - labels` with no division by small probabilities.
  private func lossAndGradient(_ tape: ModelTape, labels: Tensor, loss: Loss) throws(RuntimeError) -> (Double, Tensor, Bool) {
    guard let graph, let last = graph.output.layer else { throw RuntimeError(.unknownInputShape(model: name)) }
    do {
      switch loss {
      case .sparseCategoricalCrossentropy(false), .categoricalCrossentropy(false):
        if last.finalActivation == .softmax, let logits = tape.tapes[ObjectIdentifier(graph.output)]?.logits {
          let result = try loss.onLogits.evaluate(predictions: logits, labels: labels)
          return (Double(result.value), result.gradient, true)
        }
      default:
        break
      }
      let result = try loss.evaluate(predictions: tape.output, labels: labels)
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
    let row = x.count / max(1, x.shape.first ?? 1)
    return Tensor(shape: [count] + x.shape.dropFirst(), values: Array(x.values[(start * row)..<((start + count) * row)]))
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
