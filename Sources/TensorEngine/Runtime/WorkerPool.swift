import Glibc
import Synchronization
import TextAndTime

/// The engine's worker threads, doing what `DispatchQueue.concurrentPerform` did: run
/// iterations `0 ..< n` on the calling thread and the workers, and return when all are done.
/// libdispatch is not linked because its Swift overlay brings the concurrency and
/// string-processing runtimes with it, about 2 MiB of resident memory in every kernel. The
/// workers start on the first parallel call, so a kernel that computes nothing big has none.
///
/// One job runs at a time. A call made while a job runs (from inside a job's body, or from a
/// second thread) runs its iterations serially on its own thread instead of waiting.
final class WorkerPool: @unchecked Sendable {
  static let shared = WorkerPool()

  // The job. The caller writes these before opening the job (a sequentially consistent
  // store); a worker reads them only after it has seen the job open.
  private var body: (@Sendable (Int) -> Void)?
  private var iterations = 0
  private var helpers = 0

  private let next = Atomic<Int>(0)
  private let open = Atomic<Bool>(false)
  /// Workers inside the current job. A worker counts itself in before it looks at `open`, and
  /// the caller closes the job before it waits for this to reach zero, so no worker can still
  /// be running the body when the caller returns.
  private let joined = Atomic<Int>(0)
  private let generation = Atomic<Int>(0)
  private let busy = Atomic<Bool>(false)
  /// Only touched by the thread holding `busy`.
  private var workerCount = 0

  private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  /// How long a thread polls before it sleeps: long enough to catch a partner that finishes
  /// at about the same time, and the next job of a training step (a split step opens two
  /// jobs, tens of microseconds apart), without a sleep and a wake-up; short enough to cost
  /// little when other processes want the cores (`docs/benchmarks.md` has the trade-off's
  /// figures).
  private static let spinNanoseconds: UInt64 = 20_000

  private init() {
    pthread_mutex_init(lock, nil)
    pthread_cond_init(wake, nil)
    pthread_cond_init(finished, nil)
  }

  /// Runs `body(i)` for every `i` in `0 ..< iterations`, on at most `threads` threads
  /// (the caller's included), each taking the next undone iteration.
  func perform(iterations count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
    let helpers = min(threads, count) - 1
    guard helpers > 0, busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
      for i in 0..<count { body(i) }
      return
    }
    defer { busy.store(false, ordering: .releasing) }
    while workerCount < helpers {
      guard startWorker(index: workerCount) else { break }
      workerCount += 1
    }
    withoutActuallyEscaping(body) { body in
      self.body = body
      self.iterations = count
      self.helpers = helpers
      next.store(0, ordering: .relaxed)
      open.store(true, ordering: .sequentiallyConsistent)
      generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
      pthread_mutex_lock(lock)
      pthread_cond_broadcast(wake)
      pthread_mutex_unlock(lock)

      runIterations(body, count: count)

      open.store(false, ordering: .sequentiallyConsistent)
      if !spin(until: { joined.load(ordering: .sequentiallyConsistent) == 0 }) {
        pthread_mutex_lock(lock)
        while joined.load(ordering: .sequentiallyConsistent) != 0 { pthread_cond_wait(finished, lock) }
        pthread_mutex_unlock(lock)
      }
      self.body = nil
    }
  }

  private func runIterations(_ body: @Sendable (Int) -> Void, count: Int) {
    while true {
      let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
      if i >= count { return }
      body(i)
    }
  }

  /// Polls `done` for up to `spinNanoseconds`; true if it became true.
  private func spin(until done: () -> Bool) -> Bool {
    let start = MonotonicClock.nanoseconds()
    while true {
      for _ in 0..<64 where done() { return true }
      if MonotonicClock.nanoseconds() &- start > Self.spinNanoseconds { return done() }
    }
  }

  private func workerLoop(index: Int) {
    var seen = generation.load(ordering: .sequentiallyConsistent)
    while true {
      if !spin(until: { generation.load(ordering: .sequentiallyConsistent) != seen }) {
        pthread_mutex_lock(lock)
        while generation.load(ordering: .sequentiallyConsistent) == seen { pthread_cond_wait(wake, lock) }
        pthread_mutex_unlock(lock)
      }
      seen = generation.load(ordering: .sequentiallyConsistent)
      joined.wrappingAdd(1, ordering: .sequentiallyConsistent)
      // A worker that wakes late may find the next job already open; it then helps with that
      // one, which is as sound: it counted itself in before looking.
      if open.load(ordering: .sequentiallyConsistent), index < helpers, let body {
        runIterations(body, count: iterations)
      }
      if joined.wrappingSubtract(1, ordering: .sequentiallyConsistent).newValue == 0 {
        pthread_mutex_lock(lock)
        pthread_cond_signal(finished)
        pthread_mutex_unlock(lock)
      }
    }
  }

  private final class Start {
    let pool: WorkerPool
    let index: Int
    init(pool: WorkerPool, index: Int) { (self.pool, self.index) = (pool, index) }
  }

  /// A detached thread with the default stack; false if the system refuses one (the job
  /// then runs on fewer threads).
  private func startWorker(index: Int) -> Bool {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(Start(pool: self, index: index)).toOpaque()
    var thread = pthread_t()
    let rc = pthread_create(
      &thread, &attributes,
      { raw in
        guard let raw else { return nil }
        let start = Unmanaged<Start>.fromOpaque(raw).takeRetainedValue()
        start.pool.workerLoop(index: start.index)
        return nil
      }, context)
    if rc != 0 { Unmanaged<Start>.fromOpaque(context).release() }
    return rc == 0
  }
}
