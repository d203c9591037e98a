import COpenSSL

/// HMAC-SHA256 message signatures (spec: "The Wire Protocol"): the lowercase hex digest of
/// header ‖ parent_header ‖ metadata ‖ content, over the exact bytes on the wire.
/// An empty key turns signing off: the signature frame is empty and never checked.
public struct MessageSigner: Sendable {
  public let key: [UInt8]
  public var isEnabled: Bool { !key.isEmpty }

  public init(key: [UInt8]) { self.key = key }
  /// The connection file's `key` is used as its UTF-8 bytes, not hex-decoded.
  public init(key: String) { self.key = Array(key.utf8) }

  /// The hex signature of the four JSON parts, or an empty frame when signing is off.
  public func signature(of parts: [[UInt8]]) -> [UInt8] {
    guard isEnabled else { return [] }
    var joined: [UInt8] = []
    joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { joined.append(contentsOf: part) }
    return MessageSigner.hex(MessageSigner.hmacSHA256(key: key, message: joined))
  }

  /// Constant-time check of a received signature; always true when signing is off.
  public func verify(signature: [UInt8], parts: [[UInt8]]) -> Bool {
    guard isEnabled else { return true }
    let expected = self.signature(of: parts)
    guard signature.count == expected.count else { return false }
    return signature.withUnsafeBytes { a in
      expected.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0 }
    }
  }

  /// The raw 32-byte HMAC-SHA256 of `message` under `key`.
  public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    key.withUnsafeBufferPointer { k in
      message.withUnsafeBufferPointer { m in
        out.withUnsafeMutableBufferPointer { o in
          _ = HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), m.baseAddress, m.count, o.baseAddress, &length)
        }
      }
    }
    return Array(out.prefix(Int(length)))
  }

  public static func hex(_ bytes: [UInt8]) -> [UInt8] {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0xF)])
    }
    return out
  }
}
