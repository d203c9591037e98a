import FeatureMapRender
import Foundation
import TensorEngine
import Testing

@Suite struct FilterRenderingTests {
  @Test func smallKernelStackShowsEveryInputOutputPair() throws {
    let image = try FeatureMapRenderer.renderFilters(
      Tensor(shape: [3, 3, 2, 4], values: (0..<72).map { Float($0) - 36 }))
    #expect(image.shownTiles == 8 && image.hiddenTiles == 0)
    #expect(image.colormap == .diverging)
  }

  @Test func filterMatrixKeepsOneRowPerInputChannel() throws {
    // 16 filters of 5x5 cannot have 72 px tiles in 1200 px: tiles shrink, the 16 columns stay.
    let image = try FeatureMapRenderer.renderFilters(
      Tensor(shape: [5, 5, 3, 16], repeating: 0.5), options: RenderOptions(legend: false, filterLayout: .all))
    #expect(image.shownTiles == 48)
    // Tiles (1200 - 15 gaps of 10) / 16 = 65 px. Height: margin and border, three rows of
    // (65 px tile + 22 px label) with two 10 px gaps, border, 8 px, one note line of 16 + 4, margin.
    #expect(image.height == 10 + 1 + (3 * (65 + 22) + 2 * 10) + 1 + 8 + (16 + 4) + 10)
  }

  @Test func colourInputFiltersAreColourTiles() throws {
    // (1, 1, 3, 2): filter 0 has weights (+1, 0, -1) for red, green, blue; filter 1 is all zero.
    // Storage order is (c, o): [r0, r1, g0, g1, b0, b1]. Range (-1, 1): +1 -> 255, 0 -> 128, -1 -> 0.
    let kernel = Tensor(shape: [1, 1, 3, 2], values: [1, 0, 0, 0, -1, 0])
    let image = try FeatureMapRenderer.renderFilters(kernel, options: RenderOptions(upscale: 30, tileLabels: false))
    let png = try DecodedPNG(image.png)
    #expect(png.colorType == 2)
    #expect(image.shownTiles == 2)
    #expect(image.range == ValueRange(low: -1, high: 1))
    #expect(png.rgb(26, 26) == [255, 128, 0])
    #expect(png.rgb(11 + 30 + 10 + 15, 26) == [128, 128, 128])
    #expect(throws: RenderError.self) {
      try FeatureMapRenderer.renderFilters(
        Tensor(shape: [3, 3, 2, 4], repeating: 1), options: RenderOptions(filterLayout: .rgb))
    }
  }

  @Test func wideKernelStackIsAveragedOverInputs() throws {
    // 32 x 16 = 512 input-output pairs are more than 256 tiles: one mean tile per filter.
    let image = try FeatureMapRenderer.renderFilters(Tensor(shape: [3, 3, 32, 16], repeating: 0.5))
    #expect(image.shownTiles == 16)
    #expect(image.notes.contains("mean over 32 input channels"))
  }

  @Test func averageOfOppositeInputsIsWhite() throws {
    // One 1x1 filter with inputs +1 and -1: the mean is 0, white in the diverging map.
    let options = RenderOptions(
      colormap: .diverging, scale: .fixed(ValueRange(low: -1, high: 1)), upscale: 30, legend: false,
      filterLayout: .average)
    let image = try FeatureMapRenderer.renderFilters(Tensor(shape: [1, 1, 2, 1], values: [1, -1]), options: options)
    #expect(try DecodedPNG(image.png).rgb(20, 20) == [255, 255, 255])
  }

  @Test func manyFiltersArePaged() throws {
    let image = try FeatureMapRenderer.renderFilters(Tensor(shape: [3, 3, 1, 300], repeating: 1))
    #expect(image.shownTiles == 256 && image.hiddenTiles == 44)
    let one = try FeatureMapRenderer.renderFilters(Tensor(shape: [3, 3], values: [1, 0, -1, 1, 0, -1, 1, 0, -1]))
    #expect(one.shownTiles == 1)
    #expect(throws: RenderError.self) { try FeatureMapRenderer.renderFilters(Tensor(shape: [3, 3, 3], repeating: 1)) }
  }
}

@Suite struct KeywordOptionsTests {
  @Test func keywordsBecomeOptions() throws {
    let options = try RenderOptions.keywords(cmap: "RdBu", mode: "channels", title: "t", scale: "per_channel")
    #expect(options.colormap == .diverging)
    #expect(options.mode == .channels)
    #expect(options.title == "t")
    #expect(options.scale == .perChannel)
    let fixed = try RenderOptions.keywords(range: ValueRange(low: 0, high: 255))
    #expect(fixed.scale == .fixed(ValueRange(low: 0, high: 255)))
  }

  @Test func unknownKeywordValuesAreErrors() {
    #expect(throws: RenderError.unknownColormap(name: "jet")) { try RenderOptions.keywords(cmap: "jet") }
    #expect(throws: RenderError.unknownMode(name: "mosaic")) { try RenderOptions.keywords(mode: "mosaic") }
    #expect(throws: RenderError.unknownScale(name: "log")) { try RenderOptions.keywords(scale: "log") }
    #expect(throws: RenderError.invalidScale(min: 1, max: 0)) {
      try RenderOptions.keywords(range: ValueRange(low: 1, high: 0))
    }
    #expect(
      RenderError.unknownMode(name: "mosaic").description
        == "unknown mode 'mosaic': use one of 'auto', 'grid', 'rgb', 'channels'")
  }
}

@Suite struct LargeMapTests {
  @Test func hugeMapsShrinkAndSaySo() throws {
    let wide = try FeatureMapRenderer.renderPNG(Tensor(shape: [40, 2000], repeating: 1))
    #expect(wide.width <= 1200 + 2 + 20)
    #expect(wide.notes.contains("maps of 40x2000 drawn at 24x1200 px: not every value is shown"))
    let tall = try FeatureMapRenderer.renderPNG(Tensor(shape: [5000, 3], repeating: 1))
    #expect(tall.height < 2400 + 200)
    let decoded = try DecodedPNG(tall.png)
    #expect(decoded.width == tall.width && decoded.height == tall.height)
  }
}

@Suite struct TitleLetteringTests {
  /// Debian's fonts-nanum, which scripts/install-system-deps.sh installs.
  static let koreanFont = "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"

  @Test func hangulTitlesAreDrawnFromTheSystemFont() throws {
    guard FileManager.default.fileExists(atPath: TitleLetteringTests.koreanFont) else {
      #expect(!FeatureMapRenderer.canLetter("경계"), "without a Korean font the title is left to the HTML")
      return
    }
    #expect(FeatureMapRenderer.canLetter("수직 경계 (vertical)"))
    func titleInk(_ title: String) throws -> Int {
      let options = RenderOptions(title: title, upscale: 30, legend: false)
      let png = try DecodedPNG(try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2], repeating: 1), options: options).png)
      // The title line: 10 px margin, 16 px of text, above the tiles.
      var ink = 0
      for y in 10..<26 { for x in 10..<60 where png.rgb(x, y)[0] < 100 { ink += 1 } }
      return ink
    }
    // Two Hangul syllables of about 16x16 px have more ink than the two 10x14 px question
    // marks the bitmap font would put in their place.
    let hangul = try titleInk("경계")
    let marks = try titleInk("??")
    #expect(marks > 20 && hangul > marks + 20, "ink: \(hangul) for Hangul, \(marks) for ??")
  }
}
