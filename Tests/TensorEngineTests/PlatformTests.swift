import Foundation
import TensorEngine
import Testing
import TextAndTime

/// What the engine reads from the system without Foundation, checked against Foundation
/// (which the tests link and the kernel does not).
@Suite struct PlatformTests {
  @Test func coreCountAgreesWithFoundation() {
    #expect(Parallelism.coreCount == ProcessInfo.processInfo.activeProcessorCount)
  }

  @Test func monotonicClockMeasuresASleep() {
    let start = MonotonicClock.nanoseconds()
    let wallStart = Date()
    usleep(50_000)
    let elapsed = MonotonicClock.milliseconds(since: start)
    let wall = Date().timeIntervalSince(wallStart) * 1000
    #expect(elapsed >= 50)
    #expect(abs(elapsed - wall) < 5)
  }
}
