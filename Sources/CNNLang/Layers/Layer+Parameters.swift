import TensorEngine

/// Batch normalization's state: `gamma` and `beta` are learned; the moving mean and variance
/// follow the batches seen in training (Keras's momentum 0.99) and are what inference uses.
final class NormalizationState {
  let gamma: TensorEngine.Parameter
  let beta: TensorEngine.Parameter
  var movingMean: Tensor
  var movingVariance: Tensor

  init(channels: Int, layerName: String) {
    gamma = TensorEngine.Parameter(Tensor(shape: [channels], repeating: 1), name: "\(layerName)/gamma")
    beta = TensorEngine.Parameter(Tensor(shape: [channels]), name: "\(layerName)/beta")
    movingMean = Tensor(shape: [channels])
    movingVariance = Tensor(shape: [channels], repeating: 1)
  }
}

// A layer's weights as `Parameter`s: what an optimizer updates, with the version that keeps
// the convolution's packed-weights cache from serving a kernel as it was before a step.
extension Layer {
  var kernelTensor: Tensor? {
    get { kernelParameter?.value }
    set { kernelParameter = Layer.parameter(kernelParameter, holding: newValue, name: "\(name)/kernel") }
  }

  var biasTensor: Tensor? {
    get { biasParameter?.value }
    set { biasParameter = Layer.parameter(biasParameter, holding: newValue, name: "\(name)/bias") }
  }

  /// The existing parameter given a new value of its shape, or a new parameter.
  private static func parameter(_ existing: TensorEngine.Parameter?, holding value: Tensor?, name: String) -> TensorEngine.Parameter? {
    guard let value else { return nil }
    if let existing, existing.value.shape == value.shape, (try? existing.assign(value)) != nil { return existing }
    return TensorEngine.Parameter(value, name: name)
  }

  /// Batch normalization's state for `channels`, made on first use.
  func normalizationState(channels: Int) -> NormalizationState {
    if let state = normalization, state.gamma.value.count == channels { return state }
    let state = NormalizationState(channels: channels, layerName: name)
    normalization = state
    return state
  }

  /// The parameters an optimizer may update, made now if they were not yet (a block's come
  /// from its inner layers). Frozen layers give none.
  func trainableParameters() throws(RuntimeError) -> [TensorEngine.Parameter] {
    guard trainable else { return [] }
    if let inner {
      var parameters: [TensorEngine.Parameter] = []
      for layer in inner.layers { parameters += try layer.trainableParameters() }
      return parameters
    }
    if case .batchNormalization = kind, let channels = outputShape?.last {
      let state = normalizationState(channels: channels)
      return [state.gamma, state.beta]
    }
    _ = try materialisedKernel()
    _ = try materialisedBias()
    return [kernelParameter, biasParameter].compactMap { $0 }
  }

  /// Keras's `get_weights()` order: kernel and bias; gamma, beta, moving mean and variance.
  func weightTensors() throws(RuntimeError) -> [Tensor] {
    if case .batchNormalization = kind, let channels = outputShape?.last {
      let state = normalizationState(channels: channels)
      return [state.gamma.value, state.beta.value, state.movingMean, state.movingVariance]
    }
    guard kind.hasKernel, let kernel = try materialisedKernel() else { return [] }
    if let bias = try materialisedBias() { return [kernel, bias] }
    return [kernel]
  }

  /// `set_weights([...])`: the same list `get_weights()` gives, each of its shape.
  func setWeightTensors(_ tensors: [Tensor]) throws(RuntimeError) {
    let current = try weightTensors()
    guard tensors.count == current.count else {
      throw RuntimeError(.training(.weightCount(owner: label, expected: current.map { ShapeText.plain($0.shape) }, got: tensors.count)))
    }
    for (given, expected) in zip(tensors, current) where given.count != expected.count {
      throw RuntimeError(.training(.weightShape(owner: label, given: ShapeText.plain(given.shape), expected: ShapeText.plain(expected.shape))))
    }
    let shaped = zip(tensors, current).map { Tensor(shape: $1.shape, values: $0.values) }
    if case .batchNormalization = kind, let channels = outputShape?.last {
      let state = normalizationState(channels: channels)
      try? state.gamma.assign(shaped[0])
      try? state.beta.assign(shaped[1])
      state.movingMean = shaped[2]
      state.movingVariance = shaped[3]
      return
    }
    kernelTensor = shaped.first
    if shaped.count > 1 { biasTensor = shaped[1] }
  }
}
