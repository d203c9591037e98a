import Foundation
import CNNLang
import Testing

struct RendererTests {
  @Test func nameErrorWithSuggestion() throws {
    let error = try #require(CellRun("x = 1\npirnt(\"x\")", cellID: 3).error)
    #expect(error.kind == .name)
    #expect(error.message == "name 'pirnt' is not defined")
    #expect(error.plainTraceback == [
      "NameError: name 'pirnt' is not defined",
      " --> cell[3]:2:1",
      "  |",
      "2 | pirnt(\"x\")",
      "  | ^^^^^",
      "  = help: did you mean 'print'?",
    ])
  }

  @Test func caretCoversTheFailingExpression() throws {
    let error = try #require(CellRun("y = 2\nz = y + \"a\"", cellID: 7).error)
    #expect(error.plainTraceback == [
      "TypeError: '+' is not supported between a number and a str",
      " --> cell[7]:2:5",
      "  |",
      "2 | z = y + \"a\"",
      "  |     ^^^^^^^",
    ])
  }

  @Test func severalSyntaxErrorsInOneTraceback() throws {
    let error = try #require(CellRun("a = (1 +* 2)\nb = 2\nc = 3 +", cellID: 1).error)
    #expect(error.kind == .syntax)
    #expect(error.diagnostics.count == 2)
    #expect(error.plainTraceback == [
      "SyntaxError: expected an expression, but found '*'",
      " --> cell[1]:1:9",
      "  |",
      "1 | a = (1 +* 2)",
      "  |         ^",
      "",
      "SyntaxError: expected an expression, but found the end of the line",
      " --> cell[1]:3:8",
      "  |",
      "3 | c = 3 +",
      "  |        ^",
    ])
  }

  @Test func anUnclosedBracketHidesTheErrorsItCauses() throws {
    let error = try #require(CellRun("x = [1, 2\ny = 3", cellID: 2).error)
    #expect(error.plainTraceback == [
      "SyntaxError: '[' opened at 1:5 is never closed",
      " --> cell[2]:1:5",
      "  |",
      "1 | x = [1, 2",
      "  |     ^",
      "  = help: add ']'",
    ])
  }

  @Test func aMissingArgumentPointsToHelp() throws {
    let error = try #require(CellRun("def f(a, b):\n    return a\nf(1)").error)
    #expect(error.plainTraceback.last == "  = help: help(f) shows how to call it")
  }

  @Test func aMethodPointsToItsQualifiedHelp() throws {
    let error = try #require(CellRun("\", \".join([1])").error)
    #expect(error.message == "join() needs a sequence of strings for 'iterable', but got a list")
    #expect(error.plainTraceback.last == "  = help: help(\"str.join\") shows how to call it")
  }

  @Test func wrongKeywordNamesTheValidOnes() throws {
    let error = try #require(CellRun("print(1, sepp=\"-\")").error)
    #expect(error.plainTraceback.last == "  = help: did you mean 'sep'? valid names: 'sep', 'end', 'file'")
  }

  @Test func errorInsideAFunctionShowsTheCall() throws {
    let interpreter = Interpreter()
    _ = CellRun("def half(x):\n    return x / 0", interpreter: interpreter, cellID: 1)
    let error = try #require(CellRun("y = 1\nhalf(y)", interpreter: interpreter, cellID: 2).error)
    #expect(error.plainTraceback == [
      "ValueError: division by zero",
      " --> cell[1]:2:12",
      "  |",
      "2 |     return x / 0",
      "  |            ^^^^^",
      "  = note: in half(), called from cell[2]:2:1",
    ])
  }

  @Test func deepRecursionNotesAreSummarised() throws {
    let error = try #require(CellRun("def f(n):\n    return f(n + 1)\nf(0)").error)
    #expect(error.message.hasPrefix("too many nested calls"))
    #expect(error.plainTraceback.count < 20)
    #expect(error.plainTraceback.contains { $0.contains("more calls") })
  }

  @Test func wideLineNumbersWidenTheGutter() throws {
    let code = String(repeating: "\n", count: 11) + "undefined_name"
    let error = try #require(CellRun(code, cellID: 4).error)
    #expect(error.plainTraceback.prefix(5) == [
      "NameError: name 'undefined_name' is not defined",
      "  --> cell[4]:12:1",
      "   |",
      "12 | undefined_name",
      "   | ^^^^^^^^^^^^^^",
    ])
  }

  @Test func colouredTracebackDiffersOnlyByEscapes() throws {
    let error = try #require(CellRun("1 / 0").error)
    let stripped = error.traceback.map { $0.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) }
    #expect(error.traceback != error.plainTraceback)
    #expect(stripped == error.plainTraceback)
  }
}
