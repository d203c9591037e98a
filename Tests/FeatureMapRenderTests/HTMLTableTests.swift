import FeatureMapRender
import TensorEngine
import Testing

@Suite struct HTMLTableTests {
  /// Every `<td ...>value</td>` of the table, as (style, text).
  func cells(_ html: String) -> [(style: String, text: String)] {
    html.components(separatedBy: "<td ").dropFirst().map { piece in
      let style = piece.components(separatedBy: "style=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
      let text = piece.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "</td").first ?? ""
      return (style, text)
    }
  }

  @Test func grayTableHasOneCellPerValue() throws {
    let html = try HTMLTable.render(Tensor(shape: [3, 2], values: [0, 255, 128, 64, 0.5, 1]))
    #expect(html.hasPrefix("<table class=\"cnnlab-table\""))
    #expect(html.components(separatedBy: "<tr ").count - 1 == 4, "a header row and 3 value rows")
    let found = cells(html)
    #expect(found.count == 6)
    #expect(found.map(\.text) == ["0", "255", "128", "64", "0.5", "1"])
    // Gray over 0...255 (pixel data is not forced here: the span is the data's own).
    #expect(found[0].style.contains("background:#000000") && found[0].style.contains("color:#fff"))
    #expect(found[1].style.contains("background:#ffffff") && found[1].style.contains("color:#000"))
    // 128 of 0...255 -> level floor(128 + 0.5) = 128 = #808080, light enough for black text.
    #expect(found[2].style.contains("background:#808080"))
  }

  @Test func pixelDataKeepsAbsoluteGrayLevels() throws {
    // Pixels span 0...255 whatever their own maximum: 100 -> #646464.
    let pixels = cells(try HTMLTable.render(Tensor(shape: [1, 2], values: [0, 100]), pixelRange: ValueRange(low: 0, high: 255)))
    #expect(pixels[1].style.contains("background:#646464"))
    #expect(pixels[1].style.contains("color:#fff"), "gray 100 is dark: white text")
    // Other numbers span 0...max: 100 is white, with black text.
    let numbers = cells(try HTMLTable.render(Tensor(shape: [1, 2], values: [0, 100])))
    #expect(numbers[1].style.contains("background:#ffffff") && numbers[1].style.contains("color:#000"))
  }

  @Test func cellsAreSquaresOfOneWidthWithOneNotation() throws {
    let found = cells(try HTMLTable.render(Tensor(shape: [2, 2], values: [0.005229, 0.0009604, 9, 12.5])))
    // Largest 12.5: 4 significant digits in fixed notation, 2 decimals, trailing zeros dropped.
    #expect(found.map(\.text) == ["0.01", "0", "9", "12.5"])
    let widths = Set(found.map { $0.style.components(separatedBy: "width:")[1].components(separatedBy: ";")[0] })
    #expect(widths.count == 1)
    let side = widths.first ?? ""
    #expect(found.allSatisfy { $0.style.contains("height:\(side)") }, "square")
    let small = cells(try HTMLTable.render(Tensor(shape: [1, 2], values: [0.0005229, 0.0009604])))
    #expect(small.map(\.text) == ["5.229e-4", "9.604e-4"])
  }

  @Test func signedTableUsesTheDivergingMap() throws {
    let found = cells(try HTMLTable.render(Tensor(shape: [1, 3], values: [-5, 0, 5])))
    #expect(found[1].style.contains("background:#ffffff"))
    #expect(found[0].style.contains("color:#fff"), "dark blue gets white text")
  }

  @Test func shapesWithUnitAxesAreTables() throws {
    let digit = try HTMLTable.render(Tensor(shape: [1, 28, 28, 1], repeating: 0))
    #expect(cells(digit).count == 784)
    #expect(digit.components(separatedBy: "<tr ").count - 1 == 29)
    let column = try HTMLTable.render(Tensor(shape: [4, 1], values: [1, 2, 3, 4]), indices: false)
    #expect(column.components(separatedBy: "<tr ").count - 1 == 4)
  }

  @Test func tooLargeIsRefused() {
    #expect(throws: RenderError.tableTooLarge(rows: 33, columns: 33, limit: 32)) {
      try HTMLTable.render(Tensor(shape: [33, 33], repeating: 0))
    }
  }

  @Test func figurePutsItsTitleAboveItsParts() throws {
    let picture = try FeatureMapRenderer.renderPNG(Tensor(shape: [2, 2], repeating: 1))
    let html = HTMLFigure.compose(title: "a < b & \"c\"", parts: [HTMLFigure.image(picture, alt: "x"), "<table></table>"])
    #expect(html.contains("a &lt; b &amp; &quot;c&quot;"))
    let title = try #require(html.range(of: "cnnlab-title"))
    let image = try #require(html.range(of: "src=\"data:image/png;base64,\(picture.base64)\""))
    #expect(title.lowerBound < image.lowerBound)
    #expect(html.contains("width=\"\(picture.width)\" height=\"\(picture.height)\""))
  }
}

@Suite struct RenderBenchmarkTests {
  @Test func benchmarkReportsEveryCase() {
    let results = RenderBenchmark.run(repeats: 1)
    #expect(results.count == 6)
    #expect(results.allSatisfy { $0.ms.isFinite && $0.ms > 0 })
    #expect(results.first?.name.contains("64x112x112") == true)
  }
}
