import TensorEngine
import TestSupport
import Testing

/// The Double reference backward passes against central differences of the Double reference
/// forward passes (h = 1e-5), through a random weighting `Σ r·y` of the output: every input,
/// weight and bias coordinate, norm-relative error below 1e-8.
@Suite struct BackwardGradientCheckTests {
  /// Checks each gradient of `backward` (one per tensor of `inputs`) against the numerical
  /// gradient of `Σ r·forward(inputs)`.
  static func check(
    _ inputs: [DoubleTensor], _ label: String, seed: UInt64,
    forward: ([DoubleTensor]) throws -> DoubleTensor,
    backward: ([DoubleTensor], DoubleTensor) throws -> [DoubleTensor],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let output = try forward(inputs)
    let r = GradientCheck.weights(count: output.count, seed: seed)
    let analytic = try backward(inputs, DoubleTensor(shape: output.shape, values: r))
    #expect(analytic.count == inputs.count, sourceLocation: sourceLocation)
    for (index, tensor) in inputs.enumerated() {
      let numeric = try GradientCheck.numerical({ values in
        var probe = inputs
        probe[index] = DoubleTensor(shape: tensor.shape, values: values)
        return zip(try forward(probe).values, r).reduce(0) { $0 + $1.0 * $1.1 }
      }, at: tensor.values)
      #expect(analytic[index].shape == tensor.shape, sourceLocation: sourceLocation)
      let error = GradientCheck.normRelativeError(analytic[index].values, numeric)
      #expect(error < 1e-8, "\(label): gradient \(index) off by \(error)", sourceLocation: sourceLocation)
    }
  }

  static func random(_ shape: [Int], _ generator: inout TestGenerator) -> DoubleTensor {
    DoubleTensor(generator.tensor(shape))
  }

  struct ConvCase: Sendable, CustomStringConvertible {
    var batch, height, width, channels, filters, kernelH, kernelW, stride, dilation, groups: Int
    var padding: Padding
    var description: String {
      "N\(batch) \(height)x\(width)x\(channels)→\(filters) k\(kernelH)x\(kernelW) s\(stride) d\(dilation) g\(groups) \(padding)"
    }
  }

  /// Every kernel size 1–7 with strides 1–3 and each padding mode, then a seeded sample of
  /// dilation, groups, uneven kernels and batches up to 3; small channel counts keep the
  /// sweep to a few seconds.
  static func convCases() -> [ConvCase] {
    var cases: [ConvCase] = []
    let paddings: [Padding] = [.valid, .same, .symmetric(1), .explicit(before: 0, after: 2)]
    for kernel in 1...7 {
      for stride in 1...3 {
        cases.append(
          ConvCase(
            batch: 1 + (kernel + stride) % 2, height: kernel + stride + 2, width: kernel + 2 * stride + 1,
            channels: 1 + kernel % 2, filters: 1 + stride % 3, kernelH: kernel, kernelW: kernel, stride: stride,
            dilation: 1, groups: 1, padding: paddings[(kernel * 3 + stride) % 4]))
      }
    }
    var generator = TestGenerator(seed: 21)
    for _ in 0..<24 {
      let groups = [1, 2, 3][generator.below(3)]
      let dilation = 1 + generator.below(2)
      let (kh, kw) = (1 + generator.below(4), 1 + generator.below(4))
      cases.append(
        ConvCase(
          batch: 1 + generator.below(3), height: (kh - 1) * dilation + 1 + generator.below(5),
          width: (kw - 1) * dilation + 1 + generator.below(5), channels: groups * (1 + generator.below(2)),
          filters: groups * (1 + generator.below(2)), kernelH: kh, kernelW: kw, stride: 1 + generator.below(3),
          dilation: dilation, groups: groups, padding: paddings[generator.below(4)]))
    }
    return cases
  }

  @Test(arguments: convCases())
  func conv2d(_ c: ConvCase) throws {
    var generator = TestGenerator(seed: UInt64(c.description.utf8.count * 17 + c.kernelH))
    let inputs = [
      Self.random([c.batch, c.height, c.width, c.channels], &generator),
      Self.random([c.kernelH, c.kernelW, c.channels / c.groups, c.filters], &generator),
      Self.random([c.filters], &generator),
    ]
    let (strides, dilation) = (Size2(c.stride), Size2(c.dilation))
    try Self.check(inputs, c.description, seed: 5) { t in
      try Reference.conv2d(
        t[0], kernel: t[1], bias: t[2], strides: strides, padding: c.padding, dilation: dilation, groups: c.groups)
    } backward: { t, dy in
      let g = try Reference.conv2dBackward(
        t[0], kernel: t[1], outputGradient: dy, strides: strides, padding: c.padding, dilation: dilation,
        groups: c.groups)
      return [g.input, g.weights, g.bias!]
    }
  }

  @Test(arguments: [([3, 7], [7, 4]), ([2, 3, 5], [5, 6]), ([1, 1], [1, 3])])
  func dense(_ inputShape: [Int], _ weightShape: [Int]) throws {
    var generator = TestGenerator(seed: 8)
    let inputs = [
      Self.random(inputShape, &generator), Self.random(weightShape, &generator), Self.random([weightShape[1]], &generator),
    ]
    try Self.check(inputs, "dense \(inputShape)", seed: 6) { t in
      try Reference.dense(t[0], weights: t[1], bias: t[2])
    } backward: { t, dy in
      let g = try Reference.denseBackward(t[0], weights: t[1], outputGradient: dy)
      return [g.input, g.weights, g.bias!]
    }
  }

  struct PoolCase: Sendable, CustomStringConvertible {
    var kind: PoolKind
    var shape: [Int]
    var size, stride: Int
    var padding: Padding
    var description: String { "\(kind) \(shape) pool \(size) stride \(stride) \(padding)" }
  }

  static func poolCases() -> [PoolCase] {
    var cases: [PoolCase] = []
    for kind in PoolKind.allCases {
      for (size, stride) in [(2, 2), (3, 2), (2, 1), (3, 3), (1, 1), (4, 3)] {
        for padding in [Padding.valid, .same] {
          cases.append(PoolCase(kind: kind, shape: [1 + size % 2, 7, 6 + stride, 2], size: size, stride: stride, padding: padding))
        }
      }
    }
    return cases
  }

  @Test(arguments: poolCases())
  func pool2d(_ c: PoolCase) throws {
    var generator = TestGenerator(seed: UInt64(c.size * 10 + c.stride))
    try Self.check([Self.random(c.shape, &generator)], c.description, seed: 7) { t in
      try Reference.pool2d(t[0], kind: c.kind, poolSize: Size2(c.size), strides: Size2(c.stride), padding: c.padding)
    } backward: { t, dy in
      [
        try Reference.pool2dBackward(
          t[0], outputGradient: dy, kind: c.kind, poolSize: Size2(c.size), strides: Size2(c.stride), padding: c.padding)
      ]
    }
  }

  @Test func maxPoolTiesGoToTheFirstCell() throws {
    // Both windows of a 2x4 image hold a tie for the maximum: the gradient goes to the first
    // of the equal cells in row-major order, in the forward's order of visiting.
    let x = Tensor(shape: [2, 4], values: [1, 5, 5, 0, 5, 2, 3, 5])
    let dy = Tensor(shape: [1, 2], values: [10, 20])
    let fast = try Ops.pool2dBackward(x, outputGradient: dy, kind: .max)
    #expect(fast.values == [0, 10, 20, 0, 0, 0, 0, 0])
    let naive = try Reference.pool2dBackward(DoubleTensor(x), outputGradient: DoubleTensor(dy), kind: .max)
    #expect(naive.values == [0, 10, 20, 0, 0, 0, 0, 0])
  }
}
