import Glibc

/// The monotonic clock, for deadlines and timings. Foundation's `Date` is not linked, and
/// wall-clock time would jump with the system clock in the middle of a `sleep` or a benchmark.
public enum MonotonicClock {
  public static func nanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }

  public static func seconds() -> Double { Double(nanoseconds()) / 1e9 }

  /// Milliseconds since `start`, a value of `nanoseconds()`.
  public static func milliseconds(since start: UInt64) -> Double { Double(nanoseconds() &- start) / 1e6 }
}
