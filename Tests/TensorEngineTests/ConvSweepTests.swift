import TensorEngine
import Testing

/// The fast convolution (the direct kernel, or im2col + SGEMM for weight-heavy layers)
/// against the naive loops over a sample of the space: kernels 1–11, strides 1–4,
/// valid/same/explicit padding, dilation 1–2, groups, 1–64 channels, odd sizes, batches. A full cross product would take minutes; a seeded
/// sample plus every kernel size and stride on its own keeps it to a second or two.
@Suite struct ConvSweepTests {
  struct Case: Sendable, CustomStringConvertible {
    var batch, height, width, channels, filters, kernelH, kernelW, strideH, strideW, dilation, groups: Int
    var padding: Padding
    var description: String {
      "N\(batch) \(height)x\(width)x\(channels)→\(filters) k\(kernelH)x\(kernelW) s\(strideH)x\(strideW) d\(dilation) g\(groups) \(padding)"
    }
  }

  static func cases() -> [Case] {
    var generator = TestGenerator(seed: 7)
    var result: [Case] = []
    // Every kernel size with every stride, small channel counts.
    for kernel in 1...11 {
      for stride in 1...4 {
        let padding: Padding = [.valid, .same, .symmetric(kernel / 2)][(kernel + stride) % 3]
        result.append(
          Case(
            batch: 1, height: kernel + 2 * stride + 1, width: kernel + stride + 2, channels: 1 + (kernel % 3),
            filters: 1 + stride, kernelH: kernel, kernelW: kernel, strideH: stride, strideW: stride, dilation: 1,
            groups: 1, padding: padding))
      }
    }
    // A seeded sample of everything at once.
    for _ in 0..<140 {
      let groups = [1, 1, 1, 2, 3, 4][generator.below(6)]
      let channels = groups * (1 + generator.below(64 / groups))
      let filters = groups * (1 + generator.below(max(1, 24 / groups)))
      let kernelH = 1 + generator.below(11)
      let kernelW = 1 + generator.below(11)
      let dilation = 1 + generator.below(2)
      let padding: Padding = [.valid, .same, .symmetric(generator.below(4)), .explicit(before: 0, after: 2)][generator.below(4)]
      let height = (kernelH - 1) * dilation + 1 + generator.below(9)
      let width = (kernelW - 1) * dilation + 1 + generator.below(9)
      // Keep each case's naive cost near a million multiply-adds.
      let c = Case(
        batch: 1 + generator.below(2), height: height | 1, width: width | 1, channels: channels, filters: filters,
        kernelH: kernelH, kernelW: kernelW, strideH: 1 + generator.below(4), strideW: 1 + generator.below(4),
        dilation: dilation, groups: groups, padding: padding)
      let cost = c.batch * c.height * c.width * c.filters * c.kernelH * c.kernelW * c.channels / c.groups
      if cost < 6_000_000 { result.append(c) }
    }
    return result
  }

  @Test(arguments: cases())
  func fastMatchesNaive(_ c: Case) throws {
    var generator = TestGenerator(seed: UInt64(c.description.utf8.count * 31 + c.channels))
    let input = generator.tensor([c.batch, c.height, c.width, c.channels])
    let kernel = generator.tensor([c.kernelH, c.kernelW, c.channels / c.groups, c.filters])
    let bias = generator.tensor([c.filters])
    let strides = Size2(c.strideH, c.strideW)
    let dilation = Size2(c.dilation)
    let fast = try Ops.conv2d(
      input, kernel: kernel, bias: bias, strides: strides, padding: c.padding, dilation: dilation, groups: c.groups,
      activation: .relu)
    let naive = try Reference.conv2d(
      input, kernel: kernel, bias: bias, strides: strides, padding: c.padding, dilation: dilation, groups: c.groups,
      activation: .relu)
    expectClose(fast, naive, atol: 1e-4, rtol: 1e-4, c.description)
  }

  @Test func largeTiledConvolutionMatchesNaive() throws {
    // Many small pixel blocks per thread, so block boundaries fall inside rows and across the batch.
    var generator = TestGenerator(seed: 99)
    let input = generator.tensor([2, 37, 41, 16])
    let kernel = generator.tensor([3, 3, 16, 24])
    let previous = ConvolutionTuning.blockBytes
    defer { ConvolutionTuning.blockBytes = previous }
    ConvolutionTuning.blockBytes = 8 << 10
    let fast = try Ops.conv2d(input, kernel: kernel, padding: .same)
    let naive = try Reference.conv2d(input, kernel: kernel, padding: .same)
    expectClose(fast, naive, atol: 1e-4, rtol: 1e-4, "tiled")
  }

  // Shapes large enough to use both threads, chosen to reach each path of the plan: the
  // direct kernel sharing out pixels or filters, grouped, pointwise, and im2col + SGEMM for
  // layers with many weights per pixel.
  @Test(arguments: [
    ([1, 7, 7, 64], [3, 3, 64, 128], 1, Padding.same),
    ([1, 7, 7, 64], [3, 3, 32, 256], 2, Padding.same),
    ([1, 8, 8, 512], [1, 1, 512, 128], 1, Padding.valid),
    ([3, 9, 7, 48], [3, 3, 48, 200], 1, Padding.valid),
    ([1, 30, 30, 32], [5, 5, 32, 40], 1, Padding.symmetric(1)),
    ([2, 20, 20, 64], [1, 1, 64, 64], 1, Padding.valid),
    ([1, 40, 37, 64], [3, 3, 64, 64], 1, Padding.same),
    ([2, 17, 13, 40], [3, 4, 40, 24], 1, Padding.valid),
    ([1, 19, 23, 16], [5, 5, 16, 8], 1, Padding.explicit(before: 0, after: 3)),
  ])
  func parallelStrategiesMatchNaive(inputShape: [Int], kernelShape: [Int], groups: Int, padding: Padding) throws {
    var generator = TestGenerator(seed: UInt64(kernelShape.reduce(0, +)))
    let input = generator.tensor(inputShape)
    let kernel = generator.tensor(kernelShape)
    let bias = generator.tensor([kernelShape[3]])
    let fast = try Ops.conv2d(input, kernel: kernel, bias: bias, padding: padding, groups: groups, activation: .relu)
    let naive = try Reference.conv2d(input, kernel: kernel, bias: bias, padding: padding, groups: groups, activation: .relu)
    expectClose(fast, naive, atol: 1e-4, rtol: 1e-4, "\(inputShape) * \(kernelShape)")
  }

  @Test func conv1dMatchesAConv2dOnOneRow() throws {
    var generator = TestGenerator(seed: 5)
    let sequence = generator.tensor([2, 29, 3])
    let kernel = generator.tensor([5, 3, 4])
    let result = try Ops.conv1d(sequence, kernel: kernel, stride: 2, padding: .same)
    let asImage = try Reference.conv2d(
      try sequence.reshaped([2, 1, 29, 3]), kernel: try kernel.reshaped([1, 5, 3, 4]), strides: Size2(1, 2),
      padding: .valid, dilation: 1)
    // `same` on a 29-long sequence with k 5, s 2: 15 outputs, padding (2, 2) along the sequence only.
    #expect(result.shape == [2, 15, 4])
    let padded = try Ops.pad(try sequence.reshaped([2, 1, 29, 3]), top: 0, bottom: 0, left: 2, right: 2)
    let expected = try Reference.conv2d(padded, kernel: try kernel.reshaped([1, 5, 3, 4]), strides: Size2(1, 2))
    expectClose(result, try expected.reshaped([2, 15, 4]), "conv1d same")
    #expect(asImage.shape == [2, 1, 13, 4])
  }
}

/// Test data from the engine's own seeded generator.
struct TestGenerator {
  var generator: SeededGenerator
  init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

  mutating func below(_ n: Int) -> Int { Int(generator.next() % UInt64(n)) }

  /// Uniform values in [-1, 1).
  mutating func tensor(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, values: (0..<Tensor.count(of: shape)).map { _ in generator.nextUnitFloat() * 2 - 1 })
  }
}
