import TensorEngine
import Testing

/// Sizes from a learner or a file reach the engine's entry points unchecked: zero filters,
/// zero or negative sizes, and products or sums that overflow `Int`. Each must come back as a
/// `TensorError`, never as a trap, a wrapped size or a division by zero.
@Suite struct SizeArithmeticTests {
  let image = Tensor(shape: [6, 6, 2], repeating: 1)

  @Test func aKernelWithZeroFiltersIsRefused() {
    for shape in [[3, 3, 2, 0], [1, 1, 2, 0]] {
      #expect(ArgumentProblem.noFilters(kernel: shape).description == "a convolution needs at least one filter; its kernel \(formatShape(shape)) has none")
      #expect(throws: TensorError.invalidArgument(operation: "conv2d", reason: .noFilters(kernel: shape))) {
        try Ops.conv2d(image, kernel: Tensor(shape: shape), bias: Tensor(shape: [0]))
      }
    }
    // Every path: a large image that would go to Winograd, a batch, and a 1-D convolution.
    #expect(throws: TensorError.self) { try Ops.conv2d(Tensor(shape: [32, 32, 16]), kernel: Tensor(shape: [3, 3, 16, 0])) }
    #expect(throws: TensorError.self) { try Ops.conv2d(Tensor(shape: [2, 6, 6, 2]), kernel: Tensor(shape: [5, 5, 2, 0])) }
    #expect(throws: TensorError.self) { try Ops.conv1d(Tensor(shape: [10, 2]), kernel: Tensor(shape: [3, 2, 0])) }
    #expect(Ops.convolutionPath(input: [6, 6, 2], kernel: [3, 3, 2, 0]) == nil)
  }

  @Test func emptyInputsGiveEmptyOutputs() throws {
    // An empty batch is a valid (empty) problem, as in Keras: zero outputs, no division.
    let batch = try Ops.conv2d(Tensor(shape: [0, 6, 6, 2]), kernel: Tensor(shape: [3, 3, 2, 4], repeating: 1))
    #expect(batch.shape == [0, 4, 4, 4])
    // No input channels: every output is the bias (1 + 0 products).
    let noChannels = try Ops.conv2d(Tensor(shape: [4, 4, 0]), kernel: Tensor(shape: [3, 3, 0, 2]), bias: Tensor(shape: [2], repeating: 1))
    #expect(noChannels.shape == [2, 2, 2])
    #expect(noChannels.values == [Float](repeating: 1, count: 8))
    #expect(try Ops.maxPool2d(Tensor(shape: [0, 4, 4, 1])).shape == [0, 2, 2, 1])
  }

  @Test func paddingThatWouldWrapIsARefusedSize() {
    let huge = 1 << 62
    #expect(throws: TensorError.resourceLimit(
      operation: "pad", shape: [Int.max, Int.max, 2], bytes: Int.max, limit: MemoryBudget.limitBytes)) {
      try Ops.pad(image, huge)
    }
    // Large enough not to overflow, far too large to allocate: the size is named.
    #expect(throws: TensorError.resourceLimit(
      operation: "pad", shape: [2_000_006, 2_000_006, 2], bytes: 2_000_006 * 2_000_006 * 2 * 4, limit: MemoryBudget.limitBytes)) {
      try Ops.pad(image, 1_000_000)
    }
  }

  @Test func convolutionPaddingThatWouldWrapIsRefused() {
    let kernel = Tensor(shape: [3, 3, 2, 1], repeating: 1)
    for cells in [1 << 40, 1 << 62, Int.max] {
      #expect(throws: TensorError.self) { try Ops.conv2d(image, kernel: kernel, padding: .symmetric(cells)) }
      #expect(throws: TensorError.self) { try Ops.maxPool2d(image, poolSize: 2, padding: .symmetric(cells)) }
    }
    #expect(throws: TensorError.self) { try Reference.conv2d(image, kernel: kernel, padding: .symmetric(1 << 40)) }
  }

  @Test func hugeWindowsStridesAndDilationsAreRefusedOrFit() throws {
    let kernel = Tensor(shape: [3, 3, 2, 1], repeating: 1)
    for dilation in [1 << 31, 1 << 62, Int.max] {
      #expect(throws: TensorError.self) { try Ops.conv2d(image, kernel: kernel, dilation: Size2(dilation)) }
    }
    for dilation in [1 << 62, Int.max] {
      #expect(throws: TensorError.self) { try Ops.conv2d(image, kernel: kernel, padding: .same, dilation: Size2(dilation)) }
    }
    // With `same` padding a dilation of 2^31 is legal: only the centre tap lands in the image,
    // so each output is the sum over the 2 channels of 1 x 1.
    let centre = try Ops.conv2d(image, kernel: kernel, padding: .same, dilation: Size2(1 << 31))
    #expect(centre.shape == [6, 6, 1])
    #expect(centre.values == [Float](repeating: 2, count: 36))
    // A huge stride is legal: one window position.
    #expect(try Ops.conv2d(image, kernel: kernel, strides: Size2(Int.max)).shape == [1, 1, 1])
    #expect(try Ops.conv2d(image, kernel: kernel, strides: Size2(Int.max), padding: .same).shape == [1, 1, 1])
    #expect(try Ops.maxPool2d(image, poolSize: 2, strides: Size2(Int.max)).shape == [1, 1, 2])
    #expect(throws: TensorError.self) { try Ops.maxPool2d(image, poolSize: Size2(Int.max)) }
    #expect(try Ops.maxPool2d(image, poolSize: Size2(Int.max), padding: .same).shape == [1, 1, 2])
    #expect(throws: TensorError.self) { try Ops.conv2d(image, kernel: kernel, strides: Size2(0)) }
    #expect(throws: TensorError.self) { try Ops.conv2d(image, kernel: kernel, strides: Size2(-3)) }
  }

  @Test func windowGeometryNeverWraps() {
    // By hand: span (3 - 1) * d + 1; valid output (in + before + after - span) / stride + 1.
    #expect(WindowGeometry(kernel: 3, dilation: 1 << 62).effectiveKernel == Int.max)
    #expect(WindowGeometry(kernel: Int.max, dilation: 2).effectiveKernel == Int.max)
    #expect(WindowGeometry(kernel: 3, dilation: 1 << 61).effectiveKernel == (1 << 62) + 1)
    #expect(WindowGeometry(kernel: 3, dilation: 1 << 62).resolve(input: 10) == nil)
    #expect(WindowGeometry(kernel: 3, padding: .explicit(before: Int.max, after: 1)).resolve(input: 10) == nil)
    #expect(WindowGeometry(kernel: 3, stride: Int.max, padding: .same).resolve(input: Int.max)?.output == 1)
    // An odd Int.max would need one cell of padding past Int.max; one less fits exactly.
    #expect(WindowGeometry(kernel: 2, stride: 2, padding: .same).resolve(input: Int.max) == nil)
    #expect(WindowGeometry(kernel: 2, stride: 2, padding: .same).resolve(input: Int.max - 1)?.output == (1 << 62) - 1)
    #expect(WindowGeometry(kernel: 3, dilation: 1 << 61, padding: .same).resolve(input: 5)?.output == 5)
    #expect(WindowGeometry(kernel: 3, padding: .explicit(before: 1 << 61, after: 1 << 61)).resolve(input: 5)?.output == (1 << 62) + 3)
  }

  @Test func negativeAndOverflowingShapesAreRefusedByTheBudget() {
    #expect(throws: TensorError.self) { try Tensor.zeros([-1, 4]) }
    #expect(throws: TensorError.resourceLimit(
      operation: "zeros", shape: [1 << 32, 1 << 32], bytes: Int.max, limit: MemoryBudget.limitBytes)) {
      try Tensor.zeros([1 << 32, 1 << 32])
    }
    #expect(throws: TensorError.self) { try MemoryBudget.check(operation: "x", shape: [1 << 61]) }
    #expect(MemoryBudget.dimension(3, 4, 5) == 12)
    #expect(MemoryBudget.dimension(Int.max, 1) == Int.max)
    #expect(MemoryBudget.dimension(1 << 62, 1 << 62) == Int.max)
  }

  @Test func denseWithAnOverflowingOutputIsRefused() throws {
    // (0, 4) input rows against (4, 2^62) weights: no values to hold, yet the shape is checked.
    let empty = try Ops.dense(Tensor(shape: [0, 4]), weights: Tensor(shape: [4, 3]))
    #expect(empty.shape == [0, 3])
    #expect(throws: TensorError.self) { try Ops.dense(Tensor(shape: [2, 0]), weights: Tensor(shape: [0, 1 << 62])) }
  }
}

@Suite struct ReshapeOverflowTests {
  @Test func aShapeWhoseProductWrapsIsNotTheSameCount() throws {
    // 2^32 x 2^32 wraps to 0 in 64 bits: an empty tensor must not take that shape.
    let empty = Tensor(shape: [0])
    #expect(throws: TensorError.self) { try empty.reshaped([1 << 32, 1 << 32]) }
    #expect(throws: TensorError.self) { try empty.reshaped([1 << 32, 1 << 32, -1]) }
    #expect(throws: TensorError.self) { try Tensor(shape: [4]).reshaped([1 << 62, 4, -1]) }
    #expect(try Tensor(shape: [6]).reshaped([2, -1]).shape == [2, 3])
    #expect(Tensor.checkedCount(of: [1 << 32, 1 << 32]) == nil)
    #expect(Tensor.checkedCount(of: [3, -1]) == nil)
    #expect(Tensor.checkedCount(of: [2, 3, 4]) == 24)
  }

  @Test func aWorkspaceThatWouldWrapTheBudgetSumIsRefused() {
    #expect(throws: TensorError.self) { try MemoryBudget.check(operation: "w", shape: [4], extraBytes: Int.max) }
  }
}
