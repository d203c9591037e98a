import Foundation
import TensorEngine
import Testing

/// The edges of the direct convolution's tiling, each against the naive loops: filter counts
/// around the 8- and 16-wide register tiles, pixel counts around its 6 rows, reductions longer than
/// one depth block, groups, batches (tiles that cross images), border pixels, every
/// activation, and cancellation. 3x3 stride-1 layers here have fewer channels than the
/// Winograd path ever takes (`WinogradTuning.floor`), or other kernels and strides, so that
/// they reach the direct kernel whatever another suite sets the Winograd thresholds to.
@Suite struct DirectConvTests {
  static func check(
    input inputShape: [Int], kernel kernelShape: [Int], strides: Size2 = 1, padding: Padding = .valid,
    dilation: Size2 = 1, groups: Int = 1, activation: Activation = .relu, seed: UInt64 = 1,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    var generator = TestGenerator(seed: seed)
    let input = generator.tensor(inputShape)
    let kernel = generator.tensor(kernelShape)
    let bias = generator.tensor([kernelShape[3]])
    let fast = try Ops.conv2d(
      input, kernel: kernel, bias: bias, strides: strides, padding: padding, dilation: dilation, groups: groups,
      activation: activation)
    let naive = try Reference.conv2d(
      input, kernel: kernel, bias: bias, strides: strides, padding: padding, dilation: dilation, groups: groups,
      activation: activation)
    expectClose(
      fast, naive, atol: 1e-4, rtol: 1e-4, "\(inputShape) * \(kernelShape) \(padding) g\(groups) \(activation)",
      sourceLocation: sourceLocation)
  }

  /// Every filter count from 1 to 40: one panel short of, equal to and past 16 and 32.
  @Test(arguments: 1...40)
  func filterCounts(filters: Int) throws {
    try Self.check(input: [1, 9, 11, 3], kernel: [3, 3, 3, filters], padding: .same, seed: UInt64(filters))
    try Self.check(input: [1, 8, 7, 3], kernel: [2, 2, 3, filters], strides: 2, seed: UInt64(100 + filters))
  }

  /// Layers of at most 8 filters per group run on the 8-wide tile (`NarrowConvTile`):
  /// LeNet-5's first layer with tanh, reductions longer than a depth block with a full and
  /// a short panel, and a layer large enough for both threads.
  @Test func narrowTile() throws {
    try Self.check(input: [1, 32, 32, 1], kernel: [5, 5, 1, 6], activation: .tanh)
    try Self.check(input: [1, 9, 13, 40], kernel: [3, 3, 40, 8], strides: Size2(1, 2), padding: .same, seed: 2)
    try Self.check(input: [1, 7, 9, 70], kernel: [2, 2, 70, 5], activation: .sigmoid, seed: 3)
    try Self.check(input: [1, 60, 60, 24], kernel: [5, 5, 24, 8], seed: 4)
  }

  /// Output pixel counts 1 to 13 and around 36, 42 and 96 (whole tiles, one over, one under).
  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 35, 36, 37, 41, 42, 43, 95, 96, 97])
  func pixelCounts(width: Int) throws {
    try Self.check(input: [1, 1, width + 2, 7], kernel: [1, 3, 7, 20], seed: UInt64(width))
    try Self.check(input: [1, 3, width, 3], kernel: [3, 3, 3, 17], padding: .same, seed: UInt64(200 + width))
  }

  /// Reductions that cross the depth block (256 values): runs one short of, equal to and
  /// past it, a window row cut into several pieces, and one longer than two blocks. Columns
  /// go in steps of 2 so that no 3x3 layer here is a Winograd one.
  @Test(arguments: [(1, 255), (1, 256), (1, 257), (3, 85), (3, 86), (3, 200), (1, 600), (5, 61)])
  func longReductions(kernel: Int, channels: Int) throws {
    try Self.check(
      input: [1, kernel + 4, 2 * kernel + 9, channels], kernel: [kernel, kernel, channels, 24], strides: Size2(1, 2),
      padding: .same, seed: UInt64(channels))
    try Self.check(
      input: [2, kernel + 2, kernel + 3, channels], kernel: [kernel, kernel, channels, 9],
      seed: UInt64(channels + 1))
  }

  /// Two towers as in AlexNet, three groups of five filters, and depthwise.
  @Test(arguments: [(2, 12, 48), (3, 9, 15), (8, 8, 8), (4, 64, 36)])
  func groups(groups: Int, channels: Int, filters: Int) throws {
    try Self.check(
      input: [1, 13, 13, channels], kernel: [3, 3, channels / groups, filters], padding: .symmetric(1), groups: groups,
      seed: UInt64(groups * 7))
    try Self.check(
      input: [2, 11, 9, channels], kernel: [5, 5, channels / groups, filters], strides: 2, groups: groups,
      seed: UInt64(groups * 11))
  }

  /// Tiles that straddle two images, with and without padding, strides and dilation.
  @Test func batches() throws {
    try Self.check(input: [3, 5, 7, 3], kernel: [3, 3, 3, 20])
    try Self.check(input: [4, 6, 5, 3], kernel: [3, 3, 3, 16], padding: .same)
    try Self.check(input: [3, 17, 15, 8], kernel: [3, 3, 8, 33], strides: 2, padding: .same)
    try Self.check(input: [2, 15, 16, 5], kernel: [3, 2, 5, 12], padding: .symmetric(2), dilation: 2)
    try Self.check(input: [5, 4, 4, 2], kernel: [4, 4, 2, 6])
  }

  /// Small pixel blocks and border batches (a tuning knob shrunk for the test), so that
  /// blocks end inside rows and images, and border pixels fill several batches of windows.
  @Test func manySmallBlocks() throws {
    let previous = ConvolutionTuning.blockBytes
    defer { ConvolutionTuning.blockBytes = previous }
    ConvolutionTuning.blockBytes = 4 << 10
    try Self.check(input: [2, 23, 29, 16], kernel: [3, 2, 16, 20], padding: .same)
    try Self.check(input: [1, 13, 11, 40], kernel: [5, 5, 40, 33], strides: 2, padding: .same, dilation: 1)
    try Self.check(input: [3, 9, 10, 12], kernel: [3, 3, 4, 18], padding: .symmetric(2), dilation: 2, groups: 3)
  }

  /// Wide images, where most pixels read their windows in place and only the first and last
  /// columns and rows are unfolded.
  @Test func wideImages() throws {
    try Self.check(input: [1, 45, 300, 64], kernel: [3, 5, 64, 16], padding: .same)
    try Self.check(input: [2, 37, 120, 128], kernel: [5, 5, 128, 8], strides: Size2(3, 1), padding: .same)
  }

  /// Each activation finished in registers, on full and partial tiles.
  @Test(arguments: [Activation.linear, .relu, .leakyRelu(alpha: 0.2), .tanh, .sigmoid])
  func activations(activation: Activation) throws {
    try Self.check(input: [1, 7, 9, 3], kernel: [3, 3, 3, 37], padding: .same, activation: activation)
    try Self.check(input: [2, 5, 5, 300], kernel: [1, 1, 300, 16], activation: activation)
  }

  /// Weights that outweigh the image, so the threads share out filters rather than pixels,
  /// with and without padding; and layers with so many weights per pixel that they take the
  /// im2col + BLAS path instead.
  @Test func filtersSharedBetweenThreads() throws {
    try Self.check(input: [1, 20, 20, 64], kernel: [5, 5, 64, 64], padding: .same)
    try Self.check(input: [2, 12, 12, 96], kernel: [5, 5, 96, 48])
    try Self.check(input: [1, 6, 6, 256], kernel: [3, 3, 256, 200], padding: .same)
    try Self.check(input: [1, 1, 1, 400], kernel: [1, 1, 400, 120])
  }

  /// The same edges through the 1-D convolution, which runs as a one-row 2-D one.
  @Test func conv1dThroughTheSamePath() throws {
    var generator = TestGenerator(seed: 3)
    let sequence = generator.tensor([2, 53, 40])
    let kernel = generator.tensor([7, 40, 19])
    let bias = generator.tensor([19])
    let result = try Ops.conv1d(sequence, kernel: kernel, bias: bias, stride: 2, padding: .same, activation: .tanh)
    // `same` on 53 with k 7, s 2: 27 outputs, 3 zeros before, 3 after.
    let padded = try Ops.pad(try sequence.reshaped([2, 1, 53, 40]), top: 0, bottom: 0, left: 3, right: 3)
    let expected = try Reference.conv2d(
      padded, kernel: try kernel.reshaped([1, 7, 40, 19]), bias: bias, strides: Size2(1, 2), activation: .tanh)
    expectClose(result, try expected.reshaped([2, 27, 19]), atol: 1e-4, rtol: 1e-4, "conv1d")
  }

  /// A flag raised while a large convolution runs ends it with `cancelled`, on each way the
  /// work is shared out: pixels (padded or not), filters split between threads, and the
  /// im2col path.
  @Test(arguments: [
    ([1, 112, 112, 64], [5, 5, 64, 64], Padding.same),
    ([1, 227, 227, 3], [11, 11, 3, 96], Padding.valid),
    ([1, 40, 40, 96], [5, 5, 96, 128], Padding.same),
    ([1, 7, 7, 512], [1, 1, 512, 2048], Padding.valid),
  ])
  func cancellationStopsALargeConvolution(inputShape: [Int], kernelShape: [Int], padding: Padding) {
    let image = Tensor(shape: inputShape, repeating: 0.5)
    let kernel = Tensor(shape: kernelShape, repeating: 0.01)
    let raised = CancellationFlag()
    raised.cancel()
    #expect(throws: TensorError.cancelled) {
      try Ops.conv2d(image, kernel: kernel, strides: kernelShape[0] == 11 ? 4 : 1, padding: padding, cancellation: raised)
    }
    // Raised from another thread while calls run back to back: the bound on the number of
    // calls only keeps a broken flag from hanging the test.
    let outcome = outcomeOfCancelling(after: 0.003, attempts: 2000) { flag in
      _ = try Ops.conv2d(
        image, kernel: kernel, strides: kernelShape[0] == 11 ? 4 : 1, padding: padding, cancellation: flag)
    }
    #expect(outcome == "cancelled")
  }
}
