import CNNLang
import Testing

/// Cells that used to take the parser or the error renderer hostage: each is refused with a
/// short message, in time proportional to its length.
struct HostileSourceTests {
  private func seconds(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  @Test func tenThousandOpenBracketsAreRefusedQuickly() throws {
    var error: LanguageError?
    let time = seconds { error = CellRun(String(repeating: "(", count: 10_000)).error }
    let e = try #require(error)
    #expect(e.kind == .syntax)
    // The innermost three, not ten thousand copies of the line.
    #expect(e.diagnostics.count == 3)
    #expect(e.plainTraceback.joined(separator: "\n").count < 2_000)
    #expect(time < 1, "took \(time) s")
  }

  @Test func aChainOfNotsIsTooDeepNotACrash() {
    let code = String(repeating: "not ", count: 20_000) + "1"
    #expect(Syntax.diagnostics(in: code).map(\.message) == [.tooDeeplyNested])
    #expect(eval(String(repeating: "not ", count: 51) + "1") == "False")
  }

  @Test func chainsInsideBracketsAreBoundedByHeight() {
    // Each level is allowed alone (45 brackets, 1000 terms); together the tree is 45,000 tall.
    var code = "1"
    for _ in 0..<45 { code = "(" + code + String(repeating: "+1", count: 999) + ")" }
    #expect(Syntax.diagnostics(in: code).map(\.message) == [.tooDeeplyNested])
    var fine = "1"
    for _ in 0..<3 { fine = "(" + fine + String(repeating: "+1", count: 499) + ")" }
    #expect(eval(fine) == "1498")
  }

  @Test func aFloodOfStrayCharactersShowsTenErrors() throws {
    let e = try #require(CellRun(String(repeating: "$", count: 100_000)).error)
    let text = e.plainTraceback.joined(separator: "\n")
    #expect(text.components(separatedBy: "SyntaxError").count - 1 == 10)
    #expect(text.contains("99990 more errors in this cell not shown"))
  }

  @Test func aLongLineIsShownAsAWindowAroundTheCaret() throws {
    let code = "x = " + String(repeating: "1 + ", count: 3_000) + "$ + 1"
    let e = try #require(CellRun(code).error)
    let lines = e.plainTraceback
    let source = try #require(lines.first { $0.hasPrefix("1 | ") })
    let caret = try #require(lines.first { $0.hasSuffix("^") && $0.contains(" | ") })
    #expect(source.count < 180)
    #expect(source.hasPrefix("1 | ...") && source.hasSuffix("1 + $ + 1"))
    // The caret sits under the `$`.
    let dollar = try #require(source.firstIndex(of: "$"))
    #expect(source.distance(from: source.startIndex, to: dollar) == caret.count - 1)
  }
}

/// Loops whose cost used to grow with the square of their length.
struct LinearLoopTests {
  @Test func aForLoopOverALongStringIsLinear() {
    let code = "s = 'ab' * 50000\nn = 0\nfor c in s:\n    if c == 'b':\n        n += 1\nn"
    let clock = ContinuousClock()
    var shown = ""
    let elapsed = clock.measure { shown = CellRun(code).shown }
    #expect(shown == "50000")
    #expect(elapsed < .seconds(2), "took \(elapsed)")
  }

  @Test func aComprehensionOverAStringKeepsEveryCharacter() {
    #expect(eval("[c for c in 'héllo, 한글']") == "['h', 'é', 'l', 'l', 'o', ',', ' ', '한', '글']")
    #expect(eval("''.join([c for c in 'abc' if c != 'b'])") == "'ac'")
  }
}

/// Completion, inspection and is_complete on a megabyte of input answer while the console waits.
struct LongInputToolingTests {
  @Test func aMegabyteIdentifierIsAnsweredQuickly() {
    let interpreter = Interpreter()
    let name = String(repeating: "x", count: 1_000_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      #expect(interpreter.complete(code: name, cursor: name.unicodeScalars.count).matches.isEmpty)
      #expect(interpreter.inspect(code: "print(" + name, cursor: 1_000_006) == nil)
      #expect(interpreter.inspect(code: name + "\nprint(", cursor: 1_000_007) != nil)
    }
    #expect(elapsed < .seconds(1), "took \(elapsed)")
  }

  @Test func isCompleteLeavesAMegabyteToTheConsole() {
    let interpreter = Interpreter()
    #expect(interpreter.isComplete(String(repeating: "(", count: 1_000_000)) == .unknown)
    #expect(interpreter.isComplete("x = (" + String(repeating: "1, ", count: 1000)) == .incomplete(indent: ""))
  }
}
