import CZlib

/// The two checksums a PNG file carries: CRC-32 on every chunk and Adler-32 at the end of
/// the zlib stream. Both come from zlib, which has table-driven (and SIMD) versions.
public enum Checksum {
  /// CRC-32 (ISO 3309, the polynomial PNG and gzip use), optionally continuing `initial`.
  public static func crc32(_ bytes: [UInt8], continuing initial: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBufferPointer { crc32(UnsafeRawBufferPointer($0), continuing: initial) }
  }

  static func crc32(_ bytes: UnsafeRawBufferPointer, continuing initial: UInt32 = 0) -> UInt32 {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return initial }
    let start = base.assumingMemoryBound(to: UInt8.self)
    return UInt32(truncatingIfNeeded: CZlib.crc32_z(UInt(initial), start, bytes.count))
  }

  /// Adler-32 (RFC 1950), optionally continuing `initial` (a fresh checksum starts at 1).
  public static func adler32(_ bytes: [UInt8], continuing initial: UInt32 = 1) -> UInt32 {
    bytes.withUnsafeBufferPointer { adler32(UnsafeRawBufferPointer($0), continuing: initial) }
  }

  static func adler32(_ bytes: UnsafeRawBufferPointer, continuing initial: UInt32 = 1) -> UInt32 {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return initial }
    let start = base.assumingMemoryBound(to: UInt8.self)
    return UInt32(truncatingIfNeeded: CZlib.adler32_z(UInt(initial), start, bytes.count))
  }
}
