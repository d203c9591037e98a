import CNNLang
import Testing

/// Session behaviour: names across cells, errors that lose nothing, results, reset.
struct InterpreterTests {
  @Test func namesLiveAcrossCells() {
    let interpreter = Interpreter()
    _ = CellRun("x = 2", interpreter: interpreter)
    #expect(CellRun("x * 21", interpreter: interpreter).shown == "42")
  }

  @Test func anErrorKeepsEarlierNamesAndSkipsTheFailedAssignment() {
    let interpreter = Interpreter()
    let run = CellRun("a = 1\nb = 2\nb = undefined + 1\nc = 3", interpreter: interpreter)
    #expect(run.error?.kind == .name)
    #expect(interpreter.value(of: "a") == .number(1))
    #expect(interpreter.value(of: "b") == .number(2))
    #expect(interpreter.value(of: "c") == nil)
    #expect(CellRun("a + b", interpreter: interpreter).shown == "3")
  }

  @Test func aSyntaxErrorRunsNothing() {
    let interpreter = Interpreter()
    let run = CellRun("print(\"side effect\")\nx = = 1", interpreter: interpreter)
    #expect(run.error?.kind == .syntax)
    #expect(run.host.stdout == "")
  }

  @Test func onlyTheLastBareExpressionIsTheResult() {
    #expect(eval("1\n2") == "2")
    #expect(eval("x = 5") == "")
    #expect(eval("None") == "")
    #expect(eval("print(1)") == "")
    #expect(eval("for i in range(2):\n    i") == "")
    #expect(eval("'text'") == "'text'")
    #expect(eval("1 + 1;") == "")
    #expect(eval("1 + 1 ;  # hidden") == "")
    #expect(eval("x = 1; x") == "1")
  }

  @Test func evaluateExpressionDoesNotChangeNames() {
    let interpreter = Interpreter()
    let host = RecordingHost()
    _ = interpreter.run("x = [1, 2]", cellID: 1, host: host)
    let result = interpreter.evaluate(expression: "len(x) * 10", host: host)
    #expect((try? result.get())?.repr == "20")
    guard case .failure(let error) = interpreter.evaluate(expression: "x = 3", host: host) else {
      Issue.record("an assignment is not an expression")
      return
    }
    #expect(error.kind == .syntax)
    guard case .failure(let nameError) = interpreter.evaluate(expression: "y", host: host) else {
      Issue.record("y is undefined")
      return
    }
    #expect(nameError.kind == .name)
  }

  @Test func resetForgetsUserNamesButNotBuiltins() {
    let interpreter = Interpreter()
    _ = CellRun("x = 1", interpreter: interpreter)
    interpreter.reset()
    #expect(CellRun("x", interpreter: interpreter).error?.kind == .name)
    #expect(CellRun("len([1])", interpreter: interpreter).shown == "1")
  }

  @Test func functionsFromEarlierCellsSeeLaterGlobals() {
    let interpreter = Interpreter()
    _ = CellRun("def scaled(v):\n    return v * factor", interpreter: interpreter)
    _ = CellRun("factor = 3", interpreter: interpreter)
    #expect(CellRun("scaled(2)", interpreter: interpreter).shown == "6")
  }

  @Test func showPassesOnlyTheGivenOptions() throws {
    let run = CellRun("show(5, title=\"t\", cmap=\"gray\")")
    let shown = try #require(run.host.shown.first)
    #expect(shown.value == .number(5))
    #expect(shown.options.keys.sorted() == ["cmap", "title"])
    #expect(shown.options["title"] == .string("t"))
  }

  @Test func clearOutputAndHelpReachTheHost() {
    let run = CellRun("clear_output()\nclear_output(wait=True)\nhelp(len)")
    #expect(run.host.clears == [false, true])
    #expect(run.host.pages.count == 1)
    #expect(run.host.pages.first?.hasPrefix("len(obj)") == true)
  }

  @Test func comprehensionNamesDoNotLeak() {
    let interpreter = Interpreter()
    _ = CellRun("x = 'kept'\nys = [x * 2 for x in range(3)]", interpreter: interpreter)
    #expect(interpreter.value(of: "x") == .string("kept"))
    #expect(interpreter.value(of: "ys")?.repr == "[0, 2, 4]")
  }

  @Test func everyErrorKindHasItsJupyterName() {
    #expect(ErrorKind.allCases.map(\.name) == [
      "SyntaxError", "NameError", "TypeError", "ValueError", "IndexError", "KeyError", "AssertionError", "ShapeError",
      "ResourceError", "KeyboardInterrupt",
    ])
  }

  @Test func registryEntriesAreDocumented() {
    let registry = Interpreter().registry
    for builtin in registry.functions.values {
      #expect(!builtin.doc.isEmpty, "\(builtin.name) needs documentation")
      #expect(builtin.signature.hasPrefix(builtin.name + "("))
    }
    #expect(registry.functions.count >= 25)
  }
}
