/// The CRC-32 of ISO 3309 (zip, gzip, PNG) computed bit by bit from its definition (the
/// reflected polynomial 0xEDB88320, no table), for tests that build or check files without the
/// code under test.
public func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
  var crc: UInt32 = 0xFFFF_FFFF
  for byte in bytes {
    crc ^= UInt32(byte)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
  }
  return ~crc
}
