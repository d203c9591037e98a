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
    // Works on the contiguous UTF-8 bytes: a base64 PNG is tens of kilobytes, none of which
    // needs an escape, and is then copied in one go.
    s.withUTF8 { utf8 in
      bytes.append(UInt8(ascii: "\""))
      var clean = 0
      for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<i]))
        appendEscape(byte)
        clean = i + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
      bytes.append(UInt8(ascii: "\""))
    }
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
