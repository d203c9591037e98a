/// Bytes read front to back in pieces, whether they sit in memory or come out of a
/// decompressor: the IDX and `.npy` decoders read their headers and then their values in
/// chunks through this, so a 47 MB image file never exists twice in memory.
protocol ByteSource {
  /// Fills `buffer` from the front; fewer bytes than it holds only when the data has ended.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension ByteSource {
  /// Exactly `count` bytes, or nil when the data ends first.
  mutating func read(exactly count: Int) throws -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    let got = try bytes.withUnsafeMutableBytes { buffer in try read(into: buffer) }
    return got == count ? bytes : nil
  }

  /// Whether the data has ended (reads one byte to find out).
  mutating func isAtEnd() throws -> Bool {
    var probe: UInt8 = 0
    return try withUnsafeMutableBytes(of: &probe) { buffer in try read(into: buffer) } == 0
  }
}

/// A range of bytes already in memory (a whole uncompressed file, or a stored zip entry).
struct MemorySource: ByteSource {
  let bytes: [UInt8]
  private var position: Int
  private let end: Int

  init(_ bytes: [UInt8], range: Range<Int>? = nil) {
    self.bytes = bytes
    position = range?.lowerBound ?? 0
    end = range?.upperBound ?? bytes.count
  }

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = min(buffer.count, end - position)
    guard count > 0, let destination = buffer.baseAddress else { return 0 }
    bytes.withUnsafeBytes { source in
      destination.copyMemory(from: source.baseAddress! + position, byteCount: count)
    }
    position += count
    return count
  }
}
