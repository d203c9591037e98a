import Glibc
import Synchronization

/// How many threads the engine's kernels split their work over (default: every core).
/// BLAS itself runs single-threaded: the engine hands each thread its own tiles, so that each
/// im2col panel is built and consumed on one core while it is still in that core's cache.
public enum Parallelism {
  private static let threads = Atomic<Int>(coreCount)

  /// The cores online, as Foundation's `activeProcessorCount` counts them (a test checks that
  /// they agree).
  public static let coreCount: Int = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

  public static var threadCount: Int {
    get { threads.load(ordering: .relaxed) }
    set { threads.store(max(1, newValue), ordering: .relaxed) }
  }

  private static let serialMACs = Atomic<Int>(1 << 21)

  /// Below this many multiply-adds per thread an operation stays on the calling thread:
  /// waking a second core and waiting for it costs 10–20 µs, more than it saves on a
  /// LeNet-sized layer (a convolution of 2 M multiply-adds takes about 40 µs on one core).
  public static var serialMultiplyAdds: Int {
    get { serialMACs.load(ordering: .relaxed) }
    set { serialMACs.store(max(0, newValue), ordering: .relaxed) }
  }

  /// The same for work that only moves or compares values (pooling, copies, activations):
  /// 64 Ki values take about 10 µs on one core.
  static let serialValues = 1 << 16

  /// The fewest items a thread should get when each item costs `workPerItem` and a thread is
  /// worth waking only for `threshold` of work: with `forEachRange`, small jobs stay serial.
  static func grain(workPerItem: Int, threshold: Int, atLeast minimum: Int = 1) -> Int {
    max(minimum, threshold / max(1, workPerItem))
  }

  /// Runs `body` over `0 ..< count` cut into one contiguous range per thread, with no thread
  /// getting fewer than `grain` items (small jobs stay on the calling thread).
  static func forEachRange(_ count: Int, grain: Int = 1, _ body: @Sendable (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let parts = min(threadCount, max(1, count / max(grain, 1)))
    if parts == 1 {
      body(0..<count)
      return
    }
    WorkerPool.shared.perform(iterations: parts, threads: parts) { part in
      body(count * part / parts ..< count * (part + 1) / parts)
    }
  }

  /// Runs `body(worker, workers)` once per worker thread; the worker strides over its items.
  static func forEachWorker(maximum: Int, _ body: @Sendable (Int, Int) -> Void) {
    let workers = max(1, min(threadCount, maximum))
    if workers == 1 {
      body(0, 1)
      return
    }
    WorkerPool.shared.perform(iterations: workers, threads: workers) { worker in body(worker, workers) }
  }

  /// Runs `body(i)` for every `i` in `0 ..< iterations` over the engine's threads, each thread
  /// taking the next undone iteration (uneven pieces balance themselves).
  public static func perform(iterations: Int, _ body: @Sendable (Int) -> Void) {
    WorkerPool.shared.perform(iterations: iterations, threads: threadCount, body)
  }
}

/// A raw pointer handed to worker threads. Each worker writes a disjoint part, which is what
/// makes sharing it sound; the type only tells the compiler so.
struct SharedPointer: @unchecked Sendable {
  let base: UnsafeMutablePointer<Float>
  init(_ base: UnsafeMutablePointer<Float>) { self.base = base }
  init(_ base: UnsafePointer<Float>) { self.base = UnsafeMutablePointer(mutating: base) }
}
