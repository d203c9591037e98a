/// The execution counter and the stop-on-error window. Mutating methods return what to do;
/// the dispatcher does it, so the rules are testable without messages.
///
/// Counting follows the spec: only executes that store history advance the counter, and one
/// that does not reports the current value. After a cell fails with `stop_on_error`, every
/// execute already queued is aborted, until the host reports the queue empty.
public struct ExecutionStateMachine: Sendable, Equatable {
  public private(set) var executionCount = 0
  public private(set) var isAborting = false

  public init() {}

  /// What to do with one `execute_request`.
  public enum ExecuteAction: Sendable, Equatable {
    /// Run it under `count`; `storeHistory` is already false for silent cells.
    case run(count: Int, storeHistory: Bool)
    /// A previous cell failed: answer with an error without running it.
    case abort(count: Int)
  }

  public mutating func beginExecute(silent: Bool, storeHistory: Bool) -> ExecuteAction {
    if isAborting { return .abort(count: executionCount) }
    let stores = storeHistory && !silent
    if stores { executionCount += 1 }
    return .run(count: executionCount, storeHistory: stores)
  }

  public mutating func finishExecute(failed: Bool, stopOnError: Bool) {
    if failed && stopOnError { isAborting = true }
  }

  /// The host has no request waiting: the abort window closes, and later cells run again.
  public mutating func queueDrained() {
    isAborting = false
  }
}
