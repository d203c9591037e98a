import Foundation
import TensorEngine
import Testing

/// Winograd F(2x2, 3x3) against the naive loops (accumulated in Double): odd and even output
/// sizes, every padding, batches, channel and filter counts on both sides of the SIMD width
/// and of the thresholds, every activation. Serialized because some cases lower the
/// thresholds, which are process-wide.
@Suite(.serialized) struct WinogradTests {
  struct Case: Sendable, CustomStringConvertible {
    var batch, height, width, channels, filters: Int
    var padding: Padding
    var description: String { "N\(batch) \(height)x\(width)x\(channels)→\(filters) \(padding)" }
  }

  /// Output sizes 1x1, 2x2, 3x3, 7x7, 14x14, 15x17 and 56x56 (the input is sized for each padding).
  static let cases: [Case] = [
    Case(batch: 1, height: 3, width: 3, channels: 16, filters: 16, padding: .valid),  // 1x1
    Case(batch: 1, height: 2, width: 2, channels: 8, filters: 9, padding: .same),  // 2x2
    Case(batch: 2, height: 3, width: 3, channels: 9, filters: 8, padding: .explicit(before: 2, after: 0)),  // 3x3
    Case(batch: 2, height: 7, width: 7, channels: 17, filters: 16, padding: .same),  // 7x7
    Case(batch: 1, height: 5, width: 5, channels: 16, filters: 24, padding: .symmetric(3)),  // 9x9, tiles all padding
    Case(batch: 1, height: 16, width: 16, channels: 63, filters: 65, padding: .valid),  // 14x14
    Case(batch: 2, height: 14, width: 14, channels: 64, filters: 63, padding: .same),  // 14x14
    Case(batch: 1, height: 14, width: 16, channels: 65, filters: 64, padding: .explicit(before: 1, after: 2)),  // 15x17
    Case(batch: 2, height: 17, width: 19, channels: 8, filters: 17, padding: .valid),  // 15x17
    Case(batch: 1, height: 56, width: 56, channels: 16, filters: 17, padding: .same),  // 56x56
    Case(batch: 1, height: 58, width: 58, channels: 64, filters: 64, padding: .valid),  // 56x56
  ]

  /// Lowers the thresholds so that 8 channels, 8 filters and a single tile take the Winograd path.
  static func withLowThresholds<T>(_ body: () throws -> T) rethrows -> T {
    let saved = (WinogradTuning.minimumChannels, WinogradTuning.minimumFilters, WinogradTuning.minimumTiles)
    defer { (WinogradTuning.minimumChannels, WinogradTuning.minimumFilters, WinogradTuning.minimumTiles) = saved }
    WinogradTuning.minimumChannels = 8
    WinogradTuning.minimumFilters = 8
    WinogradTuning.minimumTiles = 1
    return try body()
  }

  /// Runs `body` with the plan forced onto one strategy, small blocks (so that block
  /// boundaries fall inside rows and between images) and `threads` threads.
  static func withStrategy<T>(splitFilters: Bool, threads: Int, _ body: () throws -> T) rethrows -> T {
    let saved = (
      WinogradTuning.splitFiltersBelowTiles, WinogradTuning.sharedWeightBytes, WinogradTuning.blockBytes,
      WinogradTuning.sharedBlockBytes, Parallelism.threadCount, Parallelism.serialMultiplyAdds
    )
    defer {
      (
        WinogradTuning.splitFiltersBelowTiles, WinogradTuning.sharedWeightBytes, WinogradTuning.blockBytes,
        WinogradTuning.sharedBlockBytes, Parallelism.threadCount, Parallelism.serialMultiplyAdds
      ) = saved
    }
    WinogradTuning.splitFiltersBelowTiles = 0
    WinogradTuning.sharedWeightBytes = splitFilters ? 0 : Int.max
    WinogradTuning.blockBytes = 64 << 10
    WinogradTuning.sharedBlockBytes = 256 << 10
    Parallelism.threadCount = threads
    Parallelism.serialMultiplyAdds = 0
    return try body()
  }

  static func data(_ c: Case, seed: UInt64) -> (input: Tensor, kernel: Tensor, bias: Tensor) {
    var generator = TestGenerator(seed: seed)
    return (
      generator.tensor([c.batch, c.height, c.width, c.channels]), generator.tensor([3, 3, c.channels, c.filters]),
      generator.tensor([c.filters])
    )
  }

  @Test(arguments: cases)
  func matchesNaive(_ c: Case) throws {
    let (input, kernel, bias) = Self.data(c, seed: UInt64(c.channels * 1000 + c.filters))
    try Self.withLowThresholds {
      #expect(WinogradTuning.applies(input: input.shape, kernel: kernel.shape, padding: c.padding))
      let fast = try Ops.conv2d(input, kernel: kernel, bias: bias, padding: c.padding, activation: .relu)
      let naive = try Reference.conv2d(input, kernel: kernel, bias: bias, padding: c.padding, activation: .relu)
      expectClose(fast, naive, atol: 1e-4, rtol: 1e-4, c.description)
    }
  }

  // Both strategies on one and two threads, with several blocks per call; more than 256
  // channels (two passes over the channels, the second adding to the first) and filter
  // counts that leave a panel part empty.
  @Test(arguments: [false, true], [1, 2])
  func bothStrategiesMatchNaive(splitFilters: Bool, threads: Int) throws {
    let cases = [
      Case(batch: 2, height: 13, width: 11, channels: 24, filters: 40, padding: .same),
      Case(batch: 1, height: 10, width: 12, channels: 300, filters: 20, padding: .valid),
      Case(batch: 3, height: 7, width: 9, channels: 17, filters: 33, padding: .symmetric(2)),
    ]
    for c in cases {
      let (input, kernel, bias) = Self.data(c, seed: UInt64(c.channels + c.filters))
      let naive = try Reference.conv2d(input, kernel: kernel, bias: bias, padding: c.padding, activation: .relu)
      let fast = try Self.withLowThresholds {
        try Self.withStrategy(splitFilters: splitFilters, threads: threads) {
          try Ops.conv2d(input, kernel: kernel, bias: bias, padding: c.padding, activation: .relu)
        }
      }
      expectClose(fast, naive, atol: 1e-4, rtol: 1e-4, "\(c) split \(splitFilters) threads \(threads)")
    }
  }

  @Test func fewerChannelsThanALaneAtTheLowestThresholds() throws {
    // At the floor of the thresholds, channels and filters fill less than one 8-lane vector.
    let saved = (WinogradTuning.minimumChannels, WinogradTuning.minimumFilters, WinogradTuning.minimumTiles)
    defer { (WinogradTuning.minimumChannels, WinogradTuning.minimumFilters, WinogradTuning.minimumTiles) = saved }
    WinogradTuning.minimumChannels = WinogradTuning.floor
    WinogradTuning.minimumFilters = WinogradTuning.floor
    WinogradTuning.minimumTiles = 1
    let cases = [
      Case(batch: 2, height: 9, width: 8, channels: 5, filters: 6, padding: .same),
      Case(batch: 1, height: 6, width: 7, channels: 4, filters: 7, padding: .valid),
    ]
    for c in cases {
      let (input, kernel, bias) = Self.data(c, seed: 8)
      #expect(WinogradTuning.applies(input: input.shape, kernel: kernel.shape, padding: c.padding))
      let fast = try Ops.conv2d(input, kernel: kernel, bias: bias, padding: c.padding, activation: .relu)
      let naive = try Reference.conv2d(input, kernel: kernel, bias: bias, padding: c.padding, activation: .relu)
      expectClose(fast, naive, atol: 1e-4, rtol: 1e-4, c.description)
    }
  }

  @Test(arguments: [Activation.linear, .relu, .leakyRelu(alpha: 0.1), .tanh, .sigmoid])
  func everyActivationWithAndWithoutBias(_ activation: Activation) throws {
    let c = Case(batch: 2, height: 9, width: 11, channels: 17, filters: 20, padding: .same)
    let (input, kernel, bias) = Self.data(c, seed: 3)
    try Self.withLowThresholds {
      for b in [bias, nil] {
        let fast = try Ops.conv2d(input, kernel: kernel, bias: b, padding: c.padding, activation: activation)
        let naive = try Reference.conv2d(input, kernel: kernel, bias: b, padding: c.padding, activation: activation)
        expectClose(fast, naive, atol: 1e-4, rtol: 1e-4, "\(activation) bias \(b != nil)")
      }
    }
  }

  @Test func anEmptyImageWithPaddingStaysDirectAndGivesTheBias() throws {
    // No pixels, but padding leaves room for windows: every output is the bias, through relu.
    let input = Tensor(shape: [1, 0, 5, 8], values: [])
    var generator = TestGenerator(seed: 4)
    let kernel = generator.tensor([3, 3, 8, 8])
    let bias = generator.tensor([8])
    try Self.withLowThresholds {
      #expect(!WinogradTuning.applies(input: input.shape, kernel: kernel.shape, padding: .symmetric(2)))
      let result = try Ops.conv2d(input, kernel: kernel, bias: bias, padding: .symmetric(2), activation: .relu)
      #expect(result.shape == [1, 2, 7, 8])
      for (i, value) in result.values.enumerated() { #expect(value == max(0, bias.values[i % 8])) }
    }
  }

  @Test func thresholdsAndShapesThatStayDirect() {
    // The tutorials' layers keep the direct path however low the thresholds are set.
    let saved = (WinogradTuning.minimumChannels, WinogradTuning.minimumFilters, WinogradTuning.minimumTiles)
    defer { (WinogradTuning.minimumChannels, WinogradTuning.minimumFilters, WinogradTuning.minimumTiles) = saved }
    WinogradTuning.minimumChannels = 1
    WinogradTuning.minimumFilters = 1
    WinogradTuning.minimumTiles = 1
    #expect(WinogradTuning.minimumChannels == WinogradTuning.floor)
    #expect(WinogradTuning.minimumFilters == WinogradTuning.floor)
    #expect(!WinogradTuning.applies(input: [6, 6], kernel: [3, 3]))
    #expect(!WinogradTuning.applies(input: [28, 28, 3], kernel: [3, 3, 3, 64], padding: .same))
    #expect(!WinogradTuning.applies(input: [28, 28, 64], kernel: [3, 3, 64, 2], padding: .same))
    // Only 3x3, stride 1, no dilation, no groups.
    #expect(WinogradTuning.applies(input: [28, 28, 64], kernel: [3, 3, 64, 64]))
    #expect(!WinogradTuning.applies(input: [28, 28, 64], kernel: [3, 3, 64, 64], strides: 2))
    #expect(!WinogradTuning.applies(input: [28, 28, 64], kernel: [3, 3, 64, 64], dilation: 2))
    #expect(!WinogradTuning.applies(input: [28, 28, 64], kernel: [3, 3, 32, 64], groups: 2))
    #expect(!WinogradTuning.applies(input: [28, 28, 64], kernel: [5, 5, 64, 64]))
    #expect(!WinogradTuning.applies(input: [28, 28, 64], kernel: [3, 3, 32, 64]))
  }

  @Test func defaultThresholdsTakeVGGButNotItsFirstLayerNorTinyMaps() {
    #expect(!WinogradTuning.applies(input: [1, 224, 224, 3], kernel: [3, 3, 3, 64], padding: .same))
    for (size, channels, filters) in [(224, 64, 64), (112, 64, 128), (56, 256, 256), (28, 256, 512), (14, 512, 512)] {
      let kernel = [3, 3, channels, filters]
      #expect(WinogradTuning.applies(input: [1, size, size, channels], kernel: kernel, padding: .same))
    }
    // 7x7 is 16 tiles, too few to pay for the weight transform; a batch of two is enough.
    #expect(!WinogradTuning.applies(input: [1, 7, 7, 512], kernel: [3, 3, 512, 512], padding: .same))
    #expect(WinogradTuning.applies(input: [2, 7, 7, 512], kernel: [3, 3, 512, 512], padding: .same))
    #expect(!WinogradTuning.applies(input: [1, 56, 56, 4], kernel: [3, 3, 4, 64], padding: .same))
    #expect(WinogradTuning.applies(input: [1, 56, 56, 8], kernel: [3, 3, 8, 8], padding: .same))
  }

  // He-scaled weights and inputs in [0, 1), as in VGG; one layer per strategy (the second
  // with two passes over its channels). The error is relative to the largest output, since
  // single outputs near zero have no meaningful relative error.
  @Test(arguments: [(28, 128, 128), (14, 512, 64)])
  func heScaledLayerStaysWithinRoundingOfTheNaiveSum(size: Int, channels: Int, filters: Int) throws {
    var generator = SeededGenerator(seed: 11)
    let input = Tensor(
      shape: [1, size, size, channels], values: (0..<size * size * channels).map { _ in generator.nextUnitFloat() })
    let scale = (6 / Float(9 * channels)).squareRoot()
    let kernel = Tensor(
      shape: [3, 3, channels, filters],
      values: (0..<9 * channels * filters).map { _ in (generator.nextUnitFloat() * 2 - 1) * scale })
    #expect(WinogradTuning.applies(input: input.shape, kernel: kernel.shape, padding: .same))
    let fast = try Ops.conv2d(input, kernel: kernel, padding: .same)
    let naive = try Reference.conv2d(input, kernel: kernel, padding: .same)
    let largest = naive.values.map(abs).max() ?? 1
    let worst = zip(fast.values, naive.values).map { abs($0 - $1) }.max() ?? 0
    #expect(largest > 1)
    #expect(worst / largest < 2e-6, "max |difference| \(worst), max |output| \(largest)")
  }

  @Test func raisedFlagStopsALargeConvolution() {
    let flag = CancellationFlag()
    flag.cancel()
    let image = Tensor(shape: [2, 112, 112, 64], repeating: 0.5)
    let kernel = Tensor(shape: [3, 3, 64, 64], repeating: 0.01)
    #expect(WinogradTuning.applies(input: image.shape, kernel: kernel.shape, padding: .same))
    #expect(throws: TensorError.cancelled) { try Ops.conv2d(image, kernel: kernel, padding: .same, cancellation: flag) }
  }

  @Test func cancellingFromAnotherThreadEndsALargeConvolution() {
    // A batch of four 112x112x128 maps: about 7 GMAC direct, some 30 ms of Winograd per call
    // on two cores. As in ErrorTests, the call repeats until the cancel lands, so timing
    // alone cannot decide the outcome.
    let image = Tensor(shape: [4, 112, 112, 128], repeating: 0.5)
    let kernel = Tensor(shape: [3, 3, 128, 128], repeating: 0.01)
    #expect(WinogradTuning.applies(input: image.shape, kernel: kernel.shape, padding: .same))
    let outcome = outcomeOfCancelling(after: 0.002, attempts: 500) { flag in
      _ = try Ops.conv2d(image, kernel: kernel, padding: .same, cancellation: flag)
    }
    #expect(outcome == "cancelled")
  }
}
