import FeatureMapRender
import TestSupport
import Testing

@Suite struct ChecksumTests {
  @Test func crc32KnownVectors() {
    #expect(Checksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(Checksum.crc32([]) == 0)
    #expect(Checksum.crc32(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    // Continuing a checksum equals checksumming the concatenation.
    #expect(Checksum.crc32(Array("6789".utf8), continuing: Checksum.crc32(Array("12345".utf8))) == 0xCBF4_3926)
  }

  @Test func adler32KnownVectors() {
    #expect(Checksum.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    #expect(Checksum.adler32([]) == 1)
  }

  @Test func testDecoderCRCAgreesWithKnownVector() {
    #expect(bitwiseCRC32(Array("123456789".utf8)) == 0xCBF4_3926)
  }
}

@Suite struct PNGEncoderTests {
  /// A 3x2 gray image with every byte value class: extremes, a middle, and neighbours that differ.
  let gray: [UInt8] = [0, 255, 128, 64, 1, 254]

  @Test(arguments: PNGEncoder.RowFilter.allCases)
  func grayRoundTripsThroughIndependentDecoder(filter: PNGEncoder.RowFilter) throws {
    let png = try PNGEncoder(level: 6, filter: filter).encode(pixels: gray, width: 3, height: 2, format: .gray)
    let decoded = try DecodedPNG(png)
    #expect(decoded.chunkTypes == ["IHDR", "IDAT", "IEND"])
    #expect(decoded.width == 3 && decoded.height == 2)
    #expect(decoded.bitDepth == 8 && decoded.colorType == 0)
    #expect(decoded.samples == gray)
  }

  @Test func rgbAndRGBARoundTrip() throws {
    let rgb: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]
    let decodedRGB = try DecodedPNG(PNGEncoder(filter: .sub).encode(pixels: rgb, width: 2, height: 2, format: .rgb))
    #expect(decodedRGB.colorType == 2)
    #expect(decodedRGB.samples == rgb)
    #expect(decodedRGB.rgb(1, 1) == [10, 20, 30])
    let rgba: [UInt8] = [1, 2, 3, 255, 4, 5, 6, 0]
    let decodedRGBA = try DecodedPNG(PNGEncoder().encode(pixels: rgba, width: 2, height: 1, format: .rgba))
    #expect(decodedRGBA.colorType == 6)
    #expect(decodedRGBA.samples == rgba)
  }

  @Test func paletteImageCarriesPLTE() throws {
    let palette = [RGB(255, 0, 0), RGB(0, 0, 255), RGB(9, 8, 7)]
    let png = try PNGEncoder().encode(pixels: [2, 0, 1, 1], width: 2, height: 2, format: .indexed(palette: palette))
    let decoded = try DecodedPNG(png)
    #expect(decoded.chunkTypes == ["IHDR", "PLTE", "IDAT", "IEND"])
    #expect(decoded.colorType == 3)
    #expect(decoded.rgb(0, 0) == [9, 8, 7])
    #expect(decoded.rgb(1, 0) == [255, 0, 0])
    #expect(decoded.rgb(0, 1) == [0, 0, 255])
  }

  /// Big enough to be split into pieces deflated on separate threads and joined into one stream.
  @Test(arguments: [1, 2, 3])
  func largeImageSplitIntoPiecesDecodesExactly(pieces: Int) throws {
    let width = 701
    let height = 1200
    var pixels = [UInt8](repeating: 0, count: width * height)
    var state: UInt32 = 12345
    for i in pixels.indices {
      state = state &* 1_103_515_245 &+ 12345
      // Runs and noise mixed, so both literals and matches cross piece boundaries.
      pixels[i] = (i / 97) % 3 == 0 ? UInt8(truncatingIfNeeded: state >> 24) : UInt8((i / width) % 256)
    }
    for runLengthOnly in [false, true] {
      let encoder = PNGEncoder(level: 1, filter: .up, maxPieces: pieces, runLengthOnly: runLengthOnly)
      let decoded = try DecodedPNG(encoder.encode(pixels: pixels, width: width, height: height, format: .gray))
      #expect(decoded.width == width && decoded.height == height)
      #expect(decoded.samples == pixels)
    }
  }

  /// Few rows, many pieces: every piece still gets a valid (possibly uneven) band of rows.
  @Test func wideShortImageSplitsIntoBands() throws {
    let width = 300_000
    let pixels = (0..<(width * 5)).map { UInt8(truncatingIfNeeded: $0 / 7) }
    let decoded = try DecodedPNG(
      PNGEncoder(maxPieces: 4).encode(pixels: pixels, width: width, height: 5, format: .gray))
    #expect(decoded.samples == pixels)
  }

  @Test func wrongPixelCountIsAnError() {
    #expect(throws: RenderError.pixelCountMismatch(expected: 6, got: 5)) {
      try PNGEncoder().encode(pixels: [1, 2, 3, 4, 5], width: 3, height: 2, format: .gray)
    }
    #expect(throws: RenderError.emptyImage(width: 0, height: 2)) {
      try PNGEncoder().encode(pixels: [], width: 0, height: 2, format: .gray)
    }
  }

  @Test func base64OfKnownBytes() {
    #expect(PNGEncoder.base64([0x89, 0x50, 0x4E, 0x47]) == "iVBORw==")
  }
}
