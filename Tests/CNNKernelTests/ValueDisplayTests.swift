import CNNKernel
import JupyterKernel
import JupyterProtocol
import Testing

/// What a cell's value looks like in a notebook: the MIME types each kind of tensor carries,
/// through the public kernel language (the same path a Jupyter request takes).
struct ValueDisplayTests {
  @Test func smallImageHasTextPictureAndTable() throws {
    let bundle = try #require(Notebook().result("tensor([[0, 255], [128, 64]])"))
    #expect(bundle.text("text/plain") == "tensor of shape (2, 2)\n[[  0, 255],\n [128,  64]]")
    let header = try #require(bundle.pngHeaderSize)
    let meta = try #require(bundle.pngSize)
    #expect(Double(header.width) == meta.width && Double(header.height) == meta.height)
    // Two columns of upscaled tiles are wider than the 2x2 map itself.
    #expect(header.width > 2 && header.height > 2)
    let html = try #require(bundle.text("text/html"))
    #expect(html.contains("<table") && html.components(separatedBy: "<td").count - 1 == 4)
    #expect(html.contains(">255<") && html.contains(">128<"))
  }

  @Test func digitIsATableAndAPicture() throws {
    let bundle = try #require(Notebook().result("image(\"digit9\")"))
    #expect(bundle.text("text/plain")?.hasPrefix("tensor of shape (28, 28)") == true)
    #expect(bundle.pngHeaderSize != nil)
    let html = try #require(bundle.text("text/html"))
    #expect(html.components(separatedBy: "<td").count - 1 == 28 * 28)
  }

  @Test func featureMapStackIsAPictureWithoutTable() throws {
    let bundle = try #require(Notebook().result("conv2d(image(\"digit9\") / 255, randn((3, 3, 1, 8), seed=1))"))
    #expect(bundle.text("text/plain")?.hasPrefix("tensor of shape (26, 26, 8), min ") == true)
    #expect(bundle.pngHeaderSize != nil)
    #expect(bundle.data["text/html"] == nil)
  }

  @Test func largeMapsAndBatchesAreDrawn() throws {
    let notebook = Notebook()
    #expect(notebook.result("zeros((112, 112, 64))")?.pngHeaderSize != nil)
    #expect(notebook.result("digits(4)[0]")?.pngHeaderSize != nil)
    #expect(notebook.result("image(\"house\")")?.pngHeaderSize != nil)
  }

  @Test func kernelsAreDrawnAsFilters() throws {
    let notebook = Notebook()
    let kernel = try #require(notebook.result("randn((3, 3, 1, 8), seed=2)"))
    let batch = try #require(notebook.result("randn((2, 28, 28, 1), seed=2)"))
    // Both are 4-D; the kernel becomes a sheet of 8 small filters, the batch one 28x28 map.
    let k = try #require(kernel.pngHeaderSize)
    let b = try #require(batch.pngHeaderSize)
    #expect(k.width != b.width || k.height != b.height)
  }

  @Test func shortVectorsShowTheirValuesWithBars() throws {
    let bundle = try #require(Notebook().result("arange(10)"))
    #expect(bundle.text("text/plain") == "tensor of shape (10,)\n[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")
    let html = try #require(bundle.text("text/html"))
    #expect(html.contains("cnnlab-bars"))
    for value in 0..<10 { #expect(html.contains("class=\"cnnlab-value\" style=\"width:24px;min-width:24px;max-width:24px;padding:0;text-align:center;height:24px;border:none\">\(value)</td>")) }
    // 9 is the tallest bar (60 px), 3 a third of it.
    #expect(html.contains("height:60px;background") && html.contains("height:20px;background"))
  }

  @Test func longVectorsShowTheirTextAndAStrip() throws {
    let bundle = try #require(Notebook().result("arange(100)"))
    #expect(bundle.pngHeaderSize != nil)
    let html = try #require(bundle.text("text/html"))
    #expect(html.contains("tensor([ 0,  1,  2, ..., 97, 98, 99])") == false, "100 values are not summarised")
    #expect(html.contains("<pre") && html.contains("<img"))
  }

  @Test func probabilitiesAreLabelledBars() throws {
    let bundle = try #require(Notebook().result("softmax(tensor([0, 0, 0, 0]))"))
    let html = try #require(bundle.text("text/html"))
    #expect(html.contains("cnnlab-probabilities"))
    #expect(html.components(separatedBy: "25%</td>").count - 1 == 4)
  }

  @Test func numbersAndListsStayText() throws {
    let notebook = Notebook()
    #expect(notebook.result("1 + 2")?.data.keys.sorted() == ["text/plain"])
    #expect(notebook.result("zeros((2, 2)).shape")?.text("text/plain") == "(2, 2)")
  }

  @Test func showSendsADisplayWithTitleAndOptions() throws {
    let notebook = Notebook()
    let (outcome, output) = notebook.run("show(image(\"digit9\"), title=\"a nine\", cmap=\"viridis\", scale=(0, 255))")
    #expect(outcome == .ok(result: nil))
    let shown = try #require(output.displays.first)
    #expect(shown.text("text/plain")?.hasPrefix("a nine\ntensor of shape (28, 28)") == true)
    #expect(shown.pngHeaderSize != nil)
    #expect(shown.text("text/html")?.contains("a nine") == true)
  }

  @Test func filterModeForcesTheKernelView() throws {
    let notebook = Notebook()
    let (_, asMaps) = notebook.run("show(randn((3, 3, 1, 8), seed=2), mode=\"grid\")")
    let (_, asFilters) = notebook.run("show(randn((3, 3, 1, 8), seed=2), mode=\"filters\")")
    let maps = try #require(asMaps.displays.first?.pngHeaderSize)
    let filters = try #require(asFilters.displays.first?.pngHeaderSize)
    #expect(maps.width != filters.width || maps.height != filters.height)
  }

  @Test(arguments: [
    ("show(zeros((2, 2)), cmap=\"rainbow\")", "unknown colormap 'rainbow'"),
    ("show(zeros((2, 2)), mode=\"stack\")", "unknown mode 'stack'"),
    ("show(zeros((2, 2)), scale=\"loud\")", "unknown scale 'loud'"),
    ("show(zeros((2, 2)), scale=(1, 0))", "scale must be two finite numbers with min < max"),
    ("show(zeros((2, 2)), cmap=3)", "cmap must be a colormap name"),
  ])
  func badShowOptionsAreValueErrors(code: String, fragment: String) throws {
    let notebook = Notebook()
    _ = notebook.run("x = 5")
    let (outcome, output) = notebook.run(code)
    guard case .error(let error) = outcome else {
      Issue.record("\(code) should fail")
      return
    }
    #expect(error.name == "ValueError")
    #expect(error.value.contains(fragment), "\(error.value)")
    #expect(output.displays.isEmpty)
    #expect(notebook.result("x")?.text("text/plain") == "5")
  }

  @Test func explanationHasTextAndHTML() throws {
    let notebook = Notebook()
    let code = """
      x = tensor([[3, 0, 1, 2, 7, 4], [1, 5, 8, 9, 3, 1], [2, 7, 2, 5, 1, 3],
                  [0, 1, 3, 1, 7, 8], [4, 2, 1, 6, 2, 8], [2, 4, 5, 2, 3, 9]])
      explain(conv2d(x, filter("vertical_edge"), padding="same"), at=(0, 0))
      """
    let bundle = try #require(notebook.result(code))
    let text = try #require(bundle.text("text/plain"))
    #expect(text.hasPrefix("conv2d output [0, 0] = -5\n"))
    #expect(text.hasSuffix("sum of products: 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 - 5 = -5"))
    let html = try #require(bundle.text("text/html"))
    #expect(html.contains("class=\"cnnlab-explain\""))
    // Five padding cells of the 3x3 window, marked.
    #expect(html.components(separatedBy: "class=\"cnnlab-pad\"").count - 1 == 5)
    #expect(html.contains("sum <b>-5</b>"))
    // Three tables: window, filter, products.
    #expect(html.components(separatedBy: "<table").count - 1 == 3)
  }

  @Test func explanationOfPoolingMarksTheWinner() throws {
    let bundle = try #require(Notebook().result("explain(max_pool(tensor([[1, 3], [4, 2]]), 2), at=(0, 0))"))
    let html = try #require(bundle.text("text/html"))
    #expect(html.contains("3px solid") && html.contains(">4</td>"))
    #expect(bundle.text("text/plain")?.hasSuffix("largest value: 4 at window row 1, column 0") == true)
  }

  @Test func errorsCarryLineAndCaretAndTheKernelGoesOn() throws {
    let notebook = Notebook()
    _ = notebook.run("x = image(\"digit9\")")
    let (outcome, _) = notebook.run("y = conv2d(x, filter(\"sobel_x\"), padding=\"middle\")")
    guard case .error(let error) = outcome else {
      Issue.record("the bad padding should fail")
      return
    }
    #expect(error.name == "ValueError")
    let plain = error.traceback.joined(separator: "\n").replacingOccurrences(of: "\u{1B}[1;31m", with: "")
      .replacingOccurrences(of: "\u{1B}[0m", with: "")
    #expect(plain.contains("cell[2]:1:5"))
    #expect(plain.contains("y = conv2d(x, filter(\"sobel_x\"), padding=\"middle\")"))
    #expect(plain.contains("    ^"))
    #expect(notebook.result("x.shape")?.text("text/plain") == "(28, 28)")
  }
}

/// `mode=` chooses between the picture and the value table of a small 2-D tensor.
struct DisplayModeTests {
  @Test func pictureModeDropsTheTableAndTableModeThePicture() throws {
    let notebook = Notebook()
    let (_, picture) = notebook.run("show(image(\"digit9\"), mode=\"grid\")")
    let (_, table) = notebook.run("show(image(\"digit9\"), mode=\"table\")")
    let (_, both) = notebook.run("show(image(\"digit9\"))")
    #expect(picture.displays.first.map { $0.data.keys.sorted() } == ["image/png", "text/plain"])
    #expect(table.displays.first.map { $0.data.keys.sorted() } == ["text/html", "text/plain"])
    #expect(both.displays.first.map { $0.data.keys.sorted() } == ["image/png", "text/html", "text/plain"])
  }
}
