import CZlib

/// Writes a zip archive of stored (uncompressed) files: local headers, the data, the central
/// directory and its end record, as APPNOTE.TXT lays them out. No Zip64, so the archive must
/// stay under 4 GiB and 65535 files.
enum ZipWriter {
  /// 1980-01-01 00:00 in MS-DOS form, the earliest date zip can record.
  static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

  static func storedArchive(_ files: [(name: String, data: [UInt8])]) -> [UInt8]? {
    guard files.count < 0xFFFF else { return nil }
    var out: [UInt8] = []
    var directory: [UInt8] = []
    for file in files {
      let name = Array(file.name.utf8)
      let offset = out.count
      let crc = file.data.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: crc32_z(0, $0.baseAddress, $0.count)) }
      guard file.data.count < 0xFFFF_FFFF, offset < 0xFFFF_FFFF, name.count <= 0xFFFF else { return nil }
      // Bit 11 says the name is UTF-8.
      let flags: UInt16 = name.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11
      var local: [UInt8] = []
      local.le32(0x0403_4B50)
      local.le16(20)  // version needed: 2.0
      local.le16(flags)
      local.le16(0)  // stored
      local.le16(0)  // time
      local.le16(dosDate)
      local.le32(crc)
      local.le32(UInt32(file.data.count))
      local.le32(UInt32(file.data.count))
      local.le16(UInt16(name.count))
      local.le16(0)  // no extra field
      out += local + name
      out += file.data

      directory.le32(0x0201_4B50)
      directory.le16(20)  // made by: 2.0
      directory.le16(20)
      directory.le16(flags)
      directory.le16(0)
      directory.le16(0)
      directory.le16(dosDate)
      directory.le32(crc)
      directory.le32(UInt32(file.data.count))
      directory.le32(UInt32(file.data.count))
      directory.le16(UInt16(name.count))
      directory.le16(0)  // extra
      directory.le16(0)  // comment
      directory.le16(0)  // disk
      directory.le16(0)  // internal attributes
      directory.le32(0)  // external attributes
      directory.le32(UInt32(offset))
      directory += name
    }
    let directoryOffset = out.count
    guard directoryOffset < 0xFFFF_FFFF, directory.count < 0xFFFF_FFFF else { return nil }
    out += directory
    out.le32(0x0605_4B50)
    out.le16(0)
    out.le16(0)
    out.le16(UInt16(files.count))
    out.le16(UInt16(files.count))
    out.le32(UInt32(directory.count))
    out.le32(UInt32(directoryOffset))
    out.le16(0)  // comment length
    return out
  }
}

extension [UInt8] {
  fileprivate mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
  fileprivate mutating func le32(_ v: UInt32) { le16(UInt16(v & 0xFFFF)); le16(UInt16(v >> 16)) }
}
