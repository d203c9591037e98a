import COpenSSL
import Synchronization

/// HMAC-SHA256 message signatures (spec: "The Wire Protocol"): the lowercase hex digest of
/// header ‖ parent_header ‖ metadata ‖ content, over the exact bytes on the wire.
/// An empty key turns signing off: the signature frame is empty and never checked.
public struct MessageSigner: Sendable {
  public let key: [UInt8]
  private let keyed: KeyedHMAC?
  public var isEnabled: Bool { !key.isEmpty }

  public init(key: [UInt8]) {
    _ = openSSLInitialised
    self.key = key
    self.keyed = key.isEmpty ? nil : KeyedHMAC(key: key)
  }

  /// The connection file's `key` is used as its UTF-8 bytes, not hex-decoded.
  public init(key: String) { self.init(key: Array(key.utf8)) }

  /// The hex signature of the four JSON parts, or an empty frame when signing is off.
  public func signature(of parts: [[UInt8]]) -> [UInt8] {
    guard isEnabled else { return [] }
    if let mac = keyed?.mac(parts) { return MessageSigner.hex(mac) }
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

  /// The raw 32-byte HMAC-SHA256 of `message` under `key`, by OpenSSL's one-shot `HMAC`.
  public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
    _ = openSSLInitialised
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

/// OpenSSL set up for the one thing this kernel needs, before its first use: no config file,
/// no error strings, no cipher tables. This saves about 0.6 MB of resident memory, a third of
/// what libcrypto's default initialisation touches. Evaluated once (globals are lazy and
/// thread-safe).
private let openSSLInitialised: Bool = {
  let options =
    UInt64(OPENSSL_INIT_NO_LOAD_CONFIG) | UInt64(OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS)
    | UInt64(OPENSSL_INIT_NO_ADD_ALL_CIPHERS) | UInt64(OPENSSL_INIT_NO_ADD_ALL_DIGESTS)
  return OPENSSL_init_crypto(options, nil) == 1
}()

/// An OpenSSL HMAC context keyed once. Every message is signed on a duplicate of it, which
/// skips the algorithm lookup and key schedule that the one-shot `HMAC` repeats each time
/// (about 4 µs of the 5). `@unchecked Sendable`: the template is only read, by `EVP_MAC_CTX_dup`,
/// and under a lock, so threads never touch it concurrently.
private final class KeyedHMAC: @unchecked Sendable {
  /// An `EVP_MAC_CTX *`. Only ever used inside `template`'s lock, hence sendable.
  private struct Context: @unchecked Sendable { let raw: OpaquePointer }
  private let template: Mutex<Context>

  init?(key: [UInt8]) {
    guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { return nil }
    defer { EVP_MAC_free(mac) }
    guard let ctx = EVP_MAC_CTX_new(mac) else { return nil }
    var digest = Array("SHA256".utf8CString)
    let initialised = digest.withUnsafeMutableBufferPointer { name in
      var params = [OSSL_PARAM_construct_utf8_string("digest", name.baseAddress, 0), OSSL_PARAM_construct_end()]
      return key.withUnsafeBufferPointer { k in EVP_MAC_init(ctx, k.baseAddress, k.count, &params) }
    }
    guard initialised == 1 else {
      EVP_MAC_CTX_free(ctx)
      return nil
    }
    template = Mutex(Context(raw: ctx))
  }

  deinit { template.withLock { EVP_MAC_CTX_free($0.raw) } }

  /// The 32-byte MAC of the concatenated parts, or nil if OpenSSL fails (then the caller
  /// falls back to the one-shot function).
  func mac(_ parts: [[UInt8]]) -> [UInt8]? {
    guard let ctx = template.withLock({ EVP_MAC_CTX_dup($0.raw) }) else { return nil }
    defer { EVP_MAC_CTX_free(ctx) }
    for part in parts {
      let ok = part.withUnsafeBufferPointer { EVP_MAC_update(ctx, $0.baseAddress, $0.count) }
      guard ok == 1 else { return nil }
    }
    var out = [UInt8](repeating: 0, count: 32)
    var length = 0
    let ok = out.withUnsafeMutableBufferPointer { EVP_MAC_final(ctx, $0.baseAddress, &length, 32) }
    return ok == 1 && length == 32 ? out : nil
  }
}
