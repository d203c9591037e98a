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
    #expect(html.components(separatedBy: "<tr>").count - 1 == 4, "a header row and 3 value rows")
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
    // Integers in 0...255 span 0...255 whatever their own maximum: 100 -> #646464.
    let found = cells(try HTMLTable.render(Tensor(shape: [1, 2], values: [0, 100])))
    #expect(found[1].style.contains("background:#646464"))
    #expect(found[1].style.contains("color:#fff"), "gray 100 is dark: white text")
  }

  @Test func signedTableUsesTheDivergingMap() throws {
    let found = cells(try HTMLTable.render(Tensor(shape: [1, 3], values: [-5, 0, 5])))
    #expect(found[1].style.contains("background:#ffffff"))
    #expect(found[0].style.contains("color:#fff"), "dark blue gets white text")
  }

  @Test func shapesWithUnitAxesAreTables() throws {
    let digit = try HTMLTable.render(Tensor(shape: [1, 28, 28, 1], repeating: 0))
    #expect(cells(digit).count == 784)
    #expect(digit.components(separatedBy: "<tr>").count - 1 == 29)
    let column = try HTMLTable.render(Tensor(shape: [4, 1], values: [1, 2, 3, 4]), indices: false)
    #expect(column.components(separatedBy: "<tr>").count - 1 == 4)
  }

  @Test func tooLargeIsRefused() {
    #expect(throws: RenderError.tableTooLarge(rows: 33, columns: 33, limit: 32)) {
      try HTMLTable.render(Tensor(shape: [33, 33], repeating: 0))
    }
  }

  @Test func figureEscapesItsCaption() {
    let html = HTMLTable.figure(png: [1, 2, 3], width: 10, height: 20, caption: "a < b & \"c\"")
    #expect(html.contains("a &lt; b &amp; &quot;c&quot;"))
    #expect(html.contains("src=\"data:image/png;base64,AQID\""))
    #expect(html.contains("width=\"10\" height=\"20\""))
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
