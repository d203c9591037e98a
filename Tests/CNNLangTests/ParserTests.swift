import CNNLang
import Testing

struct ParserTests {
  @Test func precedence() {
    #expect(Syntax.tree(of: "x = 1 + 2 * 3 ** 2") == "(= x (+ 1 (* 2 (** 3 2))))")
    #expect(Syntax.tree(of: "-2 ** 2") == "(- (** 2 2))")
    #expect(Syntax.tree(of: "2 ** -1") == "(** 2 -1)")
    #expect(Syntax.tree(of: "a - b - c") == "(- (- a b) c)")
    #expect(Syntax.tree(of: "not a and b or c") == "(or (and (not a) b) c)")
    #expect(Syntax.tree(of: "a if c else b") == "(if-else c a b)")
  }

  @Test func chainedComparisons() {
    #expect(Syntax.tree(of: "0 < x <= 10") == "(compare 0 < x <= 10)")
    #expect(Syntax.tree(of: "x not in xs") == "(compare x not in xs)")
    #expect(Syntax.tree(of: "x is not None") == "(compare x is not None)")
  }

  @Test func callsIndexingAndAttributes() {
    #expect(Syntax.tree(of: "show(conv2d(x, k, strides=s), title=t)") == "(call show (call conv2d x k strides=s) title=t)")
    #expect(Syntax.tree(of: "x[a:b, :, 0]") == "(index x (slice a b _) (slice _ _ _) 0)")
    #expect(Syntax.tree(of: "xs[::-1]") == "(index xs (slice _ _ -1))")
    #expect(Syntax.tree(of: "y.shape[0]") == "(index (. y shape) 0)")
    #expect(Syntax.tree(of: "print(*xs)") == "(call print *xs)")
  }

  @Test func collections() {
    #expect(Syntax.tree(of: "(1,)") == "(tuple 1)")
    #expect(Syntax.tree(of: "()") == "(tuple)")
    #expect(Syntax.tree(of: "(1)") == "1")
    #expect(Syntax.tree(of: "[x * 2 for x in xs if x]") == "(listcomp (* x 2) x xs x)")
    #expect(Syntax.tree(of: "a, b = b, a") == "(= (tuple a b) (tuple b a))")
  }

  @Test func statements() {
    let code = """
      for i, x in enumerate(xs):
          if x > 0:
              total += x
          elif x == 0:
              continue
          else:
              break
      """
    #expect(Syntax.tree(of: code) == "(for (tuple i x) (call enumerate xs) [(if ((compare x > 0) [(+= total x)]) ((compare x == 0) [(continue)]) (else [(break)]))])")
    #expect(Syntax.tree(of: "def f(a, b=2):\n    return a * b") == "(def f (a b=2) [(return (* a b))])")
    #expect(Syntax.tree(of: "assert x == 1, \"msg\"") == "(assert (compare x == 1) 'msg')")
    #expect(Syntax.tree(of: "a = b = 0") == "(= a b 0)")
  }

  @Test func fstringFields() {
    #expect(Syntax.tree(of: "f\"{x:.2f} and {y!r}\"") == "(f {x:.2f} ' and ' {y!r})")
    #expect(Syntax.tree(of: "f\"{n:>{w}}\"") == "(f {n:>{w}})")
  }

  /// Line 3's parser error would only repeat the lexer's, so it is left out.
  @Test func recoversAtStatementBoundaries() {
    let code = """
      x = (1 +* 2)
      y = 3
      z = ]
      if x = 1:
          print(x)
      w = 4
      """
    let diagnostics = Syntax.diagnostics(in: code)
    #expect(diagnostics.map(\.message) == [
      .expected(.expression, found: .symbols(["*"])),
      .unmatchedClosingBracket("]"),
      .expected(.colonAfter(BlockHeader("if", line: 4)), found: .symbols(["="])),
    ])
    #expect(diagnostics.last?.suggestion == .hint(.useDoubleEqualsToCompare))
  }

  @Test func brokenBlockHeaderDoesNotCascade() {
    let diagnostics = Syntax.diagnostics(in: "for i in :\n    print(i)\n    print(i)\nx = 1")
    #expect(diagnostics.count == 1)
  }

  @Test func unexpectedIndent() {
    #expect(Syntax.diagnostics(in: "x = 1\n    y = 2").map(\.message) == [.unexpectedIndent])
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let code = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
    #expect(Syntax.diagnostics(in: code).map(\.message).contains(.tooDeeplyNested))
  }

  @Test func longOperatorChainsAreBounded() {
    let fine = Array(repeating: "1", count: 500).joined(separator: " + ")
    #expect(eval(fine) == "500")
    let long = Array(repeating: "1", count: 20000).joined(separator: " + ")
    #expect(Syntax.diagnostics(in: long).map(\.message) == [.tooDeeplyNested])
  }

  @Test func loopAndFunctionKeywordsNeedTheirContext() {
    #expect(Syntax.diagnostics(in: "break").map(\.message) == [.outsideLoop("break")])
    #expect(Syntax.diagnostics(in: "def f():\n    for x in y:\n        return x").isEmpty)
    #expect(Syntax.diagnostics(in: "for x in y:\n    def f():\n        break").map(\.message) == [.outsideLoop("break")])
  }
}
