import Synchronization
import TensorEngine
import Testing

/// How a training step's batch is cut over threads, and how the shards' gradients add up.
struct BatchSplitTests {
  @Test func shardsCoverTheBatchInOrder() {
    let split = BatchSplit(batch: 32, weightBytes: 1 << 20, threads: 2)
    #expect(split.shards == [0..<16, 16..<32])
    #expect(BatchSplit(batch: 13, weightBytes: 0, threads: 3).shards == [0..<4, 4..<8, 8..<13])
    #expect(BatchSplit(batch: 10, weightBytes: 0, threads: 3).shards == [0..<5, 5..<10])
    // Fewer than four rows a thread: one shard.
    #expect(BatchSplit(batch: 7, weightBytes: 0, threads: 2).shards == [0..<7])
    #expect(BatchSplit(batch: 8, weightBytes: 0, threads: 2).shards == [0..<4, 4..<8])
    #expect(BatchSplit(batch: 32, weightBytes: 0, threads: 1).shards == [0..<32])
  }

  @Test func largeModelsKeepTheWholeBatch() {
    // VGG-16's weights: a second copy of their gradients would be 528 MiB.
    #expect(!BatchSplit(batch: 8, weightBytes: 553_430_176, threads: 2).isSplit)
    #expect(BatchSplit(batch: 8, weightBytes: BatchSplit.maximumExtraGradientBytes, threads: 2).isSplit)
    #expect(!BatchSplit(batch: 8, weightBytes: BatchSplit.maximumExtraGradientBytes + 1, threads: 2).isSplit)
    #expect(!BatchSplit(batch: 64, weightBytes: Int.max, threads: 4).isSplit)
  }

  @Test func rowsAndJoinAreInverse() throws {
    let x = Tensor(shape: [5, 2], values: (0..<10).map(Float.init))
    let split = BatchSplit(batch: 5, weightBytes: 0, threads: 2)
    let split8 = BatchSplit(batch: 8, weightBytes: 0, threads: 2)
    #expect(split.shards == [0..<5])
    #expect(split.rows(x, shard: 0).values == x.values)
    let y = Tensor(shape: [8, 2], values: (0..<16).map(Float.init))
    #expect(split8.rows(y, shard: 1).values == (8..<16).map(Float.init))
    #expect(split8.rows(y, shard: 1).shape == [4, 2])
    let parts = (0..<2).map { split8.rows(y, shard: $0) }
    #expect(try split8.joined(parts).values == y.values)
  }

  @Test func mapRunsEveryShardAndKeepsTheirOrder() throws {
    let split = BatchSplit(batch: 40, weightBytes: 0, threads: 4)
    let calls = Atomic<Int>(0)
    let sums = split.map { (shard, rows) -> Int in
      calls.wrappingAdd(1, ordering: .relaxed)
      return rows.reduce(0, +) * 100 + shard
    }
    #expect(calls.load(ordering: .relaxed) == 4)
    #expect(sums == split.shards.enumerated().map { $0.element.reduce(0, +) * 100 + $0.offset })
  }

  @Test func theFirstFailingShardsErrorIsThrown() {
    let split = BatchSplit(batch: 16, weightBytes: 0, threads: 4)
    #expect(throws: TensorError.cancelled) {
      _ = try split.map { (shard, _) throws(TensorError) -> Int in
        if shard == 1 { throw TensorError.cancelled }
        if shard == 3 { throw TensorError.axisOutOfRange(operation: "a later shard", axis: 3, rank: 2) }
        return shard
      }
    }
  }

  @Test func gradientsAddInShardOrder() throws {
    let p = TensorEngine.Parameter(Tensor(shape: [3], values: [1, 2, 3]), name: "w")
    let first = GradientAccumulator()
    let second = GradientAccumulator()
    try first.accumulate(Tensor(shape: [3], values: [1, 1, 1]), for: p)
    try first.accumulate(Tensor(shape: [3], values: [0.5, 0, -1]), for: p)
    try second.accumulate(Tensor(shape: [3], values: [2, 3, 4]), for: p)
    #expect(p.gradient == nil)
    try GradientAccumulator.commit([first, second])
    #expect(p.gradient?.values == [3.5, 4, 4])
    #expect(throws: TensorError.self) { try first.accumulate(Tensor(shape: [2], values: [1, 1]), for: p) }
  }

  @Test func skippingDrawsEqualsDrawingThem() {
    var drawn = SeededGenerator(seed: 42)
    for _ in 0..<1_000 { _ = drawn.next() }
    var skipped = SeededGenerator(seed: 42)
    skipped.skip(1_000)
    #expect(drawn.next() == skipped.next())
  }
}
