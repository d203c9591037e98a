import CZlib
import Glibc
import TensorEngine

/// Writes 8-bit gray, RGB, RGBA and palette images as PNG files (signature, IHDR, PLTE,
/// IDAT, IEND), compressing with zlib. Large images are filtered and deflated in
/// independent pieces on all cores and the pieces joined into one zlib stream, the way
/// pigz does: every piece but the last ends on a byte boundary with a sync flush.
public struct PNGEncoder: Sendable {
  /// The PNG row filter applied to every row (the byte value is the PNG filter type).
  public enum RowFilter: UInt8, Sendable, CaseIterable {
    case none = 0
    /// Difference with the pixel to the left: horizontal runs become zeros.
    case sub = 1
    /// Difference with the pixel above: rows repeated by upscaling become zeros.
    case up = 2
  }

  /// zlib compression level, 1 (fastest) ... 9 (smallest).
  public var level: Int32
  public var filter: RowFilter
  /// How many pieces may be compressed at once; 1 compresses on the calling thread.
  public var maxPieces: Int
  /// zlib's run-length strategy (matches only at distance 1). On Up-filtered feature-map
  /// sheets it measured about twice as fast as level-1 LZ77 and no larger, because the
  /// filter turns repeated rows into runs of zeros; on photographs LZ77 compresses better.
  public var runLengthOnly: Bool

  /// Defaults: level 1 (levels 3-6 cost 2-5x the time for 5% smaller sheets), the Up filter
  /// (smallest of None/Sub/Up on every sheet measured), all cores.
  public init(
    level: Int32 = 1, filter: RowFilter = .up, maxPieces: Int = Parallelism.coreCount,
    runLengthOnly: Bool = false
  ) {
    self.runLengthOnly = runLengthOnly
    self.level = min(max(level, 0), 9)
    self.filter = filter
    self.maxPieces = max(1, maxPieces)
  }

  /// Encodes `pixels` (rows top to bottom, `format.bytesPerPixel` bytes per pixel).
  public func encode(pixels: [UInt8], width: Int, height: Int, format: PixelFormat) throws(RenderError) -> [UInt8] {
    let bpp = format.bytesPerPixel
    guard width > 0, height > 0 else { throw .emptyImage(width: width, height: height) }
    guard pixels.count == width * height * bpp else {
      throw .pixelCountMismatch(expected: width * height * bpp, got: pixels.count)
    }
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var header: [UInt8] = []
    header.appendBigEndian(UInt32(width))
    header.appendBigEndian(UInt32(height))
    header += [8, format.colorType, 0, 0, 0]  // bit depth, colour type, deflate, adaptive filters, no interlace
    png.appendChunk("IHDR", header)
    if case .indexed(let palette) = format {
      png.appendChunk("PLTE", palette.prefix(256).flatMap { [$0.r, $0.g, $0.b] })
    }
    png.appendChunk("IDAT", try zlibStream(pixels: pixels, width: width, height: height, bpp: bpp))
    png.appendChunk("IEND", [])
    return png
  }

  /// Base64 text of PNG bytes, as Jupyter's `image/png` field wants it.
  public static func base64(_ bytes: [UInt8]) -> String { Base64.encode(bytes) }

  /// Filtered rows, deflated in pieces, wrapped in a zlib header and Adler-32 trailer.
  private func zlibStream(pixels: [UInt8], width: Int, height: Int, bpp: Int) throws(RenderError) -> [UInt8] {
    let stride = 1 + width * bpp
    var filtered = [UInt8](repeating: 0, count: stride * height)
    // Below about 256 KB a second thread costs more than it saves.
    let pieces = min(maxPieces, max(1, filtered.count / (256 * 1024)), height)
    var outputs = [[UInt8]](repeating: [], count: pieces)
    var codes = [Int32](repeating: Z_OK, count: pieces)
    let level = self.level
    let filter = self.filter
    let strategy = runLengthOnly ? Z_RLE : Z_DEFAULT_STRATEGY
    pixels.withUnsafeBufferPointer { src in
      filtered.withUnsafeMutableBufferPointer { dst in
        outputs.withUnsafeMutableBufferPointer { out in
          codes.withUnsafeMutableBufferPointer { code in
            let work = PieceWork(src: src, dst: dst, out: out, code: code)
            Parallelism.perform(iterations: pieces) { piece in
              let rows = (piece * height / pieces)..<((piece + 1) * height / pieces)
              work.filterRows(rows, width: width, bpp: bpp, filter: filter)
              let slice = work.dst[(rows.lowerBound * stride)..<(rows.upperBound * stride)]
              let bytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: slice))
              switch Deflater.rawDeflate(bytes, level: level, strategy: strategy, final: piece == pieces - 1) {
              case .success(let compressed): work.out[piece] = compressed
              case .failure(let failure): work.code[piece] = failure.code
              }
            }
          }
        }
      }
    }
    if let failed = codes.first(where: { $0 != Z_OK }) { throw .compressionFailed(code: failed) }
    var stream: [UInt8] = [0x78, 0x01]  // deflate, 32 KB window; FCHECK makes 0x7801 divisible by 31
    stream.reserveCapacity(outputs.reduce(6) { $0 + $1.count })
    for piece in outputs { stream += piece }
    let adler = filtered.withUnsafeBytes { Checksum.adler32($0) }
    stream.appendBigEndian(adler)
    return stream
  }
}

/// The buffers one `concurrentPerform` shares: each iteration touches only its own rows
/// and its own output slot, which is why handing raw pointers across threads is safe.
private struct PieceWork: @unchecked Sendable {
  let src: UnsafeBufferPointer<UInt8>
  let dst: UnsafeMutableBufferPointer<UInt8>
  let out: UnsafeMutableBufferPointer<[UInt8]>
  let code: UnsafeMutableBufferPointer<Int32>

  func filterRows(_ rows: Range<Int>, width: Int, bpp: Int, filter: PNGEncoder.RowFilter) {
    let rowBytes = width * bpp
    let stride = rowBytes + 1
    for y in rows {
      let o = y * stride
      let s = y * rowBytes
      dst[o] = filter.rawValue
      switch filter {
      case .none:
        for i in 0..<rowBytes { dst[o + 1 + i] = src[s + i] }
      case .sub:
        for i in 0..<min(bpp, rowBytes) { dst[o + 1 + i] = src[s + i] }
        for i in bpp..<max(bpp, rowBytes) { dst[o + 1 + i] = src[s + i] &- src[s + i - bpp] }
      case .up:
        if y == 0 {
          for i in 0..<rowBytes { dst[o + 1 + i] = src[s + i] }
        } else {
          for i in 0..<rowBytes { dst[o + 1 + i] = src[s + i] &- src[s + i - rowBytes] }
        }
      }
    }
  }
}

extension Array where Element == UInt8 {
  mutating func appendBigEndian(_ value: UInt32) {
    append(contentsOf: [
      UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF),
    ])
  }

  /// A PNG chunk: length, type, data, CRC-32 of type and data.
  mutating func appendChunk(_ type: String, _ data: [UInt8]) {
    let typeBytes = Array(type.utf8)
    appendBigEndian(UInt32(data.count))
    append(contentsOf: typeBytes)
    append(contentsOf: data)
    appendBigEndian(Checksum.crc32(data, continuing: Checksum.crc32(typeBytes)))
  }
}
