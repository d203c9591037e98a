#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Header {
  /// When the sender stamped the message, in seconds since 1970 (UTC), or nil when `date` is
  /// missing or not ISO-8601 (`2026-11-22T18:10:59.225439Z`, or with an offset like `+09:00`).
  public var sentAt: Double? { Header.seconds(fromISO8601: date) }

  static func seconds(fromISO8601 text: String) -> Double? {
    let b = Array(text.utf8)
    func number(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= b.count else { return nil }
      var value = 0
      for i in start..<start + count {
        guard (48...57).contains(b[i]) else { return nil }
        value = value * 10 + Int(b[i] - 48)
      }
      return value
    }
    guard b.count >= 19, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < b.count, b[index] == UInt8(ascii: ".") {
      var scale = 0.1
      index += 1
      while index < b.count, (48...57).contains(b[index]) {
        fraction += Double(b[index] - 48) * scale
        scale /= 10
        index += 1
      }
    }
    var offset = 0
    if index < b.count {
      switch b[index] {
      case UInt8(ascii: "Z"): index += 1
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        let sign = b[index] == UInt8(ascii: "+") ? 1 : -1
        guard let h = number(index + 1, 2) else { return nil }
        let colon = index + 3 < b.count && b[index + 3] == UInt8(ascii: ":")
        guard let m = number(index + (colon ? 4 : 3), 2) else { return nil }
        offset = sign * (h * 3600 + m * 60)
        index += colon ? 6 : 5
      default: return nil
      }
    }
    guard index == b.count else { return nil }
    var parts = tm()
    parts.tm_year = Int32(year - 1900)
    parts.tm_mon = Int32(month - 1)
    parts.tm_mday = Int32(day)
    parts.tm_hour = Int32(hour)
    parts.tm_min = Int32(minute)
    parts.tm_sec = Int32(second)
    return Double(timegm(&parts) - offset) + fraction
  }
}

extension HeaderFactory {
  /// The current time in seconds since 1970, on the same clock that stamps our headers.
  public static func currentTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
