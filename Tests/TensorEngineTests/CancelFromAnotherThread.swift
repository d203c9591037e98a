import Foundation
import TensorEngine

/// Raises a fresh flag from another thread after `delay` seconds while `operation` runs back
/// to back with it, and says how the calls ended: "cancelled", "failed: …", or "never
/// cancelled". Repeating until the flag is seen means a loaded machine cannot make a test pass
/// or fail by timing alone; `attempts` only keeps a broken flag from hanging it.
func outcomeOfCancelling(
  after delay: TimeInterval, attempts: Int, _ operation: (CancellationFlag) throws -> Void
) -> String {
  let flag = CancellationFlag()
  let canceller = Thread {
    Thread.sleep(forTimeInterval: delay)
    flag.cancel()
  }
  canceller.start()
  for _ in 0..<attempts {
    do {
      try operation(flag)
    } catch TensorError.cancelled {
      return "cancelled"
    } catch {
      return "failed: \(error)"
    }
  }
  return "never cancelled"
}
