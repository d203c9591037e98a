/// A training step's batch cut into one run of rows per thread. Each thread takes its rows
/// through the whole network, forward and backward, with its own activations and
/// workspaces; the kernels it calls meanwhile find the worker pool busy and stay on that
/// thread. Small networks gain the second core this way, where splitting each layer would
/// not repay waking it (LeNet-5's layers are under `Parallelism.serialMultiplyAdds`).
///
/// The cut depends on the batch and the thread count only, and a caller adds the shards'
/// weight gradients in shard order (`GradientAccumulator`), so a step is deterministic; it
/// equals the one-thread step up to the rounding of adding the rows in another grouping.
public struct BatchSplit: Sendable {
  /// The rows of each shard, in order; one shard when the batch is not split.
  public let shards: [Range<Int>]
  public let batch: Int

  /// Fewest rows a shard gets: below it, a thread's share would be too small to repay a
  /// second copy of the weight gradients.
  public static let minimumRows = 4

  /// The most memory the extra copies of the weight gradients may take (every shard's but
  /// the first holds one until the step adds them): larger models (VGG-16's 528 MiB of
  /// weights) have layers big enough to split one by one, and keep that path.
  public static let maximumExtraGradientBytes = 64 << 20

  /// `batch` rows over `threads` threads, each shard getting at least `minimumRows`;
  /// `weightBytes` is the size of the trainable weights (their gradients are copied per shard).
  public init(batch: Int, weightBytes: Int, threads: Int = Parallelism.threadCount) {
    self.batch = batch
    var parts = max(1, min(threads, batch / Self.minimumRows))
    let (extraBytes, overflow) = max(0, weightBytes).multipliedReportingOverflow(by: parts - 1)
    if overflow || extraBytes > Self.maximumExtraGradientBytes { parts = 1 }
    shards = (0..<parts).map { batch * $0 / parts ..< batch * ($0 + 1) / parts }
  }

  /// One shard holding every row.
  public init(unsplit batch: Int) {
    self.batch = batch
    shards = [0..<batch]
  }

  public var isSplit: Bool { shards.count > 1 }

  /// Shard `shard`'s rows of `x` (N, ...); `x` itself when the batch is not split.
  public func rows(_ x: Tensor, shard: Int) -> Tensor {
    isSplit ? x.rows(shards[shard]) : x
  }

  /// The shards' tensors (rows, ...) joined back into one of the whole batch (N, ...).
  public func joined(_ parts: [Tensor]) throws -> Tensor {
    parts.count == 1 ? parts[0] : try Tensor.concatenate(parts, axis: 0)
  }

  /// `body(shard, rows)` for every shard, each on its own thread (the caller's included);
  /// the results in shard order. When shards fail, the first shard's error (in shard order)
  /// is thrown, once every shard has ended.
  ///
  /// `body` runs concurrently with itself, so it may only read what the shards share (the
  /// network, its weights) and write what its own shard owns.
  public func map<T, E: Error>(_ body: (Int, Range<Int>) throws(E) -> T) throws(E) -> [T] {
    if !isSplit { return [try body(0, shards[0])] }
    let slots = ShardSlots<T, E>(count: shards.count)
    withoutActuallyEscaping(body) { body in
      let job = UncheckedJob(body: body, slots: slots, shards: shards)
      WorkerPool.shared.perform(iterations: shards.count, threads: shards.count) { shard in job.run(shard) }
    }
    return try slots.results()
  }
}

/// What one shard returned or threw; each shard writes only its own slot, and the caller reads
/// them after the pool's join.
private final class ShardSlots<T, E: Error>: @unchecked Sendable {
  private var slots: [Result<T, E>?]
  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ shard: Int, _ result: Result<T, E>) {
    slots.withUnsafeMutableBufferPointer { $0[shard] = result }
  }

  func results() throws(E) -> [T] {
    var values: [T] = []
    values.reserveCapacity(slots.count)
    for slot in slots {
      switch slot! {
      case .success(let value): values.append(value)
      case .failure(let error): throw error
      }
    }
    return values
  }
}

/// The shard body handed to the worker threads. `BatchSplit.map` states what makes sharing it
/// sound: the body reads shared state only and writes its own shard's slot.
private struct UncheckedJob<T, E: Error>: @unchecked Sendable {
  let body: (Int, Range<Int>) throws(E) -> T
  let slots: ShardSlots<T, E>
  let shards: [Range<Int>]

  func run(_ shard: Int) {
    do throws(E) {
      slots.set(shard, .success(try body(shard, shards[shard])))
    } catch {
      slots.set(shard, .failure(error))
    }
  }
}
