import Foundation
import TestSupport

/// Hand-built bytes of the formats the readers take, written from the specifications (RFC 1951
/// and 1952, PKWARE's APPNOTE, numpy's format.py description) rather than with any code under test.
enum ArchiveBytes {
  static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
  static func le32(_ v: UInt32) -> [UInt8] { le16(Int(v & 0xFFFF)) + le16(Int(v >> 16)) }
  static func be32(_ v: Int) -> [UInt8] { [UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

  /// Raw deflate made of stored blocks (type 00) of at most 65535 bytes each.
  static func storedDeflate(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var start = 0
    repeat {
      let n = min(65535, data.count - start)
      let final: UInt8 = start + n == data.count ? 1 : 0
      out += [final] + le16(n) + le16(n ^ 0xFFFF) + data[start..<start + n]
      start += n
    } while start < data.count
    return out
  }

  /// A gzip member: the 10-byte header with no flags, the deflate data, CRC-32 and length.
  static func gzip(_ data: [UInt8]) -> [UInt8] {
    [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + storedDeflate(data) + le32(bitwiseCRC32(data)) + le32(UInt32(data.count))
  }

  /// An IDX file of unsigned bytes.
  static func idx(shape: [Int], values: [UInt8]) -> [UInt8] {
    [0, 0, 0x08, UInt8(shape.count)] + shape.flatMap(be32) + values
  }

  /// A `.npy` file, version 1.0, with the header text given verbatim (padded as numpy pads it).
  static func npy(header: String, data: [UInt8]) -> [UInt8] {
    var text = Array(header.utf8)
    while (10 + text.count + 1) % 64 != 0 { text.append(0x20) }
    text.append(0x0A)
    return [0x93] + Array("NUMPY".utf8) + [1, 0] + le16(text.count) + text + data
  }

  /// A zip archive; each file is stored (method 0) or deflated (method 8, with stored blocks).
  static func zip(_ files: [(name: String, data: [UInt8], deflated: Bool)]) -> [UInt8] {
    var out: [UInt8] = []
    var directory: [UInt8] = []
    for file in files {
      let name = Array(file.name.utf8)
      let body = file.deflated ? storedDeflate(file.data) : file.data
      let method = file.deflated ? 8 : 0
      let common = le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21) + le32(bitwiseCRC32(file.data))
        + le32(UInt32(body.count)) + le32(UInt32(file.data.count)) + le16(name.count) + le16(0)
      let offset = out.count
      out += le32(0x0403_4B50) + common + name + body
      directory += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + name
    }
    let directoryOffset = out.count
    out += directory
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(files.count) + le16(files.count)
      + le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
    return out
  }

  static func le64(_ v: Int) -> [UInt8] { le32(UInt32(v & 0xFFFF_FFFF)) + le32(UInt32(v >> 32)) }

  /// A zip archive of one stored file whose sizes and offset live only in Zip64 records: the
  /// central directory says 0xFFFFFFFF and carries the real values in its Zip64 extra field, and
  /// the end record points at a Zip64 end record through its locator.
  static func zip64(name: String, data: [UInt8]) -> [UInt8] {
    let name = Array(name.utf8)
    let crc = bitwiseCRC32(data)
    var out = le32(0x0403_4B50) + le16(45) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc)
      + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(name.count) + le16(20) + name
      + le16(1) + le16(16) + le64(data.count) + le64(data.count) + data
    let directoryOffset = out.count
    let directory = le32(0x0201_4B50) + le16(45) + le16(45) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc)
      + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(name.count) + le16(28) + le16(0) + le16(0) + le16(0) + le32(0)
      + le32(0xFFFF_FFFF) + name + le16(1) + le16(24) + le64(data.count) + le64(data.count) + le64(0)
    out += directory
    let record = out.count
    out += le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0) + le64(1) + le64(1)
      + le64(directory.count) + le64(directoryOffset)
    out += le32(0x0706_4B50) + le32(0) + le64(record) + le32(1)
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
    return out
  }

  static func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
  }

  /// A fresh folder under the temporary directory.
  static func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.path + "/cnnlab-data-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }
}
