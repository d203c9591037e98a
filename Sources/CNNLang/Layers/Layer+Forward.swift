import TensorEngine

// The forward pass of each layer type, on tensors with a batch axis, through the engine's
// `Ops` with the interpreter's cancellation flag.
extension Layer {
  // inputs (N, ...) each → output (N, ...)
  func forward(_ inputs: [Tensor], evaluator: Evaluator) throws(RuntimeError) -> Tensor {
    let cancellation = evaluator.cancellation
    let kernel = try materialisedKernel(cancellation: cancellation)
    let bias = try materialisedBias()
    try evaluator.checkCancellation()
    guard var x = inputs.first else { return Tensor(shape: [0]) }
    // A batch of one-channel images (N, H, W), from an input shaped (H, W), gets its channel axis.
    if EagerInput.split(kind: kind, shape: [0, 0, 0, 0]).batched && x.rank == 3 {
      x = Tensor(shape: x.shape + [1], values: x.values)
    }
    do {
      switch kind {
      case .input:
        return x
      case .conv2d(let c):
        guard let kernel else { return x }
        let y = try Ops.conv2d(
          x, kernel: kernel, bias: bias, strides: c.strides, padding: c.padding, dilation: c.dilation, groups: c.groups,
          activation: c.activation.fused ?? .linear, cancellation: cancellation, weightsVersion: kernelParameter?.weightsVersion)
        return c.activation.fused == nil ? try c.activation.apply(y) : y
      case .conv1d(let c):
        if x.rank == 2 { x = Tensor(shape: x.shape + [1], values: x.values) }
        guard let kernel else { return x }
        let y = try Ops.conv1d(
          x, kernel: kernel, bias: bias, stride: c.strides.width, padding: c.padding, dilation: c.dilation.width,
          groups: c.groups, activation: c.activation.fused ?? .linear, cancellation: cancellation,
          weightsVersion: kernelParameter?.weightsVersion)
        return c.activation.fused == nil ? try c.activation.apply(y) : y
      case .pool(let poolKind, let size, let strides, let padding):
        return try Ops.pool2d(x, kind: poolKind, poolSize: size, strides: strides, padding: padding, cancellation: cancellation)
      case .globalPool(let poolKind):
        return try Ops.globalPool2d(x, kind: poolKind)
      case .flatten:
        return try x.reshaped([x.shape[0], x.count / max(1, x.shape[0])])
      case .dense(_, let activation, _):
        guard let kernel else { return x }
        let y = try Ops.dense(x, weights: kernel, bias: bias, activation: activation.fused ?? .linear, cancellation: cancellation)
        return activation.fused == nil ? try activation.apply(y) : y
      case .activation(let activation):
        return try activation.apply(x)
      case .zeroPadding(let top, let bottom, let left, let right):
        return try Ops.pad(x, top: top, bottom: bottom, left: left, right: right)
      case .dropout(let rate):
        return try Ops.dropout(x, rate: Float(rate))
      case .batchNormalization(let epsilon):
        let state = normalizationState(channels: x.shape.last ?? 0)
        return try Ops.batchNormalization(
          x, mean: state.movingMean, variance: state.movingVariance, gamma: state.gamma.value, beta: state.beta.value,
          epsilon: epsilon)
      case .add:
        return try Ops.add(inputs)
      case .concatenate(let axis):
        let a = unbatchedAxis(axis, rank: x.rank - 1).map { $0 + 1 } ?? x.rank - 1
        return try Tensor.concatenate(inputs, axis: a)
      case .block:
        guard let inner else { return x }
        return try inner.run([x], batched: true, evaluator: evaluator)
      }
    } catch let error as RuntimeError {
      throw error
    } catch {
      throw failure(error)
    }
  }

  /// How a convolution or pooling output was computed, for `explain()`; `input` is what the
  /// learner gave (one image, or the batch).
  func origin(input: Tensor) -> TensorOrigin? {
    switch kind {
    case .conv2d(let c):
      guard let kernel = kernelTensor else { return nil }
      let image = input.rank == 2 ? Tensor(shape: input.shape + [1], values: input.values) : input
      return .convolution(
        input: image, kernel: kernel, bias: biasTensor, strides: c.strides, padding: c.padding, dilation: c.dilation,
        groups: c.groups, activation: c.activation.fused ?? .linear, layerName: name)
    case .pool(let poolKind, let size, let strides, let padding):
      return .pooling(input: input, kind: poolKind, poolSize: size, strides: strides ?? size, padding: padding, layerName: name)
    default:
      return nil
    }
  }
}
