import CMalloc
import Glibc
import Synchronization

/// The memory one session may hold. Every operation checks its result and workspace against
/// it before allocating, so a learner's `zeros((100000, 100000))` or a huge `Dense` is refused
/// with `TensorError.resourceLimit` instead of taking the machine down; and what the session
/// already holds counts too (`TensorError.memoryHeld`), so three tensors that each fit cannot
/// together take more than the limit. The default is half of physical memory, or
/// `CNNLAB_MEMORY_LIMIT` (bytes, or with a K, M or G suffix) when set.
public enum MemoryBudget {
  private static let limit = Atomic<Int>(configuredLimitBytes)
  /// malloc's bytes in use when last read, plus every request checked since: an upper bound
  /// of what is held (frees are not seen), so that reading malloc's statistics, which takes
  /// its locks, happens only when the bound nears the limit or every `readingInterval`.
  private static let heldAtReading = Atomic<Int>(0)
  private static let requestedSinceReading = Atomic<Int>(Int.max / 4)

  /// Physical memory in bytes, as the kernel reports it.
  public static let physicalMemoryBytes: Int = {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let pageSize = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, pageSize > 0 else { return 8 << 30 }
    return pages * pageSize
  }()

  /// Half of physical memory.
  public static var defaultLimitBytes: Int { physicalMemoryBytes / 2 }

  /// `CNNLAB_MEMORY_LIMIT` when it reads as a size (`2G`, `512M`, `1073741824`), else the default.
  static var configuredLimitBytes: Int {
    guard let raw = getenv("CNNLAB_MEMORY_LIMIT"), let bytes = parseSize(String(cString: raw)) else {
      return defaultLimitBytes
    }
    return bytes
  }

  /// `2G`, `512M`, `64K` or a number of bytes; nil for anything else.
  public static func parseSize(_ text: String) -> Int? {
    var digits = Substring(text)
    var scale = 1
    if let unit = digits.last?.uppercased(), let shift = ["K": 10, "M": 20, "G": 30][unit] {
      scale = 1 << shift
      digits = digits.dropLast()
    }
    guard let value = Int(digits), value > 0 else { return nil }
    let (bytes, overflow) = value.multipliedReportingOverflow(by: scale)
    return overflow ? nil : bytes
  }

  /// The bytes this process holds now: what malloc has handed out and not had back, which
  /// is every tensor, list, string, dictionary and picture of the session.
  public static func heldBytes() -> Int {
    let info = mallinfo2()
    return Int(info.uordblks) + Int(info.hblkhd)
  }

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
    try checkHeld(operation: operation, bytes: bytes, limit: limit)
  }

  /// Throws `resourceLimit` when a value of `bytes` bytes is more than the budget, and
  /// `memoryHeld` when it is more than what the session has left: for the language's own
  /// values (strings, lists), which have no shape.
  public static func check(operation: String, bytes: Int) throws {
    let limit = limitBytes
    if bytes > limit { throw TensorError.resourceLimit(operation: operation, shape: [], bytes: bytes, limit: limit) }
    try checkHeld(operation: operation, bytes: max(0, bytes), limit: limit)
  }

  /// Requests smaller than this between two readings of malloc's statistics are trusted.
  private static var readingInterval: Int { max(1 << 20, limitBytes / 64) }

  private static func checkHeld(operation: String, bytes: Int, limit: Int) throws {
    let since = requestedSinceReading.wrappingAdd(bytes, ordering: .relaxed).newValue
    let bound = heldAtReading.load(ordering: .relaxed) &+ since
    guard since >= readingInterval || bound > limit || since < 0 else { return }
    let held = heldBytes()
    heldAtReading.store(held, ordering: .relaxed)
    requestedSinceReading.store(bytes, ordering: .relaxed)
    if held > limit - bytes {
      throw TensorError.memoryHeld(operation: operation, bytes: bytes, held: held, limit: limit)
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
