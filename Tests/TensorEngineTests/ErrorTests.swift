import Foundation
import Dispatch
import TensorEngine
import Testing

@Suite struct ErrorTests {
  @Test func shapeMismatchNamesTheOperationAndBothShapes() {
    let a = Tensor(shape: [2, 3], repeating: 1)
    let b = Tensor(shape: [4], repeating: 1)
    #expect(throws: TensorError.shapeMismatch(operation: "add", lhs: [2, 3], rhs: [4])) { try a + b }
    let message = TensorError.shapeMismatch(operation: "add", lhs: [2, 3], rhs: [4]).description
    #expect(message == "add: shapes (2, 3) and (4,) do not fit together")
  }

  @Test func convolutionRejectsAKernelForOtherChannels() {
    let image = Tensor(shape: [8, 8, 3], repeating: 1)
    let kernel = Tensor(shape: [3, 3, 2, 4], repeating: 1)
    #expect(throws: TensorError.shapeMismatch(operation: "conv2d", lhs: [8, 8, 3], rhs: [3, 3, 2, 4])) {
      try Ops.conv2d(image, kernel: kernel)
    }
  }

  @Test func windowLargerThanTheImageIsExplained() {
    let image = Tensor(shape: [2, 2], repeating: 1)
    let error = TensorError.windowDoesNotFit(operation: "conv2d", input: [2, 2], window: [3, 3])
    #expect(throws: error) { try Ops.conv2d(image, kernel: Tensor(shape: [3, 3], repeating: 1)) }
    #expect(error.description.contains("a 3x3 window does not fit in a 2x2 input"))
    #expect(throws: TensorError.windowDoesNotFit(operation: "max_pool", input: [2, 2], window: [3, 3])) {
      try Ops.maxPool2d(image, poolSize: 3)
    }
  }

  @Test func memoryBudgetRefusesBeforeAllocating() {
    // 100002 x 100003 floats is about 37 GiB: more than half of any machine this runs on.
    let small = Tensor(shape: [2, 3], repeating: 1)
    let bytes = 100_002 * 100_003 * 4
    #expect(
      throws: TensorError.resourceLimit(
        operation: "pad", shape: [100_002, 100_003], bytes: bytes, limit: MemoryBudget.limitBytes)
    ) {
      try Ops.pad(small, top: 50_000, bottom: 50_000, left: 50_000, right: 50_000)
    }
    #expect(throws: TensorError.self) { try Tensor.zeros([1 << 40, 1 << 40]) }
    let message = TensorError.resourceLimit(operation: "zeros", shape: [100000, 100000], bytes: 40_000_000_000, limit: 1 << 30)
      .description
    #expect(message == "zeros: a result of shape (100000, 100000) needs 37.3 GiB, more than the memory limit of 1.0 GiB")
  }

  @Test func defaultBudgetIsHalfOfPhysicalMemory() {
    #expect(MemoryBudget.defaultLimitBytes == MemoryBudget.physicalMemoryBytes / 2)
    #expect(MemoryBudget.physicalMemoryBytes > 1 << 28)
  }

  @Test func raisedFlagStopsAConvolution() {
    let flag = CancellationFlag()
    flag.cancel()
    let image = Tensor(shape: [32, 32, 4], repeating: 1)
    let kernel = Tensor(shape: [3, 3, 4, 8], repeating: 1)
    #expect(throws: TensorError.cancelled) { try Ops.conv2d(image, kernel: kernel, cancellation: flag) }
    #expect(throws: TensorError.cancelled) { try Ops.maxPool2d(image, cancellation: flag) }
  }

  @Test func cancellingFromAnotherThreadEndsALongConvolution() {
    // About 2 GMAC per call: tens of milliseconds at full speed. The cancel comes from a
    // thread of its own (the shared dispatch pool can be busy running other tests), and the
    // convolution repeats until it is cancelled, so a loaded machine cannot make the test
    // pass or fail by timing alone; the bound only keeps a broken flag from hanging it.
    let image = Tensor(shape: [224, 224, 64], repeating: 0.5)
    let kernel = Tensor(shape: [3, 3, 64, 64], repeating: 0.01)
    let outcome = outcomeOfCancelling(after: 0.002, attempts: 500) { flag in
      _ = try Ops.conv2d(image, kernel: kernel, padding: .same, cancellation: flag)
    }
    #expect(outcome == "cancelled")
  }

  @Test func slicingFollowsPython() throws {
    let x = Tensor(shape: [5], values: [0, 1, 2, 3, 4])
    #expect(try x.sliced([.range(start: nil, stop: nil, step: -1)]).values == [4, 3, 2, 1, 0])
    #expect(try x.sliced([.range(start: -2, stop: nil, step: 1)]).values == [3, 4])
    #expect(try x.sliced([.range(start: 10, stop: 20, step: 1)]).values == [])
    #expect(throws: TensorError.indexOutOfRange(operation: "index", index: 5, size: 5)) { try x.sliced([.index(5)]) }
    #expect(throws: TensorError.axisOutOfRange(operation: "sum", axis: 2, rank: 1)) { try x.reduced(.sum, axis: 2) }
  }
}
