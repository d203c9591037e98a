import Foundation
import TensorEngine
import Testing

/// The fast backward passes (float32) against the Double reference backward passes, within
/// tinygrad's tolerances (rtol 1e-3, atol 1e-4), on shapes chosen so that each forward path
/// (Winograd, direct, im2col) runs, asserted with `Ops.convolutionPath`.
@Suite struct BackwardFastTests {
  struct ConvCase: Sendable, CustomStringConvertible {
    var input, kernel: [Int]
    var strides: Size2 = 1
    var padding: Padding = .valid
    var dilation: Size2 = 1
    var groups = 1
    var path: ConvolutionPath
    var description: String { "\(input) * \(kernel) s\(strides) \(padding) d\(dilation) g\(groups) (\(path))" }
  }

  static let convCases: [ConvCase] = [
    ConvCase(input: [2, 12, 12, 16], kernel: [3, 3, 16, 16], padding: .same, path: .winograd),
    ConvCase(input: [2, 14, 10, 8], kernel: [3, 3, 8, 24], padding: .valid, path: .winograd),
    ConvCase(input: [2, 10, 10, 3], kernel: [5, 5, 3, 6], padding: .same, path: .direct),
    // One channel: window rows of 5 and 3 values, unfolded 8 at a time.
    ConvCase(input: [3, 13, 11, 1], kernel: [5, 5, 1, 6], padding: .same, path: .direct),
    ConvCase(input: [2, 9, 9, 1], kernel: [3, 3, 1, 8], strides: 2, path: .direct),
    ConvCase(input: [8, 28, 28, 1], kernel: [5, 5, 1, 6], padding: .same, path: .direct),
    ConvCase(input: [2, 12, 13, 1], kernel: [3, 3, 1, 20], strides: Size2(1, 2), padding: .same, dilation: 2, path: .direct),
    // One channel: images copied into a zero border; 5-wide windows with sums in registers
    // (strided, valid, and an image larger than one panel of pixels), others summed in memory.
    ConvCase(input: [2, 17, 15, 1], kernel: [4, 3, 1, 5], strides: Size2(2, 1), padding: .same, dilation: Size2(1, 2), path: .direct),
    ConvCase(input: [3, 14, 12, 1], kernel: [7, 7, 1, 3], padding: .same, path: .direct),
    ConvCase(input: [2, 15, 16, 1], kernel: [5, 5, 1, 7], strides: 2, path: .direct),
    ConvCase(input: [1, 80, 140, 1], kernel: [5, 5, 1, 4], padding: .same, path: .direct),
    ConvCase(input: [2, 11, 13, 1], kernel: [6, 5, 1, 8], padding: .symmetric(2), path: .direct),
    ConvCase(input: [1, 15, 15, 4], kernel: [3, 3, 4, 8], strides: 2, padding: .valid, path: .direct),
    // LeNet's second layer: a valid stride-1 layer on a small map, whose input gradient is
    // scattered back (col2im) in window rows of all six channels.
    ConvCase(input: [3, 14, 14, 6], kernel: [5, 5, 6, 16], padding: .valid, path: .direct),
    ConvCase(input: [3, 11, 9, 6], kernel: [3, 3, 2, 6], padding: .same, dilation: 2, groups: 3, path: .direct),
    ConvCase(input: [2, 13, 12, 4], kernel: [4, 2, 4, 5], strides: Size2(3, 2), padding: .same, path: .direct),
    ConvCase(input: [1, 6, 6, 2], kernel: [2, 2, 2, 3], padding: .symmetric(3), path: .direct),
    ConvCase(input: [4, 32, 32, 16], kernel: [3, 3, 16, 32], strides: 2, padding: .same, path: .direct),
    ConvCase(input: [2, 20, 20, 8], kernel: [1, 1, 8, 16], path: .direct),
    ConvCase(input: [1, 3, 3, 64], kernel: [3, 3, 64, 64], path: .im2col),
    ConvCase(input: [1, 4, 4, 64], kernel: [3, 3, 64, 128], padding: .same, path: .im2col),
    ConvCase(input: [2, 5, 5, 64], kernel: [3, 3, 32, 96], strides: 2, padding: .same, groups: 2, path: .im2col),
  ]

  @Test(arguments: convCases)
  func conv2dMatchesReference(_ c: ConvCase) throws {
    #expect(
      Ops.convolutionPath(input: c.input, kernel: c.kernel, strides: c.strides, padding: c.padding, dilation: c.dilation, groups: c.groups)
        == c.path)
    var generator = TestGenerator(seed: UInt64(c.input.reduce(0, +) * 7 + c.kernel.reduce(0, +)))
    let input = generator.tensor(c.input)
    let kernel = generator.tensor(c.kernel)
    let forward = try Ops.conv2d(input, kernel: kernel, strides: c.strides, padding: c.padding, dilation: c.dilation, groups: c.groups)
    let dy = generator.tensor(forward.shape)
    let fast = try Ops.conv2dBackward(
      input, kernel: kernel, outputGradient: dy, strides: c.strides, padding: c.padding, dilation: c.dilation,
      groups: c.groups, hasBias: true)
    let naive = try Reference.conv2dBackward(
      DoubleTensor(input), kernel: DoubleTensor(kernel), outputGradient: DoubleTensor(dy), strides: c.strides,
      padding: c.padding, dilation: c.dilation, groups: c.groups)
    expectClose(try #require(fast.input), naive.input.float, atol: 1e-4, rtol: 1e-3, "\(c) dX")
    expectClose(fast.kernel, naive.weights.float, atol: 1e-4, rtol: 1e-3, "\(c) dW")
    expectClose(try #require(fast.bias), try #require(naive.bias).float, atol: 1e-4, rtol: 1e-3, "\(c) dB")

    let firstLayer = try Ops.conv2dBackward(
      input, kernel: kernel, outputGradient: dy, strides: c.strides, padding: c.padding, dilation: c.dilation,
      groups: c.groups, hasBias: false, needsInputGradient: false)
    #expect(firstLayer.input == nil && firstLayer.bias == nil)
    expectClose(firstLayer.kernel, naive.weights.float, atol: 1e-4, rtol: 1e-3, "\(c) dW alone")
  }

  @Test func conv1dIsConv2dOnOneRow() throws {
    var generator = TestGenerator(seed: 31)
    let sequence = generator.tensor([2, 29, 3])
    let kernel = generator.tensor([5, 3, 4])
    for (stride, padding) in [(1, Padding.same), (2, .same), (3, .valid)] {
      let forward = try Ops.conv1d(sequence, kernel: kernel, stride: stride, padding: padding, dilation: 2)
      let dy = generator.tensor(forward.shape)
      let fast = try Ops.conv1dBackward(
        sequence, kernel: kernel, outputGradient: dy, stride: stride, padding: padding, dilation: 2, hasBias: true)
      // The same problem as an image of one row, padded only along the sequence.
      let rows = WindowGeometry(kernel: 5, stride: stride, dilation: 2, padding: padding)
      let split = try #require(rows.paddingSplit(input: 29))
      let naive = try Reference.conv2dBackward(
        DoubleTensor(try Ops.pad(try sequence.reshaped([2, 1, 29, 3]), top: 0, bottom: 0, left: split.before, right: split.after)),
        kernel: DoubleTensor(try kernel.reshaped([1, 5, 3, 4])), outputGradient: DoubleTensor(try dy.reshaped([2, 1, forward.shape[1], 4])),
        strides: Size2(1, stride), dilation: Size2(1, 2))
      let padded = naive.input.float
      var unpadded = [Float]()
      for n in 0..<2 {
        for l in 0..<29 {
          for c in 0..<3 { unpadded.append(padded.values[(n * (29 + split.before + split.after) + l + split.before) * 3 + c]) }
        }
      }
      expectClose(try #require(fast.input), Tensor(shape: [2, 29, 3], values: unpadded), atol: 1e-4, rtol: 1e-3, "conv1d dX s\(stride)")
      expectClose(fast.kernel, try naive.weights.float.reshaped([5, 3, 4]), atol: 1e-4, rtol: 1e-3, "conv1d dW s\(stride)")
      expectClose(try #require(fast.bias), try #require(naive.bias).float, atol: 1e-4, rtol: 1e-3, "conv1d dB s\(stride)")
    }
  }

  @Test(arguments: [([5, 37], [37, 23]), ([1, 300], [300, 70]), ([64, 256], [256, 128]), ([2, 3, 40], [40, 9])])
  func denseMatchesReference(_ inputShape: [Int], _ weightShape: [Int]) throws {
    var generator = TestGenerator(seed: UInt64(inputShape.reduce(0, +)))
    let input = generator.tensor(inputShape)
    let weights = generator.tensor(weightShape)
    let dy = generator.tensor(Array(inputShape.dropLast()) + [weightShape[1]])
    let fast = try Ops.denseBackward(input, weights: weights, outputGradient: dy, hasBias: true)
    let naive = try Reference.denseBackward(DoubleTensor(input), weights: DoubleTensor(weights), outputGradient: DoubleTensor(dy))
    expectClose(try #require(fast.input), naive.input.float, atol: 1e-4, rtol: 1e-3, "dense dX")
    expectClose(fast.kernel, naive.weights.float, atol: 1e-4, rtol: 1e-3, "dense dW")
    expectClose(try #require(fast.bias), try #require(naive.bias).float, atol: 1e-4, rtol: 1e-3, "dense dB")
  }

  @Test(arguments: PoolKind.allCases)
  func poolMatchesReference(_ kind: PoolKind) throws {
    var generator = TestGenerator(seed: 17)
    for (shape, size, stride, padding) in [
      ([2, 9, 11, 3], 2, 2, Padding.valid), ([2, 9, 11, 3], 3, 2, .same), ([1, 8, 8, 5], 3, 1, .same),
      ([3, 28, 28, 6], 2, 2, .valid), ([1, 7, 6, 2], 2, 3, .same), ([1, 10, 10, 4], 3, 2, .symmetric(1)),
      ([2, 8, 8, 6], 2, 2, .valid), ([1, 9, 9, 7], 3, 2, .same),
    ] {
      var input = generator.tensor(shape)
      // Ties: the first cell of equal values in row-major order wins, on both sides.
      if shape[3] >= 6 { input = Tensor(shape: shape, values: input.values.map { $0 > 0.5 ? 1 : 0 }) }
      let forward = try Ops.pool2d(input, kind: kind, poolSize: Size2(size), strides: Size2(stride), padding: padding)
      let dy = generator.tensor(forward.shape)
      let fast = try Ops.pool2dBackward(
        input, outputGradient: dy, kind: kind, poolSize: Size2(size), strides: Size2(stride), padding: padding)
      let naive = try Reference.pool2dBackward(
        DoubleTensor(input), outputGradient: DoubleTensor(dy), kind: kind, poolSize: Size2(size), strides: Size2(stride),
        padding: padding)
      expectClose(fast, naive.float, atol: 1e-5, rtol: 1e-4, "\(kind) \(shape) \(size)/\(stride) \(padding)")
    }
  }

  /// The forward pass against the reference, over channel counts on both sides of the
  /// 8-lane vectors (a last group of fewer than 8 is read and written as 8 lanes where that
  /// stays within the output row), with rows that end on a narrow pixel and a 1-wide output.
  @Test(arguments: PoolKind.allCases)
  func poolForwardMatchesReference(_ kind: PoolKind) throws {
    var generator = TestGenerator(seed: 29)
    for channels in [1, 2, 3, 5, 6, 7, 8, 9, 15, 16, 17] {
      for (height, width, size, stride, padding) in [
        (9, 11, 2, 2, Padding.valid), (7, 7, 3, 2, .same), (5, 2, 2, 2, .valid), (6, 9, 3, 1, .same), (4, 5, 2, 3, .same),
      ] {
        let input = generator.tensor([2, height, width, channels])
        let fast = try Ops.pool2d(input, kind: kind, poolSize: Size2(size), strides: Size2(stride), padding: padding)
        let naive = try Reference.pool2d(
          DoubleTensor(input), kind: kind, poolSize: Size2(size), strides: Size2(stride), padding: padding)
        expectClose(fast, naive.float, atol: 1e-6, rtol: 1e-5, "\(kind) \(channels) channels \(height)x\(width) \(size)/\(stride)")
      }
    }
  }

  @Test func aVGGSizedBackwardStopsWhenCancelled() throws {
    // Raised from another thread while calls run back to back, on both routes of the input's
    // gradient: the flipped convolution (stride 1) and col2im (stride 2).
    let image = Tensor(shape: [2, 56, 56, 128], repeating: 0.5)
    let kernel = Tensor(shape: [3, 3, 128, 128], repeating: 0.01)
    for strides in [Size2(1), Size2(2)] {
      let dy = Tensor(shape: try Ops.conv2d(image, kernel: kernel, strides: strides, padding: .same).shape, repeating: 0.1)
      let outcome = outcomeOfCancelling(after: 0.002, attempts: 500) { flag in
        _ = try Ops.conv2dBackward(
          image, kernel: kernel, outputGradient: dy, strides: strides, padding: .same, hasBias: true, cancellation: flag)
      }
      #expect(outcome == "cancelled")
      // How long a raised flag takes to stop the calls (a loose bound only catches a kernel
      // that never polls; the measured figure is in the benchmarks document).
      let flag = CancellationFlag()
      let raised = Atomic64()
      let canceller = Thread {
        Thread.sleep(forTimeInterval: 0.02)
        raised.store(DispatchTime.now().uptimeNanoseconds)
        flag.cancel()
      }
      canceller.start()
      var stopped = false
      for _ in 0..<500 where !stopped {
        do {
          _ = try Ops.conv2dBackward(
            image, kernel: kernel, outputGradient: dy, strides: strides, padding: .same, hasBias: true, cancellation: flag)
        } catch {
          stopped = true
        }
      }
      let latency = Double(DispatchTime.now().uptimeNanoseconds - raised.load()) / 1e9
      #expect(stopped && latency < 1, "stopped \(latency) s after the flag")
      print("backward stride \(strides): stopped \(Int(latency * 1000)) ms after the flag")
    }
  }
}

/// A value written by one thread and read by another once it has finished.
final class Atomic64: @unchecked Sendable {
  private let lock = NSLock()
  private var value: UInt64 = 0
  func store(_ v: UInt64) { lock.withLock { value = v } }
  func load() -> UInt64 { lock.withLock { value } }
}
