import FeatureMapRender
import Foundation
import TensorEngine
import Testing

/// Expected pixels come from the layout rules written in the test (margin 10, a 1-pixel tile
/// border in gray 200, tiles starting at (11, 11)) and from hand arithmetic on the values.
@Suite struct FeatureMapRendererTests {
  /// Explicit magnification, no legend: nothing but one bordered tile on white paper.
  let bare = RenderOptions(upscale: 30, legend: false)

  @Test func grayTensorWithFixedScaleGivesExactGrayLevels() throws {
    var options = bare
    options.scale = .fixed(ValueRange(low: 0, high: 255))
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2], values: [0, 255, 128, 64]), options: options)
    let png = try DecodedPNG(image.png)
    // 2x2 values at 30x = 60 px, plus a border of 1 and a margin of 10 on each side.
    #expect(png.width == 82 && png.height == 82)
    #expect(image.width == 82 && image.height == 82)
    #expect(png.rgb(11 + 15, 11 + 15) == [0, 0, 0])
    #expect(png.rgb(11 + 45, 11 + 15) == [255, 255, 255])
    #expect(png.rgb(11 + 15, 11 + 45) == [128, 128, 128])
    #expect(png.rgb(11 + 45, 11 + 45) == [64, 64, 64])
    // Block edges: nearest neighbour, no blending at x = 40 | 41.
    #expect(png.rgb(11 + 29, 11 + 29) == [0, 0, 0])
    #expect(png.rgb(11 + 30, 11 + 29) == [255, 255, 255])
    #expect(png.rgb(10, 20) == [200, 200, 200], "tile border")
    #expect(png.rgb(0, 0) == [255, 255, 255], "paper")
    #expect(image.colormap == .gray)
  }

  @Test func pixelDataKeepsAbsoluteLevels() throws {
    var options = bare
    options.pixelRange = ValueRange(low: 0, high: 255)
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2], values: [10, 20, 30, 40]), options: options)
    let png = try DecodedPNG(image.png)
    #expect(image.range == ValueRange(low: 0, high: 255))
    #expect(png.rgb(26, 26) == [10, 10, 10])
    #expect(png.rgb(56, 56) == [40, 40, 40])
  }

  @Test func otherWholeNumbersSpanZeroToTheirMaximum() throws {
    // Not pixels: 0...40, so level = floor(v / 40 * 255 + 0.5): 10 -> 64, 20 -> 128, 40 -> 255.
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2], values: [10, 20, 30, 40]), options: bare)
    let png = try DecodedPNG(image.png)
    #expect(image.range == ValueRange(low: 0, high: 40))
    #expect(png.rgb(26, 26) == [64, 64, 64])
    #expect(png.rgb(56, 26) == [128, 128, 128])
    #expect(png.rgb(56, 56) == [255, 255, 255])
  }

  @Test func theTenZeroImageHasAWhiteHalf() throws {
    // The 10 | 0 teaching grid and its convolution [0, 30, 30, 0]: the largest value is white.
    let tenZero = Tensor(shape: [1, 2], values: [10, 0])
    let png = try DecodedPNG(try FeatureMapRenderer.renderPNG(tenZero, options: bare).png)
    #expect(png.rgb(26, 26) == [255, 255, 255] && png.rgb(56, 26) == [0, 0, 0])
    let band = try DecodedPNG(
      try FeatureMapRenderer.renderPNG(Tensor(shape: [1, 4], values: [0, 30, 30, 0]), options: bare).png)
    #expect(band.rgb(11 + 45, 26) == [255, 255, 255] && band.rgb(11 + 15, 26) == [0, 0, 0])
  }

  @Test func fractionalValuesStretchOverTheirRange() throws {
    // Range 0...1: level = floor(v * 255 + 0.5): 0.5 -> 128, 0.25 -> 64.
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2], values: [0, 0.5, 1, 0.25]), options: bare)
    let png = try DecodedPNG(image.png)
    #expect(png.rgb(26, 26) == [0, 0, 0])
    #expect(png.rgb(56, 26) == [128, 128, 128])
    #expect(png.rgb(26, 56) == [255, 255, 255])
    #expect(png.rgb(56, 56) == [64, 64, 64])
  }

  @Test func signedValuesGetTheDivergingMapWhiteAtZero() throws {
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2], values: [-2, 0, 2, 1]), options: bare)
    let png = try DecodedPNG(image.png)
    #expect(image.colormap == .diverging)
    #expect(image.range == ValueRange(low: -2, high: 2), "centred on zero")
    #expect(png.colorType == 3, "palette image")
    #expect(png.rgb(56, 26) == [255, 255, 255], "zero is white")
    let negative = png.rgb(26, 26)
    let positive = png.rgb(26, 56)
    #expect(negative[2] > negative[0], "negative is blue")
    #expect(positive[0] > positive[2], "positive is red")
    let half = png.rgb(56, 56)
    #expect(half[0] > half[2] && Int(half[1]) > Int(positive[1]), "+1 is a lighter red than +2")
  }

  @Test func automaticColormapChoice() throws {
    let positive = try FeatureMapRenderer.renderPNG(Tensor(shape: [3, 3], values: (0..<9).map { Float($0) * 0.1 }))
    #expect(positive.colormap == .gray)
    let signed = try FeatureMapRenderer.renderPNG(Tensor(shape: [3, 3], values: (0..<9).map { Float($0) - 4.5 }))
    #expect(signed.colormap == .diverging)
    let chosen = try FeatureMapRenderer.renderPNG(
      Tensor(shape: [3, 3], values: (0..<9).map { Float($0) - 4.5 }), options: RenderOptions(colormap: .viridis))
    #expect(chosen.colormap == .viridis)
    #expect(chosen.range == ValueRange(low: -4.5, high: 3.5), "a sequential map spans the data")
  }

  @Test func automaticUpscaleSizes() throws {
    var options = RenderOptions(legend: false)
    // A lone 4x4 map aims at 224 px: factor 56.
    let single = try FeatureMapRenderer.renderPNG(Tensor(shape: [4, 4], repeating: 1), options: options)
    #expect(single.width == 224 + 2 + 20 && single.height == 224 + 2 + 20)
    let decoded = try DecodedPNG(single.png)
    #expect(decoded.width == single.width && decoded.height == single.height)
    // Two channels aim at 112 px each (factor 28), side by side with a 10 px gap.
    options.tileLabels = false
    let pair = try FeatureMapRenderer.renderPNG(
      Tensor(shape: [4, 4, 2], values: (0..<32).map { Float($0 % 2) + 1 }), options: options)
    #expect(pair.width == 2 * 112 + 10 + 2 + 20)
    #expect(pair.height == 112 + 2 + 20)
    let pairPNG = try DecodedPNG(pair.png)
    // On 0...2: 1 is level floor(127.5 + 0.5) = 128, 2 is white.
    #expect(pairPNG.rgb(11, 11) == [128, 128, 128], "channel 0 is all ones")
    #expect(pairPNG.rgb(11 + 122, 11) == [255, 255, 255], "channel 1 is all twos")
    #expect(pairPNG.rgb(11 + 112, 11) == [200, 200, 200], "border after tile 0")
  }

  @Test func wideMapsAreCappedAtTheMaximumWidth() throws {
    let image = try FeatureMapRenderer.renderPNG(
      Tensor(shape: [40, 2000], repeating: 0.5), options: RenderOptions(legend: false))
    #expect(image.width <= 1200 + 2 + 20)
  }

  @Test func vectorIsAHeatStrip() throws {
    let values = (0..<10).map { Float($0) / 9 }
    let image = try FeatureMapRenderer.renderPNG(
      Tensor(shape: [10], values: values), options: RenderOptions(legend: false))
    let png = try DecodedPNG(image.png)
    // Ten cells of 32 px (1200 / 10 caps the cell at 32), 32 px tall.
    #expect(png.width == 320 + 2 + 20 && png.height == 32 + 2 + 20)
    for k in 0..<10 {
      let expected = UInt8((Float(k) / 9 * 255 + 0.5).rounded(.down))
      #expect(png.rgb(11 + 32 * k + 16, 11 + 16) == [expected, expected, expected])
    }
  }

  @Test func pagingShowsAtMost256Tiles() throws {
    let all = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2, 100], values: (0..<400).map { Float($0) }))
    #expect(all.shownTiles == 100 && all.hiddenTiles == 0)
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2, 300], values: (0..<1200).map { Float($0) }))
    #expect(image.shownTiles == 256)
    #expect(image.hiddenTiles == 44)
    #expect(image.notes.contains("channels 0 to 255 of 300 (channels= picks others)"))
    let fewer = try FeatureMapRenderer.renderPNG(
      Tensor(shape: [2, 2, 10], repeating: 1), options: RenderOptions(maxTiles: 4))
    #expect(fewer.shownTiles == 4 && fewer.hiddenTiles == 6)
  }

  @Test func channelsPicksARange() throws {
    var options = RenderOptions()
    options.channels = 96..<200
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2, 100], repeating: 1), options: options)
    #expect(throws: RenderError.channelsOutOfRange(first: 100, count: 100)) {
      var past = options
      past.channels = 100..<101
      _ = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2, 100], repeating: 1), options: past)
    }
    #expect(image.shownTiles == 4 && image.hiddenTiles == 96)
    #expect(image.notes.contains("channels 96 to 99 of 100 (channels= picks others)"))
  }

  @Test func mapsThatAreAllZeroAreMarked() throws {
    // Channel 1 of 2 is all zero: the note says so and the mark is drawn inside its tile,
    // which is otherwise black (0 of 0...1).
    var values = [Float](repeating: 0, count: 8 * 8 * 2)
    for p in 0..<64 { values[2 * p] = 1 }
    let options = RenderOptions(upscale: 10, legend: false)
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [8, 8, 2], values: values), options: options)
    #expect(image.notes.contains("1 of 2 maps are all 0 (marked all 0)"))
    let png = try DecodedPNG(image.png)
    // Tile 1 starts at x = 11 + 80 + 10; its 80x80 square holds black and the mark's gray.
    var colours = Set<[UInt8]>()
    for y in 11..<91 { for x in 101..<181 { colours.insert(png.rgb(x, y)) } }
    #expect(colours == [[0, 0, 0], [110, 110, 110]])
    var first = Set<[UInt8]>()
    for y in 11..<91 { for x in 11..<91 { first.insert(png.rgb(x, y)) } }
    #expect(first == [[255, 255, 255]], "channel 0 is all 1: white, no mark")
  }

  @Test func batchShowsTheFirstSample() throws {
    let first: [Float] = [0.5, 1.5, 2.5, 3.5]
    let rest = [Float](repeating: 1000.5, count: 8)
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [3, 2, 2, 1], values: first + rest))
    #expect(image.range == ValueRange(low: 0, high: 3.5), "never negative: 0 to the largest value")
    #expect(image.notes.contains("sample 0 of 3"))
    #expect(image.batchSize == 3)
    let single = try FeatureMapRenderer.renderPNG(Tensor(shape: [1, 2, 2, 1], values: first))
    #expect(single.notes.isEmpty)
    #expect(single.batchSize == 1)
    #expect(try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2], values: first)).batchSize == nil)
  }

  @Test func perChannelScaleHasNoSharedRange() throws {
    let values: [Float] = [0, 0, 1, 10, 2, 20, 3, 30]
    let image = try FeatureMapRenderer.renderPNG(
      Tensor(shape: [2, 2, 2], values: values.map { $0 + 0.5 }),
      options: RenderOptions(scale: .perChannel, upscale: 30, tileLabels: false, legend: false))
    #expect(image.range == nil)
    #expect(image.notes.contains("each tile scaled to its own range"))
    let png = try DecodedPNG(image.png)
    // Both channels run from 0 (black) to their own maximum (white): 3.5 and 30.5, so their
    // first values 0.5 are floor(0.5 / 3.5 * 255 + 0.5) = 36 and floor(0.5 / 30.5 * 255 + 0.5) = 4.
    #expect(png.rgb(26, 26) == [36, 36, 36])
    #expect(png.rgb(11 + 70 + 15, 26) == [4, 4, 4])
    #expect(png.rgb(56, 56) == [255, 255, 255])
    #expect(png.rgb(11 + 70 + 45, 56) == [255, 255, 255])
  }

  @Test func rgbPixelDataIsOneColourPicture() throws {
    let values: [Float] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]
    let tensor = Tensor(shape: [2, 2, 3], values: values)
    var options = RenderOptions(upscale: 30)
    options.pixelRange = ValueRange(low: 0, high: 255)
    let image = try FeatureMapRenderer.renderPNG(tensor, options: options)
    let png = try DecodedPNG(image.png)
    #expect(png.colorType == 2)
    #expect(image.shownTiles == 1)
    #expect(png.rgb(26, 26) == [255, 0, 0])
    #expect(png.rgb(56, 26) == [0, 255, 0])
    #expect(png.rgb(26, 56) == [0, 0, 255])
    #expect(png.rgb(56, 56) == [10, 20, 30])
    let grid = try FeatureMapRenderer.renderPNG(tensor, options: RenderOptions(mode: .grid))
    #expect(grid.shownTiles == 3)
    // The same numbers not known to be pixels are three maps, not a picture.
    #expect(try FeatureMapRenderer.renderPNG(tensor).shownTiles == 3)
  }

  @Test func errorsAreData() {
    #expect(throws: RenderError.emptyTensor(shape: [0, 3])) {
      try FeatureMapRenderer.renderPNG(Tensor(shape: [0, 3], values: []))
    }
    #expect(
      throws: RenderError.unsupportedShape(shape: [1, 1, 1, 1, 1], expected: "(n,), (H, W), (H, W, C) or (N, H, W, C)")
    ) {
      try FeatureMapRenderer.renderPNG(Tensor(shape: [1, 1, 1, 1, 1], values: [1]))
    }
    #expect(throws: RenderError.rgbNeedsThreeChannels(shape: [2, 2, 2])) {
      try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2, 2], repeating: 1), options: RenderOptions(mode: .rgb))
    }
    #expect(throws: RenderError.invalidScale(min: 5, max: 5)) {
      try FeatureMapRenderer.renderPNG(
        Tensor(shape: [2, 2], repeating: 1), options: RenderOptions(scale: .fixed(ValueRange(low: 5, high: 5))))
    }
    #expect(
      RenderError.rgbNeedsThreeChannels(shape: [2, 2, 2]).description
        == "mode 'rgb' needs 3 channels (H, W, 3); got (2, 2, 2)")
  }

  @Test func nanAndInfinityDoNotBreakTheRange() throws {
    let image = try FeatureMapRenderer.renderPNG(
      Tensor(shape: [2, 2], values: [.nan, 1.5, .infinity, 0.5]), options: bare)
    #expect(image.range == ValueRange(low: 0, high: 1.5))
    let png = try DecodedPNG(image.png)
    #expect(png.rgb(56, 56) == [85, 85, 85], "0.5 of 0...1.5: floor(85 + 0.5)")
    #expect(png.rgb(26, 56) == [255, 255, 255], "+inf clamps to the top")
  }

  @Test func base64RoundTrips() throws {
    let image = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2], values: [0, 1, 2, 3]))
    #expect(Data(base64Encoded: image.base64).map { [UInt8]($0) } == image.png)
  }

  @Test func namesForModesAndScales() {
    #expect(RenderMode.named("RGB") == .rgb)
    #expect(RenderMode.named("channels") == .channels)
    #expect(RenderMode.named("tiles") == nil)
    #expect(RenderScale.named("per_channel") == .perChannel)
    #expect(RenderScale.named("shared") == .shared)
  }
}
