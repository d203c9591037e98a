import CNNLang
import Testing

struct CompletionTests {
  @Test func builtinsByPrefix() {
    let c = Interpreter().complete(code: "pri", cursor: 3)
    #expect(c.matches == ["print"])
    #expect(c.start == 0 && c.end == 3)
    #expect(c.kinds == ["function"])
  }

  @Test func keywordsAndUserNames() {
    let interpreter = Interpreter()
    _ = CellRun("whale = 1\ndef wheel():\n    pass", interpreter: interpreter)
    let c = interpreter.complete(code: "x = wh", cursor: 6)
    #expect(c.matches == ["whale", "wheel", "while"])
    #expect(c.kinds == ["instance", "function", "keyword"])
    #expect(c.start == 4)
  }

  @Test func attributesAfterADot() {
    let interpreter = Interpreter()
    _ = CellRun("xs = [1]", interpreter: interpreter)
    let c = interpreter.complete(code: "xs.ap", cursor: 5)
    #expect(c.matches == ["append"])
    #expect(c.start == 3)
    #expect(interpreter.complete(code: "xs.", cursor: 3).matches.contains("pop"))
  }

  @Test func membersOfABuiltinModule() {
    let c = Interpreter().complete(code: "fashion_mnist.", cursor: 14)
    #expect(c.matches == ["class_names", "load_data"])
    #expect(c.kinds == ["instance", "function"])
    #expect(Interpreter().complete(code: "mnist.load_data(pa", cursor: 18).matches.contains("path="))
  }

  @Test func keywordArgumentsInsideACall() {
    let c = Interpreter().complete(code: "print(x, se", cursor: 11)
    #expect(c.matches == ["sep="])
  }

  @Test func cursorInTheMiddleCountsCodePoints() {
    // "é" is one code point: the cursor after "rang" is at 13, not at its UTF-8 offset (14).
    let c = Interpreter().complete(code: "s = 'é'; rang", cursor: 13)
    #expect(c.matches == ["range"])
    #expect(c.start == 9)
  }

  @Test func nothingInsideStringsOrComments() {
    #expect(Interpreter().complete(code: "x = 'pri", cursor: 8).matches.isEmpty)
    #expect(Interpreter().complete(code: "# pri", cursor: 5).matches.isEmpty)
  }
}

struct InspectionTests {
  @Test func builtinUnderTheCursor() throws {
    let text = try #require(Interpreter().inspect(code: "len", cursor: 3))
    #expect(text.hasPrefix("len(obj)\n\nThe number of items"))
  }

  @Test func insideACallInspectsTheCallee() throws {
    let text = try #require(Interpreter().inspect(code: "print(", cursor: 6))
    #expect(text.hasPrefix("print(*values, sep=' ', end='\\n', file=stdout)"))
  }

  @Test func userFunctionsAndValues() throws {
    let interpreter = Interpreter()
    _ = CellRun("def f(a, b=1):\n    \"\"\"Adds.\"\"\"\n    return a + b\nxs = [1, 2]", interpreter: interpreter)
    #expect(interpreter.inspect(code: "f", cursor: 1) == "f(a, b=1)\n\nAdds.")
    let list = try #require(interpreter.inspect(code: "xs", cursor: 1))
    #expect(list.hasPrefix("xs: list = [1, 2]"))
    #expect(interpreter.inspect(code: "xs.append", cursor: 9)?.hasPrefix("list.append(value)") == true)
  }

  @Test func keywordsAndUnknownNames() {
    #expect(Interpreter().inspect(code: "for", cursor: 3)?.hasPrefix("for NAME in ITERABLE") == true)
    #expect(Interpreter().inspect(code: "nothing_here", cursor: 5) == nil)
    #expect(Interpreter().inspect(code: "", cursor: 0) == nil)
  }
}

struct CompletenessTests {
  let interpreter = Interpreter()

  @Test(arguments: ["1 + 2", "print(\"hi\")", "", "x = [1,\n 2]", "for i in range(3):\n    print(i)\n", "if x:\n    y\n\n"])
  func complete(_ code: String) {
    #expect(interpreter.isComplete(code) == .complete)
  }

  @Test func incomplete() {
    #expect(interpreter.isComplete("for i in range(3):") == .incomplete(indent: "    "))
    #expect(interpreter.isComplete("x = [1,") == .incomplete(indent: ""))
    #expect(interpreter.isComplete("print(") == .incomplete(indent: ""))
    #expect(interpreter.isComplete("s = \"\"\"doc") == .incomplete(indent: ""))
    #expect(interpreter.isComplete("for i in range(3):\n    print(i)") == .incomplete(indent: "    "))
    #expect(interpreter.isComplete("def f():\n    if x:") == .incomplete(indent: "        "))
    #expect(interpreter.isComplete("if x:\n    pass\nelse:") == .incomplete(indent: "    "))
    #expect(interpreter.isComplete("x = 1 + \\") == .incomplete(indent: ""))
    #expect(interpreter.isComplete("for i in x:  # each one") == .incomplete(indent: "    "))
    #expect(interpreter.isComplete("for i in x:\n    # to do") == .incomplete(indent: "    "))
  }

  @Test(arguments: ["1 +* 2", ")", "x = (1]", "x = ", "print('open", "if x:\nprint(1)"])
  func invalid(_ code: String) {
    #expect(interpreter.isComplete(code) == .invalid)
  }
}
