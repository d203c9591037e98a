/// A minimal JSON writer for the few hot, fixed-shape objects (headers, empty dicts) where
/// `JSONEncoder`'s generality costs more than the message itself.
public struct JSONWriter {
  public private(set) var bytes: [UInt8] = []
  private var needsComma = false

  public init() { bytes.reserveCapacity(192) }

  public mutating func beginObject() {
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  public mutating func member(_ key: String, _ value: String) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    appendString(key)
    bytes.append(UInt8(ascii: ":"))
    appendString(value)
    needsComma = true
  }

  public mutating func appendByte(_ byte: UInt8) { bytes.append(byte) }

  /// Appends text that is already JSON (a number, `true`, `null`).
  public mutating func appendRaw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// Appends `s` as a quoted JSON string, escaping what RFC 8259 requires and nothing else.
  public mutating func appendString(_ s: String) {
    var s = s
    bytes.append(UInt8(ascii: "\""))
    s.withUTF8 { utf8 in
      guard let base = utf8.baseAddress else { return }
      let count = utf8.count
      var clean = 0
      var i = 0
      while i < count {
        // A base64 PNG is tens of kilobytes without a single byte to escape: skip clean
        // 8-byte words at once.
        if count - i >= 8, !JSONWriter.wordNeedsEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
          i += 8
          continue
        }
        let byte = base[i]
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
          bytes.append(contentsOf: UnsafeBufferPointer(start: base + clean, count: i - clean))
          appendEscape(byte)
          clean = i + 1
        }
        i += 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(start: base + clean, count: count - clean))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether any of the 8 bytes is below 0x20, a quote or a backslash, by the usual
  /// "has a zero byte" bit trick (exact as a yes/no answer).
  private static func wordNeedsEscape(_ x: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
    let below20 = (x &- ones &* 0x20) & ~x & highs != 0
    return below20 || hasZeroByte(x ^ (ones &* 0x22)) || hasZeroByte(x ^ (ones &* 0x5C))
  }

  private mutating func appendEscape(_ byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
    case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
    case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
    default:
      let hex = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
    }
  }
}
