import CZlib

/// zlib's inflate over compressed bytes in memory, read a piece at a time: gzip files (header,
/// CRC-32 and length checked by zlib; several members in a row are read as one stream, as
/// Python's gzip module does) and the raw deflate data of zip entries.
final class Inflater: ByteSource {
  enum Format { case gzip, rawDeflate }

  private let input: [UInt8]
  private let end: Int
  private var position: Int
  private let format: Format
  private let failure: (FileDefect) -> DatasetError
  // zlib's state points back at its z_stream, so the stream must never move: it lives in
  // memory of its own rather than in a Swift property.
  private let stream: UnsafeMutablePointer<z_stream>
  private(set) var finished = false

  /// The largest ratio of output to input deflate can reach (a stream of repeated bytes).
  static let maximumRatio = 1032

  static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

  /// A gzip file's reader, with errors that name the file.
  static func gzip(_ bytes: [UInt8], path: String) throws(DatasetError) -> Inflater {
    try Inflater(bytes, format: .gzip) { .invalidGzip(path: path, reason: $0) }
  }

  /// `failure` words an error for the file being read (a gzip file, or an entry of a zip archive).
  init(
    _ input: [UInt8], range: Range<Int>? = nil, format: Format, failure: @escaping (FileDefect) -> DatasetError
  ) throws(DatasetError) {
    self.input = input
    self.position = range?.lowerBound ?? 0
    self.end = range?.upperBound ?? input.count
    self.format = format
    self.failure = failure
    if format == .gzip, !Inflater.isGzip(Array(input[position..<min(position + 2, end)])) {
      throw failure(.notGzip)
    }
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // 16 + 15: a gzip wrapper around a 32 KiB window; -15: raw deflate with the same window.
    let windowBits: Int32 = format == .gzip ? 16 + MAX_WBITS : -MAX_WBITS
    let code = inflateInit2_(stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard code == Z_OK else {
      // Thrown before `self.stream` is set, so deinit does not run and free it a second time.
      stream.deallocate()
      throw failure(.zlibStart(code: Int(code)))
    }
    self.stream = stream
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    var filled = 0
    while filled < buffer.count, !finished {
      var code = Z_OK
      input.withUnsafeBytes { source in
        let available = min(end - position, Int(UInt32.max))
        stream.pointee.next_in = UnsafeMutablePointer(
          mutating: source.baseAddress!.assumingMemoryBound(to: UInt8.self) + position)
        stream.pointee.avail_in = UInt32(available)
        let room = min(buffer.count - filled, Int(UInt32.max))
        stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + filled
        stream.pointee.avail_out = UInt32(room)
        code = inflate(stream, Z_NO_FLUSH)
        position += available - Int(stream.pointee.avail_in)
        filled += room - Int(stream.pointee.avail_out)
      }
      switch code {
      case Z_OK:
        continue
      case Z_STREAM_END:
        try endOfMember()
      case Z_BUF_ERROR where position == end:
        throw failure(format == .gzip ? .gzipCutShort : .deflateCutShort)
      default:
        let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
        throw failure(.compressedDataDamaged(detail: message))
      }
    }
    return filled
  }

  /// After one gzip member another may follow; zero padding after the last is allowed.
  private func endOfMember() throws(DatasetError) {
    let rest = input[position..<end]
    if format == .gzip, rest.count >= 2, rest.first == 0x1F, rest.dropFirst().first == 0x8B {
      inflateReset(stream)
      return
    }
    if format == .gzip, !rest.allSatisfy({ $0 == 0 }) {
      throw failure(.bytesAfterEnd(rest.count))
    }
    finished = true
  }
}
