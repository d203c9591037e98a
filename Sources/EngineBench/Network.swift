import TensorEngine
import TextAndTime

/// One layer of a benchmark network, with its weights already drawn.
public enum NetworkLayer: Sendable {
  case conv(kernel: Tensor, bias: Tensor, strides: Int, padding: Padding, activation: Activation)
  case pool(PoolKind, size: Int, strides: Int)
  case flatten
  case dense(weights: Tensor, bias: Tensor, activation: Activation)
  /// Dropout of `rate`: the identity at inference, as in Keras; a training step applies a mask.
  case dropout(rate: Float)
}

extension NetworkLayer {
  /// One line naming the layer and its shape, for profiles.
  public var summary: String {
    switch self {
    case .conv(let kernel, _, let strides, let padding, let activation):
      return "conv \(kernel.shape) stride \(strides) \(padding) \(activation)"
    case .pool(let kind, let size, let strides): return "\(kind) pool \(size) stride \(strides)"
    case .flatten: return "flatten"
    case .dense(let weights, _, let activation): return "dense \(weights.shape) \(activation)"
    case .dropout(let rate): return "dropout \(rate)"
    }
  }
}

/// A plain feed-forward network with random weights: what the benchmark runs end to end.
public struct Network: Sendable {
  public var name: String
  public var inputShape: [Int]
  public var layers: [NetworkLayer]

  /// The weights' own size in bytes.
  public var weightBytes: Int {
    layers.reduce(0) { total, layer in
      switch layer {
      case .conv(let kernel, let bias, _, _, _), .dense(let kernel, let bias, _):
        return total + (kernel.count + bias.count) * MemoryLayout<Float>.stride
      case .pool, .flatten, .dropout: return total
      }
    }
  }

  /// Multiply-accumulates of one forward pass, through the engine's one cost formula.
  public func macs() throws -> Int {
    var total = 0
    _ = try forward(Tensor(shape: inputShape, repeating: 0), keepOutputs: false, dryRun: true) { cost in total += cost }
    return total
  }

  /// Multiply-accumulates of one training step: the forward pass, each layer's weight
  /// gradient (as many as its forward pass) and input gradient (as many again, except the
  /// first layer's, which is not computed).
  public func trainingMACs() throws -> Int {
    var costs: [Int] = []
    _ = try forward(Tensor(shape: inputShape, repeating: 0), keepOutputs: false, dryRun: true) { cost in costs.append(cost) }
    let total = costs.reduce(0, +)
    return 3 * total - (costs.first ?? 0)
  }

  /// Runs the layers in order. With `keepOutputs` every layer's output is returned (what a
  /// learner's `model(x)` keeps for inspection); otherwise only the last.
  @discardableResult
  public func forward(
    _ input: Tensor, keepOutputs: Bool, cancellation: CancellationFlag? = nil
  ) throws -> [Tensor] {
    try forward(input, keepOutputs: keepOutputs, dryRun: false, cancellation: cancellation) { _ in }
  }

  /// Median milliseconds of each layer over `repetitions` passes, to see where time goes.
  public func profile(_ input: Tensor, repetitions: Int = 20) throws -> [(layer: String, milliseconds: Double)] {
    var samples = [[Double]](repeating: [], count: layers.count)
    for _ in 0..<repetitions {
      var x = input
      for (index, layer) in layers.enumerated() {
        let start = MonotonicClock.nanoseconds()
        x = try Network(name: name, inputShape: x.shape, layers: [layer]).forward(x, keepOutputs: false)[0]
        samples[index].append(MonotonicClock.milliseconds(since: start))
      }
    }
    return zip(layers, samples).map { layer, times in
      (layer.summary, times.sorted()[times.count / 2])
    }
  }

  private func forward(
    _ input: Tensor, keepOutputs: Bool, dryRun: Bool, cancellation: CancellationFlag? = nil,
    cost: (Int) -> Void
  ) throws -> [Tensor] {
    var x = input
    var outputs: [Tensor] = []
    var shape = input.shape
    for layer in layers {
      switch layer {
      case .conv(let kernel, let bias, let strides, let padding, let activation):
        let rows = WindowGeometry(kernel: kernel.shape[0], stride: strides, padding: padding)
        let columns = WindowGeometry(kernel: kernel.shape[1], stride: strides, padding: padding)
        let height = rows.outputSize(input: shape[1]) ?? 0
        let width = columns.outputSize(input: shape[2]) ?? 0
        cost(
          LayerCost.conv(
            kernelHeight: kernel.shape[0], kernelWidth: kernel.shape[1], inputChannels: kernel.shape[2],
            filters: kernel.shape[3], outputHeight: height, outputWidth: width
          ).macs * shape[0])
        shape = [shape[0], height, width, kernel.shape[3]]
        if !dryRun {
          x = try Ops.conv2d(
            x, kernel: kernel, bias: bias, strides: Size2(strides), padding: padding, activation: activation,
            cancellation: cancellation)
        }
      case .pool(let kind, let size, let strides):
        let geometry = WindowGeometry(kernel: size, stride: strides)
        shape = [
          shape[0], geometry.outputSize(input: shape[1]) ?? 0, geometry.outputSize(input: shape[2]) ?? 0, shape[3],
        ]
        if !dryRun {
          x = try Ops.pool2d(x, kind: kind, poolSize: Size2(size), strides: Size2(strides), cancellation: cancellation)
        }
      case .flatten:
        shape = [shape[0], shape.dropFirst().reduce(1, *)]
        if !dryRun { x = try x.flattened(keepingBatch: true) }
      case .dense(let weights, let bias, let activation):
        cost(LayerCost.dense(inputs: weights.shape[0], units: weights.shape[1], rows: shape[0]).macs)
        shape = [shape[0], weights.shape[1]]
        if !dryRun { x = try Ops.dense(x, weights: weights, bias: bias, activation: activation, cancellation: cancellation) }
      case .dropout:
        break
      }
      if keepOutputs { outputs.append(x) }
    }
    return keepOutputs ? outputs : [x]
  }
}

/// Benchmark weights from the engine's seeded generator, so every run times the same numbers.
extension SeededGenerator {
  mutating func symmetric() -> Float { nextUnitFloat() * 2 - 1 }

  /// A tensor of uniform values scaled so the variance matches He initialisation
  /// (`2 / fanIn`), which keeps activations of a deep random network in range.
  mutating func heTensor(_ shape: [Int], fanIn: Int) -> Tensor {
    let scale = (6 / Float(max(fanIn, 1))).squareRoot()
    var values = [Float](repeating: 0, count: Tensor.count(of: shape))
    for i in values.indices { values[i] = symmetric() * scale }
    return Tensor(shape: shape, values: values)
  }

  mutating func smallTensor(_ shape: [Int]) -> Tensor {
    var values = [Float](repeating: 0, count: Tensor.count(of: shape))
    for i in values.indices { values[i] = symmetric() * 0.01 }
    return Tensor(shape: shape, values: values)
  }
}
