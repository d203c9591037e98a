import JupyterKernel
import JupyterProtocol
import Testing

/// The stop-on-error window decided by the requests' send times (header dates).
@Suite struct AbortWindowTests {
  func failedAt(_ time: Double) -> ExecutionStateMachine {
    var state = ExecutionStateMachine()
    _ = state.beginExecute(silent: false, storeHistory: true, sentAt: time - 1, now: time - 0.5)
    state.finishExecute(failed: true, stopOnError: true, now: time)
    return state
  }

  @Test func requestsSentBeforeTheFailureAreAbortedEvenWhenTheyArriveLate() {
    var state = failedAt(100)
    state.queueDrained()
    #expect(state.beginExecute(silent: false, storeHistory: true, sentAt: 99.9, now: 100.5) == .abort)
    #expect(state.beginExecute(silent: false, storeHistory: true, sentAt: 99.95, now: 100.6) == .abort)
  }

  @Test func aRequestSentAfterTheFailureRunsAndClosesTheWindow() {
    var state = failedAt(100)
    #expect(state.beginExecute(silent: false, storeHistory: true, sentAt: 100.0002, now: 100.001) == .run(count: 2, storeHistory: true))
    #expect(!state.isAborting)
    #expect(state.beginExecute(silent: false, storeHistory: true, sentAt: 99, now: 100.01) == .run(count: 3, storeHistory: true))
  }

  @Test func theWindowExpires() {
    var state = failedAt(100)
    #expect(state.beginExecute(silent: false, storeHistory: true, sentAt: 99, now: 102.5) == .run(count: 2, storeHistory: true))
  }

  @Test func requestsWithoutADateFallBackToTheQueue() {
    var state = failedAt(100)
    #expect(state.beginExecute(silent: false, storeHistory: true, sentAt: nil, now: 100.1) == .abort)
    state.queueDrained()
    #expect(state.beginExecute(silent: false, storeHistory: true, sentAt: nil, now: 100.2) == .run(count: 2, storeHistory: true))
  }

  @Test func headerDatesParse() {
    func seconds(_ date: String) -> Double? {
      Header(msgID: "m", session: "s", username: "u", date: date, msgType: "execute_request", version: "5.3").sentAt
    }
    // 2026-11-22T18:10:59Z is 1795371059 seconds after the epoch (date -u -d ... +%s).
    #expect(seconds("2026-11-22T18:10:59Z") == 1_795_371_059)
    #expect(seconds("2026-11-22T18:10:59.25Z") == 1_795_371_059.25)
    #expect(seconds("2026-11-23T03:10:59+09:00") == 1_795_371_059)
    #expect(seconds("2026-11-22T18:10:59.5") == 1_795_371_059.5)
    #expect(seconds("") == nil)
    #expect(seconds("yesterday") == nil)
    #expect(seconds("2026-13-22T18:10:59Z") == nil)
  }
}
