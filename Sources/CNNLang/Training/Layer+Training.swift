import TensorEngine

/// What one layer's training-mode forward pass keeps for its backward pass.
struct LayerTape {
  var inputs: [Tensor]
  /// After the activation: what the next layer reads.
  var output: Tensor
  /// Before a softmax, which cannot be fused into a convolution's or Dense's tiles and runs
  /// afterwards; nil when the activation was fused (its backward works from `output`).
  var logits: Tensor?
  var mask: DropoutMask?
  var normalization: BatchNormalizationTraining?
  /// A block's inner model's tapes.
  var inner: ModelTape?
}

// The forward pass in training mode (dropout drops, batch normalization uses and updates the
// batch statistics) and the backward pass beside it, layer type by layer type, through the
// engine's `Ops`. Gradients of the weights are added to the layer's parameters; the input's
// gradient is returned for the layers before it.
extension Layer {
  /// `firstRow`: where the inputs' rows start in the step's whole batch, when a thread runs a
  /// shard of it (dropout then draws that shard's part of the whole batch's mask).
  // inputs (N, ...) each → tape with output (N, ...)
  func trainingForward(_ inputs: [Tensor], step: Int, firstRow: Int = 0, evaluator: Evaluator) throws(RuntimeError) -> LayerTape {
    let cancellation = evaluator.cancellation
    guard let x = inputs.first else { return LayerTape(inputs: inputs, output: Tensor(shape: [0])) }
    do {
      switch kind {
      case .conv2d(let c):
        guard let kernel = try materialisedKernel(cancellation: cancellation) else { break }
        let z = try Ops.conv2d(
          x, kernel: kernel, bias: try materialisedBias(), strides: c.strides, padding: c.padding, dilation: c.dilation,
          groups: c.groups, activation: c.activation.fused ?? .linear, cancellation: cancellation,
          weightsVersion: kernelParameter?.weightsVersion)
        return try activated(z, inputs: inputs, activation: c.activation)
      case .conv1d(let c):
        guard let kernel = try materialisedKernel(cancellation: cancellation) else { break }
        let z = try Ops.conv1d(
          x, kernel: kernel, bias: try materialisedBias(), stride: c.strides.width, padding: c.padding,
          dilation: c.dilation.width, groups: c.groups, activation: c.activation.fused ?? .linear,
          cancellation: cancellation, weightsVersion: kernelParameter?.weightsVersion)
        return try activated(z, inputs: inputs, activation: c.activation)
      case .dense(_, let activation, _):
        guard let kernel = try materialisedKernel(cancellation: cancellation) else { break }
        let z = try Ops.dense(
          x, weights: kernel, bias: try materialisedBias(), activation: activation.fused ?? .linear, cancellation: cancellation)
        return try activated(z, inputs: inputs, activation: activation)
      case .activation(let activation):
        let y = try activation.apply(x)
        return LayerTape(inputs: inputs, output: y, logits: activation == .softmax ? x : nil)
      case .dropout(let rate):
        var generator = SeededGenerator(seed: seed &+ UInt64(truncatingIfNeeded: step) &* 0x9E37_79B9)
        generator.skip(firstRow * (x.count / max(1, x.shape.first ?? 1)))
        let (y, mask) = try Ops.dropoutTraining(x, rate: Float(rate), generator: &generator)
        return LayerTape(inputs: inputs, output: y, mask: mask)
      case .batchNormalization(let epsilon) where trainable:
        // A frozen BatchNormalization runs in inference mode, as in Keras: its moving
        // statistics stay as they are.
        let state = normalizationState(channels: x.shape.last ?? 0)
        let result = try Ops.batchNormalizationTraining(
          x, gamma: state.gamma.value, beta: state.beta.value, movingMean: state.movingMean,
          movingVariance: state.movingVariance, epsilon: epsilon)
        return LayerTape(inputs: inputs, output: result.output, normalization: result)
      case .block:
        guard let inner else { break }
        let tape = try inner.trainingForward([x], step: step, firstRow: firstRow, evaluator: evaluator)
        return LayerTape(inputs: inputs, output: tape.output, inner: tape)
      default:
        break
      }
    } catch let error as RuntimeError {
      throw error
    } catch {
      throw failure(error)
    }
    // Layers without weights or training behaviour run as at inference.
    return LayerTape(inputs: inputs, output: try forward(inputs, evaluator: evaluator))
  }

  private func activated(_ z: Tensor, inputs: [Tensor], activation: LayerActivation) throws -> LayerTape {
    if activation.fused != nil { return LayerTape(inputs: inputs, output: z) }
    return LayerTape(inputs: inputs, output: try activation.apply(z), logits: z)
  }

  /// The statistics a training step moved, kept once the whole step has succeeded.
  func commitTrainingState(_ tape: LayerTape) {
    if let bn = tape.normalization, let state = normalization {
      state.movingMean = bn.movingMean
      state.movingVariance = bn.movingVariance
    }
    if let inner = tape.inner, let model = self.inner { model.commitTrainingState(inner) }
  }

  /// Gradients with respect to the layer's inputs (nil where `needsInputGradient` is false),
  /// given the gradient with respect to its output (or, with `fromLogits`, to the logits
  /// before its softmax, as the fused softmax and cross-entropy give it). The weights'
  /// gradients go to `gradients` when given (a shard of a split batch), else straight to the
  /// parameters.
  func backward(
    _ tape: LayerTape, outputGradient dy: Tensor, fromLogits: Bool = false, needsInputGradient: Bool, evaluator: Evaluator,
    gradients: GradientAccumulator? = nil
  ) throws(RuntimeError) -> [Tensor?] {
    let cancellation = evaluator.cancellation
    guard let x = tape.inputs.first else { return [] }
    do {
      switch kind {
      case .conv2d(let c):
        guard let kernel = kernelTensor else { break }
        let dz = try preActivationGradient(tape, dy, activation: c.activation, fromLogits: fromLogits)
        let g = try Ops.conv2dBackward(
          x, kernel: kernel, outputGradient: dz, strides: c.strides, padding: c.padding, dilation: c.dilation,
          groups: c.groups, hasBias: usesBias, needsInputGradient: needsInputGradient, cancellation: cancellation)
        try accumulate(g, into: gradients)
        return [g.input]
      case .conv1d(let c):
        guard let kernel = kernelTensor else { break }
        let dz = try preActivationGradient(tape, dy, activation: c.activation, fromLogits: fromLogits)
        let g = try Ops.conv1dBackward(
          x, kernel: kernel, outputGradient: dz, stride: c.strides.width, padding: c.padding, dilation: c.dilation.width,
          groups: c.groups, hasBias: usesBias, needsInputGradient: needsInputGradient, cancellation: cancellation)
        try accumulate(g, into: gradients)
        return [g.input]
      case .dense(_, let activation, _):
        guard let kernel = kernelTensor else { break }
        let dz = try preActivationGradient(tape, dy, activation: activation, fromLogits: fromLogits)
        let g = try Ops.denseBackward(
          x, weights: kernel, outputGradient: dz, hasBias: usesBias, needsInputGradient: needsInputGradient,
          cancellation: cancellation)
        try accumulate(g, into: gradients)
        return [g.input]
      case .activation(let activation):
        if fromLogits { return [dy] }
        return [try Layer.activationBackward(tape.output, dy, activation: activation)]
      case .pool(let poolKind, let size, let strides, let padding):
        guard needsInputGradient else { return [nil] }
        return [try Ops.pool2dBackward(
          x, outputGradient: dy, kind: poolKind, poolSize: size, strides: strides, padding: padding,
          cancellation: cancellation)]
      case .globalPool(let poolKind):
        guard needsInputGradient else { return [nil] }
        return [try Ops.globalPool2dBackward(input: x, outputGradient: dy, kind: poolKind)]
      case .flatten, .input:
        guard needsInputGradient else { return [nil] }
        return [try Ops.reshapeBackward(outputGradient: dy, inputShape: x.shape)]
      case .zeroPadding(let top, let bottom, let left, let right):
        guard needsInputGradient else { return [nil] }
        return [try Ops.padBackward(outputGradient: dy, top: top, bottom: bottom, left: left, right: right)]
      case .dropout:
        guard needsInputGradient, let mask = tape.mask else { return [needsInputGradient ? dy : nil] }
        return [try Ops.dropoutBackward(outputGradient: dy, mask: mask)]
      case .batchNormalization(let epsilon):
        guard let state = normalization else { break }
        guard let forward = tape.normalization else {
          // Frozen, so it ran in inference mode: a fixed scale per channel.
          guard needsInputGradient else { return [nil] }
          let scale = zip(state.gamma.value.values, state.movingVariance.values).map { $0 / (($1 + epsilon).squareRoot()) }
          var dx = dy
          let channels = scale.count
          dx.values.withUnsafeMutableBufferPointer { d in
            for i in 0..<d.count { d[i] *= scale[i % channels] }
          }
          return [dx]
        }
        let g = try Ops.batchNormalizationBackward(
          input: x, outputGradient: dy, gamma: state.gamma.value, forward: forward)
        if trainable {
          try Layer.accumulate(g.gamma, for: state.gamma, into: gradients)
          try Layer.accumulate(g.beta, for: state.beta, into: gradients)
        }
        return [g.input]
      case .add:
        return try Ops.addBackward(outputGradient: dy, inputCount: tape.inputs.count).map { $0 }
      case .concatenate(let axis):
        let a = unbatchedAxis(axis, rank: x.rank - 1).map { $0 + 1 } ?? x.rank - 1
        return try Ops.concatenateBackward(outputGradient: dy, sizes: tape.inputs.map { $0.shape[a] }, axis: a).map { $0 }
      case .block:
        guard let inner, let innerTape = tape.inner else { break }
        return try inner.backward(
          innerTape, outputGradient: dy, needsInputGradient: needsInputGradient, evaluator: evaluator, gradients: gradients)
      }
    } catch let error as RuntimeError {
      throw error
    } catch {
      throw failure(error)
    }
    return [needsInputGradient ? dy : nil]
  }

  /// The gradient before the layer's activation.
  private func preActivationGradient(_ tape: LayerTape, _ dy: Tensor, activation: LayerActivation, fromLogits: Bool) throws -> Tensor {
    if fromLogits { return dy }
    return try Layer.activationBackward(tape.output, dy, activation: activation)
  }

  static func activationBackward(_ y: Tensor, _ dy: Tensor, activation: LayerActivation) throws -> Tensor {
    if let fused = activation.fused {
      if fused == .linear { return dy }
      return try Ops.activationBackward(output: y, outputGradient: dy, activation: fused)
    }
    return try Ops.softmaxBackward(output: y, outputGradient: dy, axis: -1)
  }

  private func accumulate(_ g: ConvGradients, into gradients: GradientAccumulator?) throws {
    guard trainable else { return }
    if let kernel = kernelParameter { try Layer.accumulate(g.kernel, for: kernel, into: gradients) }
    if let bias = g.bias, let parameter = biasParameter { try Layer.accumulate(bias, for: parameter, into: gradients) }
  }

  private static func accumulate(
    _ gradient: Tensor, for parameter: TensorEngine.Parameter, into gradients: GradientAccumulator?
  ) throws {
    if let gradients {
      try gradients.accumulate(gradient, for: parameter)
    } else {
      try parameter.accumulateGradient(gradient)
    }
  }

  /// The activation whose logits a loss may take directly: softmax (categorical
  /// cross-entropies) or sigmoid (binary), when it is the layer's last step.
  var finalActivation: LayerActivation? {
    switch kind {
    case .conv2d(let c), .conv1d(let c): return c.activation
    case .dense(_, let activation, _): return activation
    case .activation(let activation): return activation
    default: return nil
    }
  }
}
