import CNNLang
import Testing

struct LexerTests {
  @Test func assignmentAndCall() {
    #expect(Syntax.tokens(in: "y = conv2d(x, k)") == [
      "name(y)", "'='", "name(conv2d)", "'('", "name(x)", "','", "name(k)", "')'", "newline", "eof",
    ])
  }

  @Test func numbers() {
    #expect(Syntax.tokens(in: "3 -1.5 1e-3 1_000 .5 2.") == [
      "number(3)", "'-'", "number(1.5)", "number(0.001)", "number(1000)", "number(0.5)", "number(2)", "newline", "eof",
    ])
  }

  @Test func longestOperatorWins() {
    #expect(Syntax.tokens(in: "a **= b // c != d <= e") == [
      "name(a)", "'**='", "name(b)", "'//'", "name(c)", "'!='", "name(d)", "'<='", "name(e)", "newline", "eof",
    ])
  }

  @Test func keywordsAndLiterals() {
    #expect(Syntax.tokens(in: "not x in y is None") == ["not", "name(x)", "in", "name(y)", "is", "None", "newline", "eof"])
  }

  @Test func stringEscapesAndRawStrings() {
    #expect(Syntax.tokens(in: #"'a\tb' r'a\tb' "q\"" '\x41'"#) == [
      "string('a\\tb')", "string('a\\\\tb')", "string('q\"')", "string('A')", "newline", "eof",
    ])
  }

  @Test func indentationMakesBlocks() {
    let code = "for i in x:\n    if i:\n        y\n    z\nw"
    #expect(Syntax.tokens(in: code) == [
      "for", "name(i)", "in", "name(x)", "':'", "newline",
      "indent", "if", "name(i)", "':'", "newline",
      "indent", "name(y)", "newline",
      "dedent", "name(z)", "newline",
      "dedent", "name(w)", "newline", "eof",
    ])
  }

  @Test func newlinesInsideBracketsAndCommentsAreIgnored() {
    let code = "x = [1,   # first\n\n     2]\n# alone\ny"
    #expect(Syntax.tokens(in: code) == [
      "name(x)", "'='", "'['", "number(1)", "','", "number(2)", "']'", "newline", "name(y)", "newline", "eof",
    ])
  }

  @Test func fstringIsOneToken() {
    #expect(Syntax.tokens(in: "f\"a {x:.2f} b {y}\"") == ["fstring(4)", "newline", "eof"])
  }

  @Test func lexicalErrorsAreReported() {
    let messages = Syntax.diagnostics(in: "x = $\ny = 'open").map(\.message)
    #expect(messages == [.unexpectedCharacter("$"), .unterminatedString])
  }
}
