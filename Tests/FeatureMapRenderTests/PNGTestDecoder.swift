import CZlib
import TestSupport

/// A PNG reader written for the tests, sharing no code with the encoder: TestSupport's bitwise
/// CRC-32, zlib's `uncompress` for inflation (the encoder only deflates), and all five
/// row filters undone by hand.
struct DecodedPNG {
  enum Failure: Error, Equatable {
    case badSignature
    case truncated
    case badCRC(chunk: String)
    case missingChunk(String)
    case inflateFailed(Int32)
    case badFilter(UInt8)
    case unsupported(String)
  }

  var width = 0
  var height = 0
  var bitDepth = 0
  var colorType = 0
  var palette: [[UInt8]] = []
  /// Chunk types in file order.
  var chunkTypes: [String] = []
  /// Samples as stored: 1 per pixel for gray and palette, 3 for RGB, 4 for RGBA.
  var samples: [UInt8] = []

  var channels: Int {
    switch colorType {
    case 2: return 3
    case 6: return 4
    default: return 1
    }
  }

  init(_ bytes: [UInt8]) throws {
    guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure.badSignature }
    var position = 8
    var idat: [UInt8] = []
    func be32(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    while position + 12 <= bytes.count {
      let length = be32(position)
      guard position + 12 + length <= bytes.count else { throw Failure.truncated }
      let typeAndData = Array(bytes[(position + 4)..<(position + 8 + length)])
      let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
      let data = Array(typeAndData.dropFirst(4))
      guard UInt32(be32(position + 8 + length)) == bitwiseCRC32(typeAndData) else {
        throw Failure.badCRC(chunk: type)
      }
      chunkTypes.append(type)
      switch type {
      case "IHDR":
        width = data[0..<4].reduce(0) { $0 << 8 | Int($1) }
        height = data[4..<8].reduce(0) { $0 << 8 | Int($1) }
        bitDepth = Int(data[8])
        colorType = Int(data[9])
        guard data[10] == 0, data[11] == 0, data[12] == 0 else {
          throw Failure.unsupported("compression/filter/interlace")
        }
      case "PLTE":
        palette = stride(from: 0, to: data.count, by: 3).map { Array(data[$0..<($0 + 3)]) }
      case "IDAT":
        idat += data
      default:
        break
      }
      position += 12 + length
    }
    guard chunkTypes.first == "IHDR" else { throw Failure.missingChunk("IHDR") }
    guard chunkTypes.last == "IEND" else { throw Failure.missingChunk("IEND") }
    guard bitDepth == 8 else { throw Failure.unsupported("bit depth \(bitDepth)") }
    let bpp = channels
    let stride = width * bpp
    var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
    var rawLength = UInt(raw.count)
    let code = raw.withUnsafeMutableBufferPointer { out in
      idat.withUnsafeBufferPointer { input in
        uncompress(out.baseAddress, &rawLength, input.baseAddress, UInt(input.count))
      }
    }
    guard code == Z_OK, rawLength == UInt(raw.count) else { throw Failure.inflateFailed(code) }
    samples = [UInt8](repeating: 0, count: stride * height)
    for y in 0..<height {
      let filter = raw[y * (stride + 1)]
      for i in 0..<stride {
        let x = Int(raw[y * (stride + 1) + 1 + i])
        let a = i >= bpp ? Int(samples[y * stride + i - bpp]) : 0
        let b = y > 0 ? Int(samples[(y - 1) * stride + i]) : 0
        let c = i >= bpp && y > 0 ? Int(samples[(y - 1) * stride + i - bpp]) : 0
        let predicted: Int
        switch filter {
        case 0: predicted = 0
        case 1: predicted = a
        case 2: predicted = b
        case 3: predicted = (a + b) / 2
        case 4:
          let p = a + b - c
          let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
          predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
        default: throw Failure.badFilter(filter)
        }
        samples[y * stride + i] = UInt8((x + predicted) & 0xFF)
      }
    }
  }

  /// The colour at (x, y) as RGB, whatever the colour type.
  func rgb(_ x: Int, _ y: Int) -> [UInt8] {
    let i = (y * width + x) * channels
    switch colorType {
    case 0: return [samples[i], samples[i], samples[i]]
    case 3: return palette[Int(samples[i])]
    default: return Array(samples[i..<(i + 3)])
    }
  }
}
