import Glibc
import TensorEngine
import Testing
import TextAndTime

/// The budget counts what the process already holds, not each request alone. These tests
/// leave the limit as it is (other suites run beside them) and ask relative to it.
@Suite struct SessionBudgetTests {
  @Test func heldBytesSeeAnArrayComeAndGo() {
    // Other suites allocate and free meanwhile (the interrupt suites grow lists of hundreds
    // of megabytes for a few seconds), so a loose band around 256 MiB is asserted, and any
    // try may show it; tries go on, 50 ms apart, for up to 20 seconds.
    var growths: [Int] = []
    let start = MonotonicClock.nanoseconds()
    while MonotonicClock.nanoseconds() &- start < 20_000_000_000 {
      let before = MemoryBudget.heldBytes()
      let block = [Float](repeating: 1, count: 64 << 20)  // 256 MiB
      growths.append(MemoryBudget.heldBytes() - before)
      #expect(block.count == 64 << 20)
      if let last = growths.last, last > 224 << 20 && last < 320 << 20 { return }
      usleep(50_000)
    }
    Issue.record("held bytes grew by \(growths) for 256 MiB")
  }

  @Test func aRequestThatFitsAloneButNotBesideWhatIsHeldIsRefused() throws {
    let limit = MemoryBudget.limitBytes
    let held = MemoryBudget.heldBytes()
    try #require(held < limit / 2)
    // Alone it is within the limit; with what the process holds it is not.
    let request = limit - held / 2
    #expect {
      try MemoryBudget.check(operation: "Qop", bytes: request)
    } throws: { error in
      guard case .memoryHeld(let operation, let bytes, let heldNow, let limitNow) = error as? TensorError else { return false }
      return operation == "Qop" && bytes == request && heldNow + bytes > limitNow && limitNow == limit
    }
    try MemoryBudget.check(operation: "Qop", bytes: 1024)
  }

  @Test func limitsReadFromTheEnvironment() {
    #expect(MemoryBudget.parseSize("2G") == 2 << 30)
    #expect(MemoryBudget.parseSize("512m") == 512 << 20)
    #expect(MemoryBudget.parseSize("64K") == 64 << 10)
    #expect(MemoryBudget.parseSize("1000") == 1000)
    for bad in ["", "G", "-1G", "0", "1.5G", "12T", "99999999999G"] { #expect(MemoryBudget.parseSize(bad) == nil, "\(bad)") }
  }
}
