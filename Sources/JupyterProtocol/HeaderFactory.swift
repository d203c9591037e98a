#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// Makes the headers of outgoing messages: one session id per kernel process (clients detect
/// a restart by its change) and message ids that never repeat, so that `jupyter_client`'s
/// duplicate-signature check never fires. Safe to share between threads.
public final class HeaderFactory: Sendable {
  public let session: String
  public let username: String
  private let idPrefix: String
  private let counter = Atomic<Int>(0)

  public init(session: String = HeaderFactory.randomHex(bytes: 16), username: String = "kernel") {
    self.session = session
    self.username = username
    // A random part of its own keeps ids unique even if a caller reuses a session string.
    self.idPrefix = HeaderFactory.randomHex(bytes: 8) + "_" + String(session.prefix(8)) + "_"
  }

  public func make(_ type: MessageType) -> Header {
    let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
    return Header(
      msgID: idPrefix + String(n), session: session, username: username,
      date: HeaderFactory.now(), msgType: type.rawValue, version: Header.protocolVersion)
  }

  public static func randomHex(bytes: Int) -> String {
    var rng = SystemRandomNumberGenerator()
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes * 2)
    for _ in 0..<bytes {
      let b = UInt8.random(in: 0...255, using: &rng)
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The current UTC time as `2026-11-22T18:10:59.225439Z`: microseconds, never more,
  /// because `jupyter_client`'s date pattern accepts at most six fractional digits.
  public static func now() -> String {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return format(seconds: Int(ts.tv_sec), microseconds: Int(ts.tv_nsec) / 1000)
  }

  public static func format(seconds: Int, microseconds: Int) -> String {
    var t = time_t(seconds)
    var parts = tm()
    gmtime_r(&t, &parts)
    // Written digit by digit into a fixed buffer: this runs for every message sent.
    var out = [UInt8](repeating: 0, count: 27)
    func put(_ value: Int, at offset: Int, width: Int) {
      var v = value
      for i in stride(from: offset + width - 1, through: offset, by: -1) {
        out[i] = UInt8(ascii: "0") + UInt8(v % 10)
        v /= 10
      }
    }
    put(Int(parts.tm_year) + 1900, at: 0, width: 4)
    put(Int(parts.tm_mon) + 1, at: 5, width: 2)
    put(Int(parts.tm_mday), at: 8, width: 2)
    put(Int(parts.tm_hour), at: 11, width: 2)
    put(Int(parts.tm_min), at: 14, width: 2)
    put(Int(parts.tm_sec), at: 17, width: 2)
    put(microseconds, at: 20, width: 6)
    let separators: [(Int, UInt8)] = [
      (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")), (10, UInt8(ascii: "T")), (13, UInt8(ascii: ":")),
      (16, UInt8(ascii: ":")), (19, UInt8(ascii: ".")), (26, UInt8(ascii: "Z")),
    ]
    for (offset, byte) in separators { out[offset] = byte }
    return String(decoding: out, as: UTF8.self)
  }
}
