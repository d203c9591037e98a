import CZlib

/// The table of contents of a zip archive, read from its central directory (with the Zip64
/// extensions numpy's `savez` uses), and each entry's data as a byte stream: stored entries
/// straight from memory, deflated ones through zlib, both checked against the CRC-32 and size
/// the directory records. Encrypted entries, archives split over several disks and other
/// compression methods are refused.
struct ZipArchive {
  struct Entry {
    let name: String
    let method: UInt16
    let crc32: UInt32
    let compressedSize: Int
    let size: Int
    let localHeaderOffset: Int
    let encrypted: Bool
  }

  let path: String
  let bytes: [UInt8]
  let entries: [Entry]

  init(bytes: [UInt8], path: String) throws(DatasetError) {
    self.path = path
    self.bytes = bytes
    entries = try ZipArchive.readDirectory(bytes, invalid: { .invalidNPZ(path: path, reason: $0) })
  }

  /// A reader of the entry's uncompressed bytes that checks its CRC-32 and length at the end.
  func contents(of entry: Entry) throws(DatasetError) -> ZipEntrySource {
    let invalid = { (reason: FileDefect) in DatasetError.invalidNPZ(path: path, reason: .inEntry(entry.name, reason)) }
    guard !entry.encrypted else { throw invalid(.encrypted) }
    let reader = ByteReader(bytes: bytes)
    let local = entry.localHeaderOffset
    guard let signature = reader.u32(local), signature == 0x0403_4B50,
      let nameLength = reader.u16(local + 26), let extraLength = reader.u16(local + 28)
    else { throw invalid(.localHeaderDamaged) }
    let start = local + 30 + Int(nameLength) + Int(extraLength)
    let (end, overflow) = start.addingReportingOverflow(entry.compressedSize)
    guard !overflow, end <= bytes.count else { throw invalid(.dataPastEnd) }
    switch entry.method {
    case 0:
      guard entry.compressedSize == entry.size else { throw invalid(.storedSizesDiffer) }
      return ZipEntrySource(inner: .stored(MemorySource(bytes, range: start..<end)), entry: entry, invalid: invalid)
    case 8:
      let inflater = try Inflater(bytes, range: start..<end, format: .rawDeflate, failure: invalid)
      return ZipEntrySource(inner: .deflated(inflater), entry: entry, invalid: invalid)
    default:
      throw invalid(.compressionMethod(Int(entry.method)))
    }
  }

  static func readDirectory(_ bytes: [UInt8], invalid: (FileDefect) -> DatasetError) throws(DatasetError) -> [Entry] {
    let reader = ByteReader(bytes: bytes)
    // The end record is 22 bytes plus a comment of at most 65535, so it is searched for
    // backwards from the end over that distance only.
    var endRecord: Int? = nil
    var position = bytes.count - 22
    while position >= max(0, bytes.count - 22 - 0xFFFF) {
      if reader.u32(position) == 0x0605_4B50 {
        endRecord = position
        break
      }
      position -= 1
    }
    guard let end = endRecord, let disk = reader.u16(end + 4), let directoryDisk = reader.u16(end + 6),
      var count = reader.u16(end + 10).map(Int.init), var directorySize = reader.u32(end + 12).map(Int.init),
      var directoryOffset = reader.u32(end + 16).map(Int.init)
    else {
      throw invalid(bytes.starts(with: [0x50, 0x4B]) ? .centralDirectoryMissing : .notZip)
    }
    guard disk == 0, directoryDisk == 0 else { throw invalid(.splitArchive) }
    if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
      // Zip64: a locator just before the end record points at a larger end record.
      guard end >= 20, reader.u32(end - 20) == 0x0706_4B50, let record = reader.u64(end - 12),
        reader.u32(record) == 0x0606_4B50, let count64 = reader.u64(record + 32),
        let size64 = reader.u64(record + 40), let offset64 = reader.u64(record + 48)
      else { throw invalid(.zip64EndDamaged) }
      (count, directorySize, directoryOffset) = (count64, size64, offset64)
    }
    let (directoryEnd, overflow) = directoryOffset.addingReportingOverflow(directorySize)
    guard !overflow, directoryEnd <= bytes.count else { throw invalid(.directoryPastEnd) }
    // Each directory record is at least 46 bytes, which bounds a count the file cannot hold.
    guard count <= directorySize / 46 else { throw invalid(.tooManyEntries(Int(count))) }
    var entries: [Entry] = []
    var p = directoryOffset
    for _ in 0..<count {
      guard reader.u32(p) == 0x0201_4B50, let flags = reader.u16(p + 8), let method = reader.u16(p + 10),
        let crc = reader.u32(p + 16), let compressed32 = reader.u32(p + 20), let size32 = reader.u32(p + 24),
        let nameLength = reader.u16(p + 28).map(Int.init), let extraLength = reader.u16(p + 30).map(Int.init),
        let commentLength = reader.u16(p + 32).map(Int.init), let offset32 = reader.u32(p + 42),
        p + 46 + nameLength + extraLength + commentLength <= directoryEnd
      else { throw invalid(.directoryDamaged) }
      let name = String(decoding: bytes[p + 46..<p + 46 + nameLength], as: UTF8.self)
      var (size, compressed, offset) = (Int(size32), Int(compressed32), Int(offset32))
      // The Zip64 extra field holds, in this order, only the values that did not fit in 32 bits.
      var extra = p + 46 + nameLength
      let extraEnd = extra + extraLength
      while extra + 4 <= extraEnd, let id = reader.u16(extra), let length = reader.u16(extra + 2).map(Int.init) {
        if id == 0x0001 {
          var field = extra + 4
          func next() throws(DatasetError) -> Int {
            guard field + 8 <= extra + 4 + length, let value = reader.u64(field) else {
              throw invalid(.zip64SizesDamaged(entry: name))
            }
            field += 8
            return value
          }
          if size32 == 0xFFFF_FFFF { size = try next() }
          if compressed32 == 0xFFFF_FFFF { compressed = try next() }
          if offset32 == 0xFFFF_FFFF { offset = try next() }
        }
        extra += 4 + length
      }
      guard offset < directoryOffset else { throw invalid(.entryOutsideData(entry: name)) }
      entries.append(Entry(
        name: name, method: method, crc32: crc, compressedSize: compressed, size: size, localHeaderOffset: offset,
        encrypted: flags & 1 != 0))
      p += 46 + nameLength + extraLength + commentLength
    }
    return entries
  }
}

/// One entry's bytes, checked: the CRC-32 is computed as they are read, and the end of the
/// data is where the directory said (no more, no fewer bytes).
struct ZipEntrySource: ByteSource {
  enum Inner {
    case stored(MemorySource)
    case deflated(Inflater)
  }
  var inner: Inner
  let entry: ZipArchive.Entry
  let invalid: (FileDefect) -> DatasetError
  private var crc: UInt = 0
  private var count = 0

  init(inner: Inner, entry: ZipArchive.Entry, invalid: @escaping (FileDefect) -> DatasetError) {
    self.inner = inner
    self.entry = entry
    self.invalid = invalid
  }

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    // Never more than the directory's size: a deflate stream that holds more is damaged.
    let room = min(buffer.count, entry.size - count + 1)
    let window = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<max(room, 0)])
    let got: Int
    switch inner {
    case .stored(var source):
      got = try source.read(into: window)
      inner = .stored(source)
    case .deflated(let inflater):
      got = try inflater.read(into: window)
    }
    if got > 0 {
      crc = crc32_z(crc, window.baseAddress!.assumingMemoryBound(to: UInt8.self), got)
    }
    count += got
    if count > entry.size { throw invalid(.moreBytesThanRecorded(recorded: Int(entry.size))) }
    if got < buffer.count {
      guard count == entry.size else { throw invalid(.fewerBytesThanRecorded(held: Int(count), recorded: Int(entry.size))) }
      guard UInt32(truncatingIfNeeded: crc) == entry.crc32 else { throw invalid(.checksumMismatch) }
    }
    return got
  }
}

/// Little-endian integers at byte offsets, nil past the end of the bytes.
struct ByteReader {
  let bytes: [UInt8]

  func u16(_ at: Int) -> UInt16? {
    guard at >= 0, at + 2 <= bytes.count else { return nil }
    return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  func u32(_ at: Int) -> UInt32? {
    guard let low = u16(at), let high = u16(at + 2) else { return nil }
    return UInt32(low) | UInt32(high) << 16
  }

  /// A 64-bit value as an Int; nil also when it does not fit in one.
  func u64(_ at: Int) -> Int? {
    guard let low = u32(at), let high = u32(at + 4), high < 0x8000_0000 else { return nil }
    return Int(low) | Int(high) << 32
  }
}
