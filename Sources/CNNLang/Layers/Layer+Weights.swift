import TensorEngine

// Weights: made on first use from the layer's seed (Glorot uniform kernels, zero biases),
// or set by hand with `weights=`.
extension Layer {
  /// `.kernel` gives a tensor up to this size; a larger kernel (a 1000x1000x3 image into
  /// Dense) is only described, and made by a forward pass if the memory limit allows it.
  static let largestKernelShownBytes = 1 << 30

  /// Checks `weights=` against the kernel the built layer needs.
  func checkHandWeights() throws(RuntimeError) {
    guard let hand = handKernel, let expected = try kernelShape() else { return }
    guard Layer.fits(hand.shape, expected) else {
      throw RuntimeError(.handWeights(layer: label, expected: ShapeText.plain(expected), got: ShapeText.plain(hand.shape)))
    }
    if let bias = handBias, bias.shape != [expected.last ?? 0] {
      throw RuntimeError(.handWeights(layer: label, expected: ShapeText.plain([expected.last ?? 0]), got: ShapeText.plain(bias.shape), bias: true))
    }
  }

  /// A hand-written kernel fits if it has the same values in the same order: `(3, 3)` is
  /// one filter on one channel, `(3, 3, 1, 1)`.
  private static func fits(_ given: [Int], _ expected: [Int]) -> Bool {
    if given == expected { return true }
    return given == Array(expected.prefix(given.count)) && expected.dropFirst(given.count).allSatisfy { $0 == 1 }
  }

  /// The kernel, made now if it was not yet; nil for layers without one. Drawing a large
  /// kernel stops at an interrupt when `cancellation` is given.
  func materialisedKernel(cancellation: CancellationFlag? = nil) throws(RuntimeError) -> Tensor? {
    guard let shape = try kernelShape() else { return nil }
    if let k = kernelTensor, k.shape == shape { return k }
    let kernel: Tensor
    if let hand = handKernel {
      kernel = Tensor(shape: shape, values: hand.values)
    } else {
      do {
        try MemoryBudget.check(operation: name, shape: shape)
      } catch TensorError.resourceLimit(_, let shape, let bytes, let limit) {
        throw RuntimeError(.kernelTooLarge(layer: label, name: name, shape: shape, bytes: bytes, limit: limit))
      } catch {
        throw failure(error)
      }
      guard let drawn = Layer.glorotUniform(shape: shape, fans: fans(shape), seed: seed, cancellation: cancellation) else {
        throw RuntimeError(.keyboardInterrupt)
      }
      kernel = drawn
    }
    kernelTensor = kernel
    return kernel
  }

  /// The bias (zeros unless set by hand); nil when the layer has none.
  func materialisedBias() throws(RuntimeError) -> Tensor? {
    guard usesBias, let shape = try kernelShape(), let units = shape.last else { return nil }
    if let b = biasTensor, b.shape == [units] { return b }
    let bias = handBias ?? Tensor(shape: [units])
    biasTensor = bias
    return bias
  }

  /// Glorot's fan-in and fan-out: the values one output reads, and the outputs one input feeds.
  private func fans(_ shape: [Int]) -> (Int, Int) {
    switch kind {
    case .conv2d(let c), .conv1d(let c):
      let receptive = shape.dropLast(2).reduce(1, *)
      return (receptive * shape[shape.count - 2], receptive * c.filters / c.groups)
    default:
      return (shape[0], shape[1])
    }
  }

  /// Uniform in `±sqrt(6 / (fan_in + fan_out))`, Keras's default kernel initialiser; nil
  /// when interrupted.
  static func glorotUniform(shape: [Int], fans: (Int, Int), seed: UInt64, cancellation: CancellationFlag? = nil) -> Tensor? {
    let limit = (6.0 / Double(max(1, fans.0 + fans.1))).squareRoot()
    var generator = SeededGenerator(seed: seed)
    var values = [Float](repeating: 0, count: Tensor.count(of: shape))
    for i in values.indices {
      if i & 0xFFFFF == 0, cancellation?.isCancelled == true { return nil }
      values[i] = Float(generator.uniform(-limit, limit))
    }
    return Tensor(shape: shape, values: values)
  }

  /// `.kernel` as a value: the tensor, or a description of one too large to make just to look at.
  func kernelValue() throws(RuntimeError) -> Value {
    guard let shape = try kernelShape() else { return .none }
    if kernelTensor == nil && handKernel == nil && Tensor.count(of: shape) * MemoryLayout<Float>.stride > Layer.largestKernelShownBytes {
      return .symbolic(SymbolicTensor(weightsOf: self, shape: shape))
    }
    guard let kernel = try materialisedKernel() else { return .none }
    return .tensor(kernel)
  }

  func biasValue() throws(RuntimeError) -> Value {
    guard let bias = try materialisedBias() else { return .none }
    return .tensor(bias)
  }
}
