import COpenSSL

/// HMAC-SHA256 message signatures (spec: "The Wire Protocol"): the lowercase hex digest of
/// header ‖ parent_header ‖ metadata ‖ content, over the exact bytes on the wire.
/// An empty key turns signing off: the signature frame is empty and never checked.
public struct MessageSigner: Sendable {
  public let key: [UInt8]
  private let keyed: KeyedHMAC?
  public var isEnabled: Bool { !key.isEmpty }

  public init(key: [UInt8]) {
    self.key = key
    self.keyed = key.isEmpty ? nil : KeyedHMAC(key: key)
  }

  /// The connection file's `key` is used as its UTF-8 bytes, not hex-decoded.
  public init(key: String) { self.init(key: Array(key.utf8)) }

  /// The hex signature of the four JSON parts, or an empty frame when signing is off.
  public func signature(of parts: [[UInt8]]) -> [UInt8] {
    guard let keyed else { return [] }
    return MessageSigner.hex(keyed.mac(parts))
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
    KeyedHMAC(key: key).mac([message])
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

/// HMAC-SHA256 (RFC 2104) on OpenSSL's SHA-256: the key's inner and outer pads are hashed
/// once, and every message starts from copies of those two states (plain structs, so a copy
/// allocates nothing). OpenSSL's own HMAC goes through its EVP provider machinery, whose code
/// and tables cost every kernel about 1.3 MiB of resident memory; the SHA-256 functions reach
/// the same assembly block function (SHA extensions where the processor has them) directly.
private struct KeyedHMAC: Sendable {
  private let inner: SHA256_CTX
  private let outer: SHA256_CTX

  init(key: [UInt8]) {
    // A key longer than the 64-byte block is replaced by its hash; shorter ones are padded.
    var block = key.count > 64 ? KeyedHMAC.sha256([key]) : key
    block += [UInt8](repeating: 0, count: 64 - block.count)
    var inner = SHA256_CTX()
    var outer = SHA256_CTX()
    SHA256_Init(&inner)
    SHA256_Init(&outer)
    SHA256_Update(&inner, block.map { $0 ^ 0x36 }, 64)
    SHA256_Update(&outer, block.map { $0 ^ 0x5C }, 64)
    (self.inner, self.outer) = (inner, outer)
  }

  /// The 32-byte MAC of the concatenated parts.
  func mac(_ parts: [[UInt8]]) -> [UInt8] {
    var context = inner
    for part in parts {
      part.withUnsafeBytes { _ = SHA256_Update(&context, $0.baseAddress, $0.count) }
    }
    var digest = [UInt8](repeating: 0, count: 32)
    SHA256_Final(&digest, &context)
    context = outer
    SHA256_Update(&context, digest, 32)
    SHA256_Final(&digest, &context)
    return digest
  }

  static func sha256(_ parts: [[UInt8]]) -> [UInt8] {
    var context = SHA256_CTX()
    SHA256_Init(&context)
    for part in parts {
      part.withUnsafeBytes { _ = SHA256_Update(&context, $0.baseAddress, $0.count) }
    }
    var digest = [UInt8](repeating: 0, count: 32)
    SHA256_Final(&digest, &context)
    return digest
  }
}
