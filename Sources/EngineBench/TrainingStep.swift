import Glibc
import TensorEngine
import TextAndTime

/// One training step of a benchmark network on the engine's kernels: the forward pass
/// keeping every layer's output, softmax cross-entropy on the logits, the backward pass
/// through every layer (no input gradient for the first) and, when an optimizer is given,
/// its update of every weight (Keras's Adam in the benchmark).
public struct TrainingStep {
  public var network: Network
  public var labels: [Int]
  /// One dropout mask (already divided by the keep probability) per dropout layer.
  var masks: [Int: Tensor] = [:]
  /// Each convolution's and Dense layer's kernel and bias, by layer index.
  let parameters: [Int: (kernel: Parameter, bias: Parameter)]
  let optimizer: Optimizer?

  public init(network: Network, classes: Int = 10, seed: UInt64 = 7, optimizer: Optimizer? = nil) {
    self.network = network
    self.optimizer = optimizer
    var parameters: [Int: (kernel: Parameter, bias: Parameter)] = [:]
    for (index, layer) in network.layers.enumerated() {
      switch layer {
      case .conv(let kernel, let bias, _, _, _), .dense(let kernel, let bias, _):
        parameters[index] = (Parameter(kernel, name: "kernel \(index)"), Parameter(bias, name: "bias \(index)"))
      default: break
      }
    }
    self.parameters = parameters
    var generator = SeededGenerator(seed: seed)
    let batch = network.inputShape[0]
    labels = (0..<batch).map { _ in Int(generator.next() % UInt64(classes)) }
    let hasDropout = network.layers.contains { if case .dropout = $0 { true } else { false } }
    var shape = network.inputShape
    for (index, layer) in network.layers.enumerated() where hasDropout {
      switch layer {
      case .dropout(let rate):
        var values = [Float](repeating: 0, count: Tensor.count(of: shape))
        for i in values.indices { values[i] = generator.nextUnitFloat() < rate ? 0 : 1 / (1 - rate) }
        masks[index] = Tensor(shape: shape, values: values)
      default:
        if let output = try? network.outputShape(of: index, input: shape) { shape = output }
      }
    }
  }

  /// What one step computed: the loss, and every layer's gradients (kept so that their
  /// memory counts, as an optimizer would need them).
  public struct Result: Sendable {
    public var loss: Double
    public var gradients: [ConvGradients]
    public var activationBytes: Int
  }

  /// Runs the step; `timing(layer, forward ms, backward ms)` hears each layer's times when
  /// given (the batch then stays whole, so that the times are the layers'). Otherwise the
  /// batch is split over the engine's threads (`BatchSplit`) as `model.fit` splits it.
  @discardableResult
  public func run(_ input: Tensor, timing: ((Int, Double, Double) -> Void)? = nil) throws -> Result {
    let batch = input.shape[0]
    let split = timing == nil ? BatchSplit(batch: batch, weightBytes: network.weightBytes) : BatchSplit(unsplit: batch)
    let forwards = try split.map { shard, _ in try forward(split.rows(input, shard: shard), split: split, shard: shard) }
    let activationBytes = forwards.reduce(0) { total, pass in
      total + pass.outputs.reduce(0) { $0 + $1.count * MemoryLayout<Float>.stride }
    }
    let logits = try split.joined(forwards.map { $0.outputs[$0.outputs.count - 1] })
    let (loss, gradient) = Self.softmaxCrossEntropy(logits, labels: labels)
    let backwards = try split.map { shard, _ in
      try backward(forwards[shard].outputs, outputGradient: split.rows(gradient, shard: shard), split: split, shard: shard)
    }
    try GradientAccumulator.commit(backwards.map(\.accumulator))
    if let timing {
      for (index, milliseconds) in backwards[0].times { timing(index, forwards[0].times[index], milliseconds) }
    }
    let all = parameters.keys.sorted().flatMap { [parameters[$0]!.kernel, parameters[$0]!.bias] }
    if let optimizer { try optimizer.apply(to: all) }
    all.forEach { $0.clearGradient() }
    return Result(loss: loss, gradients: backwards.flatMap(\.gradients), activationBytes: activationBytes)
  }

  /// One shard's forward pass: every layer's output, the shard's rows of the input first.
  private func forward(_ input: Tensor, split: BatchSplit, shard: Int) throws -> (outputs: [Tensor], times: [Double]) {
    var outputs = [input]
    var times: [Double] = []
    for (index, layer) in network.layers.enumerated() {
      let start = MonotonicClock.nanoseconds()
      let x = outputs[outputs.count - 1]
      switch layer {
      case .conv(_, _, let strides, let padding, let activation):
        let (kernel, bias) = parameters[index]!
        outputs.append(
          try Ops.conv2d(
            x, kernel: kernel.value, bias: bias.value, strides: Size2(strides), padding: padding, activation: activation,
            weightsVersion: kernel.weightsVersion))
      case .pool(let kind, let size, let strides):
        outputs.append(try Ops.pool2d(x, kind: kind, poolSize: Size2(size), strides: Size2(strides)))
      case .flatten:
        outputs.append(try x.flattened(keepingBatch: true))
      case .dense(_, _, let activation):
        let (weights, bias) = parameters[index]!
        outputs.append(try Ops.dense(x, weights: weights.value, bias: bias.value, activation: activation))
      case .dropout:
        outputs.append(Self.multiply(x, split.rows(masks[index]!, shard: shard)))
      }
      times.append(MonotonicClock.milliseconds(since: start))
    }
    return (outputs, times)
  }

  /// One shard's backward pass from the gradient of its logits; the weight gradients go to
  /// the shard's own accumulator.
  private func backward(
    _ outputs: [Tensor], outputGradient: Tensor, split: BatchSplit, shard: Int
  ) throws -> (accumulator: GradientAccumulator, gradients: [ConvGradients], times: [(Int, Double)]) {
    let accumulator = GradientAccumulator()
    var gradient = outputGradient
    var gradients: [ConvGradients] = []
    var times: [(Int, Double)] = []
    for (index, layer) in network.layers.enumerated().reversed() {
      let start = MonotonicClock.nanoseconds()
      let (x, y) = (outputs[index], outputs[index + 1])
      let first = index == 0
      switch layer {
      case .conv(_, _, let strides, let padding, let activation):
        let (kernel, bias) = parameters[index]!
        let g = try Ops.conv2dBackward(
          x, kernel: kernel.value, outputGradient: Self.activationBackward(gradient, y, activation), strides: Size2(strides),
          padding: padding, hasBias: true, needsInputGradient: !first)
        try accumulator.accumulate(g.kernel, for: kernel)
        try accumulator.accumulate(g.bias!, for: bias)
        gradients.append(g)
        if let input = g.input { gradient = input }
      case .pool(let kind, let size, let strides):
        gradient = try Ops.pool2dBackward(x, outputGradient: gradient, kind: kind, poolSize: Size2(size), strides: Size2(strides))
      case .flatten:
        gradient = try gradient.reshaped(x.shape)
      case .dense(_, _, let activation):
        let (weights, bias) = parameters[index]!
        let g = try Ops.denseBackward(
          x, weights: weights.value, outputGradient: Self.activationBackward(gradient, y, activation), hasBias: true,
          needsInputGradient: !first)
        try accumulator.accumulate(g.kernel, for: weights)
        try accumulator.accumulate(g.bias!, for: bias)
        gradients.append(g)
        if let input = g.input { gradient = input }
      case .dropout:
        gradient = Self.multiply(gradient, split.rows(masks[index]!, shard: shard))
      }
      times.append((index, MonotonicClock.milliseconds(since: start)))
    }
    return (accumulator, gradients, times)
  }

  /// The mean softmax cross-entropy of `logits` (N, classes) and its gradient `(p − onehot) / N`.
  static func softmaxCrossEntropy(_ logits: Tensor, labels: [Int]) -> (Double, Tensor) {
    let classes = logits.shape[1]
    let batch = labels.count
    var gradient = [Float](repeating: 0, count: logits.count)
    var loss = 0.0
    for n in 0..<batch {
      let row = Array(logits.values[n * classes..<(n + 1) * classes])
      let top = row.max() ?? 0
      let exps = row.map { Double($0 - top).exp }
      let total = exps.reduce(0, +)
      loss -= (exps[labels[n]] / total).log
      for c in 0..<classes {
        gradient[n * classes + c] = Float((exps[c] / total - (c == labels[n] ? 1 : 0)) / Double(batch))
      }
    }
    return (loss / Double(batch), Tensor(shape: logits.shape, values: gradient))
  }

  /// The gradient before an activation from the one after it, through the activation's output.
  static func activationBackward(_ gradient: Tensor, _ output: Tensor, _ activation: Activation) -> Tensor {
    switch activation {
    case .linear: return gradient
    case .relu:
      var values = gradient.values
      values.withUnsafeMutableBufferPointer { g in
        output.values.withUnsafeBufferPointer { y in
          for i in 0..<g.count { g[i] = y[i] > 0 ? g[i] : 0 }
        }
      }
      return Tensor(shape: gradient.shape, values: values)
    default: preconditionFailure("the training benchmark's networks use relu and linear only")
    }
  }

  static func multiply(_ a: Tensor, _ b: Tensor) -> Tensor {
    var values = a.values
    values.withUnsafeMutableBufferPointer { x in
      b.values.withUnsafeBufferPointer { m in
        for i in 0..<x.count { x[i] *= m[i] }
      }
    }
    return Tensor(shape: a.shape, values: values)
  }
}

extension Network {
  /// The output shape of layer `index` for an input of `shape`.
  func outputShape(of index: Int, input shape: [Int]) throws -> [Int] {
    try Network(name: name, inputShape: shape, layers: [layers[index]])
      .forward(Tensor(shape: shape, repeating: 0), keepOutputs: false)[0].shape
  }
}

extension Double {
  fileprivate var exp: Double { Glibc.exp(self) }
  fileprivate var log: Double { Glibc.log(self) }
}
