/// The execution counter and the stop-on-error window. Mutating methods return what to do;
/// the dispatcher does it, so the rules are testable without messages.
///
/// Counting follows the spec: only executes that store history advance the counter, and one
/// that does not reports the current value.
///
/// After a cell fails with `stop_on_error`, the rest of a "Run All" is aborted: every execute
/// the client sent before it could have seen the failure. The client's header `date` says
/// when a request was sent, so a request stamped before the failure is aborted even if the
/// network delivers it a little later (JupyterLab's requests trickle in through the server),
/// while a cell sent after the error reply runs however soon it arrives (ipykernel#609).
/// Requests without a readable date fall back to ipykernel's rule: aborted while queued.
public struct ExecutionStateMachine: Sendable, Equatable {
  public private(set) var executionCount = 0
  /// When the failing cell ended, while the abort window is open.
  public private(set) var failedAt: Double?
  private var drainedSinceFailure = false

  /// A "Run All" reaches the kernel well within this; afterwards nothing is aborted.
  public static let abortWindowSeconds = 2.0
  /// Dates carry whole microseconds: this absorbs their rounding, nothing more, since a
  /// client cannot answer our error reply within a microsecond of the failure.
  public static let clockTolerance = 0.000_001

  public init() {}

  public var isAborting: Bool { failedAt != nil }

  /// What to do with one `execute_request`.
  public enum ExecuteAction: Sendable, Equatable {
    /// Run it under `count`; `storeHistory` is already false for silent cells.
    case run(count: Int, storeHistory: Bool)
    /// A previous cell failed: answer `aborted` without running it.
    case abort
  }

  /// `sentAt` is the request's header date and `now` the current time, both in seconds.
  public mutating func beginExecute(silent: Bool, storeHistory: Bool, sentAt: Double? = nil, now: Double = 0)
    -> ExecuteAction
  {
    if let failure = failedAt {
      let expired = now - failure > Self.abortWindowSeconds
      let sentAfter = sentAt.map { $0 >= failure - Self.clockTolerance }
      if expired || sentAfter == true || (sentAfter == nil && drainedSinceFailure) {
        failedAt = nil
      } else {
        return .abort
      }
    }
    let stores = storeHistory && !silent
    if stores { executionCount += 1 }
    return .run(count: executionCount, storeHistory: stores)
  }

  public mutating func finishExecute(failed: Bool, stopOnError: Bool, now: Double = 0) {
    if failed && stopOnError {
      failedAt = now
      drainedSinceFailure = false
    }
  }

  /// The host has no request waiting: a later request without a date is new work.
  public mutating func queueDrained() {
    if failedAt != nil { drainedSinceFailure = true }
  }
}
