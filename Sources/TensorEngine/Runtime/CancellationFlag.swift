import Synchronization

/// Set from another thread (Jupyter's control thread, a SIGINT handler) to ask a running
/// computation to stop. The evaluator checks it between statements; long kernels check it
/// between tiles, so a large convolution ends within a tile's time.
public final class CancellationFlag: Sendable {
  private let flag = Atomic<Bool>(false)
  public init() {}
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
  public func cancel() { flag.store(true, ordering: .relaxed) }
  public func reset() { flag.store(false, ordering: .relaxed) }
}
