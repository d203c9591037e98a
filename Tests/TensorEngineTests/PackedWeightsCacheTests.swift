import TensorEngine
import Testing

/// The direct convolution keeps packed weights between calls, found by their storage. A
/// learner who edits a kernel, swaps a bias or reshapes the same values must never get the
/// old packing back. 3x3 layers here have fewer channels than Winograd takes, so they run
/// on the direct kernel.
@Suite struct PackedWeightsCacheTests {
  static func naive(_ input: Tensor, _ kernel: Tensor, _ bias: Tensor) throws -> Tensor {
    try Reference.conv2d(input, kernel: kernel, bias: bias, padding: .same)
  }

  @Test func anEditedKernelIsNeverServedStale() throws {
    var generator = TestGenerator(seed: 11)
    let input = generator.tensor([1, 12, 12, 5])
    var kernel = generator.tensor([3, 3, 5, 20])
    let bias = generator.tensor([20])
    let first = try Ops.conv2d(input, kernel: kernel, bias: bias, padding: .same)
    expectClose(first, try Self.naive(input, kernel, bias))
    #expect(ConvolutionTuning.cachedWeightBytes > 0)
    // Again, now from the cache.
    expectClose(try Ops.conv2d(input, kernel: kernel, bias: bias, padding: .same), first)

    // One weight changed in place: the tensor's storage is shared with the cache, so the
    // write goes to a fresh copy.
    kernel.values[7] += 1
    let edited = try Ops.conv2d(input, kernel: kernel, bias: bias, padding: .same)
    expectClose(edited, try Self.naive(input, kernel, bias))
    // Weight 7 is tap (0, 0), channel 0, filter 7. With `same` padding, output pixel (1, 1)
    // sees input pixel (0, 0) through that tap, so its filter 7 grows by input value 0.
    let pixel = (1 * 12 + 1) * 20 + 7
    #expect(abs(edited.values[pixel] - first.values[pixel] - input.values[0]) < 1e-5)

    // The same kernel with another bias.
    let otherBias = generator.tensor([20])
    expectClose(
      try Ops.conv2d(input, kernel: kernel, bias: otherBias, padding: .same), try Self.naive(input, kernel, otherBias))
  }

  @Test func theSameValuesInAnotherShapeArePackedAgain() throws {
    var generator = TestGenerator(seed: 12)
    let kernel = generator.tensor([2, 2, 5, 8])
    let reshaped = try kernel.reshaped([2, 2, 8, 5])
    let (bias8, bias5) = (generator.tensor([8]), generator.tensor([5]))
    let (input5, input8) = (generator.tensor([1, 9, 9, 5]), generator.tensor([1, 9, 9, 8]))
    expectClose(try Ops.conv2d(input5, kernel: kernel, bias: bias8, padding: .same), try Self.naive(input5, kernel, bias8))
    expectClose(
      try Ops.conv2d(input8, kernel: reshaped, bias: bias5, padding: .same), try Self.naive(input8, reshaped, bias5))
    expectClose(try Ops.conv2d(input5, kernel: kernel, bias: bias8, padding: .same), try Self.naive(input5, kernel, bias8))
  }

  @Test func theCacheStaysWithinItsBound() throws {
    var generator = TestGenerator(seed: 13)
    let input = generator.tensor([1, 6, 6, 7])
    // 40 kernels of 3x3x7x64 (each 0.3 MiB packed and kept), as a session that makes a new
    // layer in every cell: the stated bounds (16 MiB, 32 kernels) hold whatever other suites
    // cache meanwhile.
    for _ in 0..<40 {
      _ = try Ops.conv2d(input, kernel: generator.tensor([3, 3, 7, 64]), padding: .same)
      #expect(ConvolutionTuning.cachedWeightBytes <= 16 << 20)
      #expect(ConvolutionTuning.cachedWeightEntryCount <= 32)
    }
    #expect(ConvolutionTuning.cachedWeightEntryCount >= 1)
  }
}
