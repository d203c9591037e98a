import Glibc
import Synchronization

/// The most memory one operation may ask for. Every operation checks its result and
/// workspace against it before allocating, so a learner's `zeros((100000, 100000))` or a
/// huge `Dense` is refused with `TensorError.resourceLimit` instead of taking the machine down.
/// The default is half of physical memory.
public enum MemoryBudget {
  private static let limit = Atomic<Int>(defaultLimitBytes)

  /// Physical memory in bytes, as the kernel reports it.
  public static let physicalMemoryBytes: Int = {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let pageSize = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, pageSize > 0 else { return 8 << 30 }
    return pages * pageSize
  }()

  /// Half of physical memory.
  public static var defaultLimitBytes: Int { physicalMemoryBytes / 2 }

  /// The current limit in bytes; settable from any thread.
  public static var limitBytes: Int {
    get { limit.load(ordering: .relaxed) }
    set { limit.store(max(0, newValue), ordering: .relaxed) }
  }

  /// Throws `resourceLimit` when `elements` floats (plus `extraBytes` of workspace) exceed
  /// the budget. Element counts are multiplied with overflow checks, so an absurd shape is
  /// refused rather than wrapping around to a small number.
  public static func check(operation: String, shape: [Int], extraBytes: Int = 0) throws {
    let (bytes, overflow) = try byteCount(operation: operation, shape: shape).addingReportingOverflow(max(0, extraBytes))
    let limit = limitBytes
    if overflow { throw TensorError.resourceLimit(operation: operation, shape: shape, bytes: Int.max, limit: limit) }
    if bytes > limit {
      throw TensorError.resourceLimit(operation: operation, shape: shape, bytes: bytes, limit: limit)
    }
  }

  /// A dimension made of parts (an input size and its padding), saturated at `Int.max` so
  /// that `check` refuses a result that large by name instead of the sum wrapping around
  /// to a small or negative size.
  public static func dimension(_ parts: Int...) -> Int {
    var total = 0
    for part in parts {
      let (sum, overflow) = total.addingReportingOverflow(part)
      if overflow { return part > 0 ? Int.max : Int.min }
      total = sum
    }
    return total
  }

  /// Bytes of a float32 tensor of `shape`, or `resourceLimit` when the count overflows.
  static func byteCount(operation: String, shape: [Int]) throws -> Int {
    var count = 1
    for dimension in shape {
      if dimension < 0 {
        throw TensorError.invalidArgument(operation: operation, reason: .negativeSize(shape))
      }
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      if overflow { throw TensorError.resourceLimit(operation: operation, shape: shape, bytes: Int.max, limit: limitBytes) }
      count = product
    }
    let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
    if overflow { throw TensorError.resourceLimit(operation: operation, shape: shape, bytes: Int.max, limit: limitBytes) }
    return bytes
  }
}
