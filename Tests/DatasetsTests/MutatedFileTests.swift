import Datasets
import Foundation
import TensorEngine
import Testing
import TestSupport

/// A seeded generator's fuzzing of the decoders (run on every test run, unlike the libFuzzer
/// target for the protocol): valid PNG, JPEG and IDX files with bytes flipped, inserted and
/// cut off. Every outcome must be a tensor or an error; Datasets is built with Swift's checks,
/// so an index past the end or an overflow would stop the test with a trap.
@Suite struct MutatedFileTests {
  /// `original` with a few random edits; bytes in `keep` (a JPEG's claimed size) stay as they
  /// are, so that no mutant asks for gigabytes that the budget would allow.
  static func mutant(_ original: [UInt8], _ g: inout SplitMix, keep: Range<Int> = 0..<0) -> [UInt8] {
    var bytes = original
    for _ in 0..<(1 + g.below(4)) {
      switch g.below(4) {
      case 0, 1:
        let i = g.below(bytes.count)
        if !keep.contains(i), !bytes.isEmpty { bytes[i] = UInt8(truncatingIfNeeded: g.next()) }
      case 2:
        bytes.insert(UInt8(truncatingIfNeeded: g.next()), at: g.below(bytes.count + 1))
      default:
        bytes = Array(bytes.prefix(g.below(bytes.count + 1)))
      }
    }
    return bytes
  }

  @Test func mutatedImagesDecodeOrFail() throws {
    let jpeg = [UInt8](try #require(Data(base64Encoded: FileReaderTests.grayJPEG)))
    let sof = try #require((0..<(jpeg.count - 1)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
    var g = SplitMix(state: 2026)
    var decoded = 0
    for round in 0..<3000 {
      let png = Self.mutant(round % 2 == 0 ? FileReaderTests.grayPNG : FileReaderTests.rgbPNG, &g)
      if (try? ImageFile.decodePNG(png, path: "m.png", gray: round % 3 == 0)) != nil { decoded += 1 }
      let jpg = Self.mutant(jpeg, &g, keep: (sof + 5)..<(sof + 9))
      if let image = try? ImageFile.decodeJPEG(jpg, path: "m.jpg", gray: round % 3 == 0) {
        decoded += 1
        #expect(image.count <= 8 * 8 * 3)
      }
    }
    // Some mutants (a flipped bit inside the data) still decode: the generator reaches the decoders.
    #expect(decoded > 0)
  }

  @Test func mutatedIDXFilesDecodeOrFail() {
    let idx: [UInt8] = [0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2] + (1...8).map { UInt8($0 * 30) }
    var g = SplitMix(state: 14)
    for _ in 0..<20000 {
      var bytes = Self.mutant(idx, &g)
      // Any element type the format names, so every reader is reached.
      if bytes.count > 2, g.below(2) == 0 { bytes[2] = [0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E][g.below(6)] }
      if let t = try? IDXFile.decode(bytes, path: "m") { #expect(t.count <= bytes.count) }
    }
  }
}
