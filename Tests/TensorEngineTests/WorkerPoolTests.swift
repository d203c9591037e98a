import Synchronization
import TensorEngine
import Testing
import TextAndTime

/// The engine's own worker threads (they replace libdispatch's concurrentPerform).
@Suite struct WorkerPoolTests {
  /// Counts how often each iteration ran.
  final class Tally: Sendable {
    let counts: Mutex<[Int]>
    init(_ n: Int) { counts = Mutex(Array(repeating: 0, count: n)) }
    func hit(_ i: Int) { counts.withLock { $0[i] += 1 } }
    var all: [Int] { counts.withLock { $0 } }
  }

  @Test(arguments: [0, 1, 2, 3, 7, 64, 1000])
  func everyIterationRunsExactlyOnce(iterations: Int) {
    for _ in 0..<50 {
      let tally = Tally(iterations)
      Parallelism.perform(iterations: iterations) { tally.hit($0) }
      #expect(tally.all == Array(repeating: 1, count: iterations))
    }
  }

  /// A parallel call from inside a job must not wait for the pool it is running on.
  @Test func nestedCallsRunAndFinish() {
    let tally = Tally(8 * 5)
    Parallelism.perform(iterations: 8) { outer in
      Parallelism.perform(iterations: 5) { inner in tally.hit(outer * 5 + inner) }
    }
    #expect(tally.all == Array(repeating: 1, count: 40))
  }

  /// Two threads asking at once: one gets the pool, the other runs its own iterations.
  @Test func concurrentCallersBothFinish() async {
    let first = Tally(300), second = Tally(300)
    await withTaskGroup(of: Void.self) { group in
      group.addTask { for _ in 0..<100 { Parallelism.perform(iterations: 3) { first.hit($0 * 100) } } }
      group.addTask { for _ in 0..<100 { Parallelism.perform(iterations: 3) { second.hit($0 * 100 + 1) } } }
    }
    #expect(first.all.reduce(0, +) == 300)
    #expect(second.all.reduce(0, +) == 300)
    #expect([0, 100, 200].allSatisfy { first.all[$0] == 100 && second.all[$0 + 1] == 100 })
  }

  /// The work is really shared: two iterations that each wait for the other to start can
  /// both see it only if they run at the same time (run one after the other, the first
  /// gives up after its wait). Other tests may hold the pool at that moment, which makes the
  /// call run serially, so a few tries are allowed.
  @Test func iterationsRunOnTwoThreadsAtOnce() {
    guard Parallelism.threadCount >= 2 else { return }
    var best = 0
    for _ in 0..<50 where best < 2 {
      let started = Atomic<Int>(0)
      let sawTheOther = Atomic<Int>(0)
      Parallelism.perform(iterations: 2) { _ in
        started.wrappingAdd(1, ordering: .sequentiallyConsistent)
        let deadline = MonotonicClock.nanoseconds() + 100_000_000
        while MonotonicClock.nanoseconds() < deadline {
          if started.load(ordering: .sequentiallyConsistent) == 2 {
            sawTheOther.wrappingAdd(1, ordering: .relaxed)
            return
          }
        }
      }
      best = max(best, sawTheOther.load(ordering: .relaxed))
    }
    #expect(best == 2)
  }
}
