import CNNKernel
import Foundation
import FoundationXML
import JupyterKernel
import JupyterProtocol
import Testing

/// A model summary through the kernel language: text/plain like Keras, and an HTML table
/// that parses and carries the same numbers.
struct SummaryDisplayTests {
  final class Outputs: ExecutionOutput {
    var displays: [MimeBundle] = []
    func stream(_ text: String, toStderr: Bool) {}
    func display(_ bundle: MimeBundle, displayID: String?) { displays.append(bundle) }
    func updateDisplay(_ bundle: MimeBundle, displayID: String) {}
    func clearOutput(wait: Bool) {}
    func page(_ bundle: MimeBundle) {}
  }

  func result(_ code: String) throws -> MimeBundle {
    let outcome = CNNLanguage().execute(code: code, executionCount: 1, silent: false, output: Outputs())
    guard case .ok(let bundle?) = outcome else {
      Issue.record("no result: \(outcome)")
      throw CancellationError()
    }
    return bundle
  }

  @Test func lenetSummaryIsATableWithTheHandCountedNumbers() throws {
    let bundle = try result("summary(LeNet5())")
    guard case .string(let plain)? = bundle.data["text/plain"], case .string(let html)? = bundle.data["text/html"] else {
      Issue.record("missing text/plain or text/html")
      return
    }
    #expect(plain.contains("Total params: 61,706"))
    let document = try XMLDocument(xmlString: html)
    let rows = try document.nodes(forXPath: "//tbody/tr")
    // Input, c1, s2, c3, s4, c5, flatten, f6, output.
    #expect(rows.count == 9)
    let cells = try rows[1].nodes(forXPath: "td").map { $0.stringValue ?? "" }
    #expect(cells == ["c1 (Conv2D)", "(None, 28, 28, 6)", "156", "117,600", "6·(5·5·1)+6 = 156"])
    let numberCell = try #require(try rows[1].nodes(forXPath: "td[3]").first as? XMLElement)
    #expect(numberCell.attribute(forName: "style")?.stringValue?.contains("text-align:right") == true)
    let totals = try document.nodes(forXPath: "//tfoot/tr/td").map { $0.stringValue ?? "" }
    #expect(totals.contains("61,706"))
    #expect(totals.contains("416,520"))
  }

  @Test func aModelValueShowsItsSummary() throws {
    let bundle = try result("Sequential([Dense(3, input_shape=(4,), name=\"d\")], name=\"tiny\")")
    guard case .string(let plain)? = bundle.data["text/plain"], case .string(let html)? = bundle.data["text/html"] else {
      Issue.record("missing text/plain or text/html")
      return
    }
    #expect(plain.contains("d (Dense)"))
    #expect(plain.contains("4·3+3 = 15"))
    #expect(html.contains("Model: tiny (Sequential)"))
  }

  @Test func aBadLayerCallIsAnErrorWithTheLineAndACaret() throws {
    let language = CNNLanguage()
    let outcome = language.execute(
      code: "x = Input((28, 28, 1))\ny = Dense(10)(x)", executionCount: 3, silent: false, output: Outputs())
    guard case .error(let error) = outcome else {
      Issue.record("expected an error, got \(outcome)")
      return
    }
    #expect(error.name == "ShapeError")
    #expect(error.value.contains("add Flatten() before Dense"))
    let plain = error.traceback.joined(separator: "\n").replacingOccurrences(of: "\u{1B}[1;31m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
    #expect(plain.contains("cell[3]:2:5"))
    #expect(plain.contains("2 | y = Dense(10)(x)"))
    #expect(plain.contains("  |     ^^^^^^^^^^^^"))
    // The kernel goes on: x is still defined.
    guard case .ok = language.execute(code: "x.shape", executionCount: 4, silent: false, output: Outputs()) else {
      Issue.record("the next cell failed")
      return
    }
  }
}
