import CZlib
import Datasets
import Foundation
import Glibc
import TensorEngine
import TestSupport
import Testing

/// Files that claim more than they hold, and paths that are not files: each is refused at
/// once, by name, without allocating what the header claims and without blocking.
@Suite struct HostileFileTests {
  func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.path + "/cnnlab-hostile-\(name)-\(UInt32.random(in: 0...UInt32.max))"
  }

  func temporaryFile(_ bytes: [UInt8], _ name: String) -> String {
    let path = temporaryPath(name)
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    return path
  }

  /// Seconds `body` takes, for the paths that used to block forever.
  func seconds(_ body: () -> Void) -> Double {
    let start = Date()
    body()
    return Date().timeIntervalSince(start)
  }

  @Test func aNamedPipeWithNoWriterIsRefusedWithoutBlocking() throws {
    let path = temporaryPath("fifo")
    #expect(mkfifo(path, 0o600) == 0)
    defer { unlink(path) }
    let elapsed = seconds {
      #expect(throws: DatasetError.unreadable(path: path, reason: .isPipe)) {
        try FileBytes.read(path: path)
      }
      #expect(throws: DatasetError.self) { try ImageFile.load(path: path, gray: false) }
      #expect(throws: DatasetError.self) { try IDXFile.load(path: path) }
    }
    #expect(elapsed < 1)
  }

  @Test(arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
  func devicesAreRefusedAtOnce(path: String) {
    let elapsed = seconds {
      #expect(throws: DatasetError.unreadable(path: path, reason: .isDevice)) {
        try FileBytes.read(path: path)
      }
      #expect(throws: DatasetError.self) { try ImageFile.load(path: path, gray: true) }
      #expect(throws: DatasetError.self) { try IDXFile.load(path: path) }
    }
    #expect(elapsed < 1)
  }

  @Test func aFolderIsRefused() {
    let folder = FileManager.default.temporaryDirectory.path
    #expect(throws: DatasetError.unreadable(path: folder, reason: .isFolder)) {
      try FileBytes.read(path: folder)
    }
  }

  @Test func readsStopAtTheBound() throws {
    let path = temporaryFile([UInt8](repeating: 7, count: 100), "bound")
    defer { unlink(path) }
    #expect(try FileBytes.read(path: path, maximumBytes: 100).count == 100)
    #expect(throws: DatasetError.tooLarge(path: path, bytes: 100, limit: 99)) { try FileBytes.read(path: path, maximumBytes: 99) }
    // Files under /proc say they are empty: the bound holds while reading too.
    #expect(throws: DatasetError.self) { try FileBytes.read(path: "/proc/self/maps", maximumBytes: 10) }
  }

  @Test func aRaisedCancellationFlagStopsTheRead() throws {
    let path = temporaryFile([UInt8](repeating: 1, count: 10), "cancel")
    defer { unlink(path) }
    let flag = CancellationFlag()
    flag.cancel()
    #expect(throws: TensorError.cancelled) { try FileBytes.read(path: path, cancellation: flag) }
    // 12 bytes of IDX header for 1000 x 1000 values and the values themselves.
    let idx: [UInt8] = [0, 0, 0x08, 2, 0, 0, 0x03, 0xE8, 0, 0, 0x03, 0xE8] + [UInt8](repeating: 5, count: 1_000_000)
    #expect(throws: TensorError.cancelled) { try IDXFile.decode(idx, path: "c", cancellation: flag) }
    #expect(try IDXFile.decode(idx, path: "c").shape == [1000, 1000])
  }

  /// 2^31 x 2^31 one-byte values in a 12-byte file: 2^62 values, 2^64 bytes as floats.
  @Test func anIDXHeaderClaimingTwoToTheSixtyTwoValuesIsARefusedSize() {
    let bytes: [UInt8] = [0, 0, 0x08, 2, 0x80, 0, 0, 0, 0x80, 0, 0, 0]
    #expect(throws: TensorError.resourceLimit(
      operation: "reading 'bomb'", shape: [1 << 31, 1 << 31], bytes: Int.max, limit: MemoryBudget.limitBytes)) {
      try IDXFile.decode(bytes, path: "bomb")
    }
    // Four dimensions of 2^32 - 1: the product overflows Int many times over.
    let wide: [UInt8] = [0, 0, 0x0D, 4] + [UInt8](repeating: 0xFF, count: 16)
    #expect(throws: TensorError.self) { try IDXFile.decode(wide, path: "wide") }
    // A header that promises more values than follow.
    #expect(throws: DatasetError.invalidIDX(
      path: "short", reason: .shapeBeyondFile([3, 3]))) {
      try IDXFile.decode([0, 0, 0x08, 2, 0, 0, 0, 3, 0, 0, 0, 3, 1, 2, 3], path: "short")
    }
  }

  /// A PNG signature and an IHDR chunk (with its CRC) claiming `width` x `height` gray pixels,
  /// then an IDAT of a few bytes and IEND.
  static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
    func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
      let typed = Array(type.utf8) + data
      return bigEndian(UInt32(data.count)) + typed + bigEndian(bitwiseCRC32(typed))
    }
    let ihdr = bigEndian(width) + bigEndian(height) + [8, 0, 0, 0, 0]
    return [137, 80, 78, 71, 13, 10, 26, 10] + chunk("IHDR", ihdr) + chunk("IDAT", [120, 156, 99, 0, 0, 0, 1, 0, 1])
      + chunk("IEND", [])
  }

  static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

  /// PNG's chunk checksum, from zlib (the project's PNG reader is libpng, not zlib's CRC).

  @Test func aPNGClaimingAMillionByAMillionPixelsIsRefusedBeforeDecoding() {
    let bytes = Self.pngHeader(width: 1_000_000, height: 1_000_000)
    let elapsed = seconds {
      #expect(throws: TensorError.resourceLimit(
        operation: "image", shape: [1_000_000, 1_000_000], bytes: 4_000_000_000_000, limit: MemoryBudget.limitBytes)) {
        try ImageFile.decodePNG(bytes, path: "bomb.png", gray: false)
      }
    }
    #expect(elapsed < 1)
  }

  @Test func aPNGClaimingMorePixelsThanItsBytesCanHoldIsRefused() {
    // 20000 x 20000 gray fits many budgets (1.6 GB of floats), but 2500 bytes per row
    // at 1032:1 at best need at least 48 KB of compressed data, not 60 bytes.
    let bytes = Self.pngHeader(width: 20_000, height: 20_000)
    #expect(throws: DatasetError.unreadable(
      path: "big.png", reason: .pixelsBeyondBytes(width: 20000, height: 20000, bytes: bytes.count))) {
      try ImageFile.decodePNG(bytes, path: "big.png", gray: false)
    }
  }

  @Test func aJPEGClaimingTheLargestSizeIsRefusedBeforeDecoding() throws {
    var bytes = [UInt8](try #require(Data(base64Encoded: FileReaderTests.grayJPEG)))
    // The baseline frame header (FF C0, length, precision) holds height and width next.
    let sof = try #require((0..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
    // 65500 x 65500, the largest size libjpeg-turbo takes.
    for i in [sof + 5, sof + 7] { (bytes[i], bytes[i + 1]) = (0xFF, 0xDC) }
    let elapsed = seconds {
      #expect(throws: (any Error).self) { try ImageFile.decodeJPEG(bytes, path: "bomb.jpg", gray: false) }
    }
    #expect(elapsed < 1)
    // 65500 x 65500 gray is 17 GB of floats: over the budget of any machine with under 34 GB.
    if MemoryBudget.limitBytes < 65500 * 65500 * 4 {
      #expect(throws: TensorError.resourceLimit(
        operation: "image", shape: [65500, 65500], bytes: 65500 * 65500 * 4, limit: MemoryBudget.limitBytes)) {
        try ImageFile.decodeJPEG(bytes, path: "bomb.jpg", gray: false)
      }
    }
  }

  @Test(arguments: [8, 16, 33, 45, 52])
  func truncatedImagesAreErrors(keep: Int) throws {
    let jpeg = [UInt8](try #require(Data(base64Encoded: FileReaderTests.grayJPEG)))
    #expect(throws: (any Error).self) { try ImageFile.decodePNG(Array(FileReaderTests.rgbPNG.prefix(keep)), path: "t.png", gray: false) }
    if keep < jpeg.count - 2 {
      // libjpeg-turbo fills a cut-short scan with gray and warns; either way it must not crash.
      _ = try? ImageFile.decodeJPEG(Array(jpeg.prefix(keep)), path: "t.jpg", gray: false)
    }
  }
}

@Suite struct DigitSetCancellationTests {
  @Test func aRaisedFlagStopsTheDrawing() throws {
    let flag = CancellationFlag()
    flag.cancel()
    #expect(throws: TensorError.cancelled) { try DigitSet.generate(count: 100_000, seed: 0, cancellation: flag) }
    #expect(throws: TensorError.self) { try DigitSet.generate(count: 1 << 60, seed: 0) }
  }
}
