// IPython's line habits: `%time`, `%timeit`, `%%time`, `%%timeit`, `%matplotlib`, `?name`
// and `!cmd`. The lexer hands each such line over whole, as one `magic` token.
extension Parser {
  mutating func parseMagic(_ text: String) throws(Bailout) -> [Stmt] {
    let token = advance()
    let scalars = Array(text.unicodeScalars)
    let sigils = scalars.prefix { $0 == "%" || $0 == "?" || $0 == "!" }.count
    let nameEnd = sigils + scalars.dropFirst(sigils).prefix { $0 != " " && $0 != "\t" }.count
    let name = String(String.UnicodeScalarView(scalars[sigils..<nameEnd]))
    let restStart = token.range.start + nameEnd
    switch scalars[0] {
    case "!":
      report(.unsupportedForm(.shellCommand), at: token.range)
      return []
    case "?":
      // `?name` and `??name`: the expression is everything after the question marks.
      let expression = try parseFragment(SourceRange(start: token.range.start + sigils, end: token.range.end), statement: false)
      guard case .expression(let e)? = expression.first?.kind else { return [] }
      return [Stmt(.help(e), token.range)]
    default:
      break
    }
    if sigils == 2 && (name == "time" || name == "timeit") {
      // A cell magic times every statement after it.
      var body: [Stmt] = []
      while current.kind != .eof { parseStatementInto(&body) }
      return [Stmt(.timed(body: body, repeated: name == "timeit"), token.range)]
    }
    switch (sigils, name) {
    case (1, "time"), (1, "timeit"):
      let body = try parseFragment(SourceRange(start: restStart, end: token.range.end), statement: true)
      return [Stmt(.timed(body: body, repeated: name == "timeit"), token.range)]
    case (1, "matplotlib"):
      return [Stmt(.pass, token.range)]
    default:
      report(.unknownMagic(String(String.UnicodeScalarView(scalars[0..<nameEnd]))), at: SourceRange(start: token.range.start, end: restStart))
      if sigils == 2 { while current.kind != .eof { advance() } }
      return []
    }
  }

  /// The statement (or expression) written after a magic on its line.
  private mutating func parseFragment(_ range: SourceRange, statement: Bool) throws(Bailout) -> [Stmt] {
    var sub = Parser(file: file, range: range, indentation: false)
    sub.nesting = nesting
    defer { diagnostics += sub.diagnostics }
    if sub.current.kind == .eof {
      throw fail(.expected(statement ? .statementToTime : .nameToLookUp, found: .endOfLine), at: range)
    }
    do {
      let parsed: [Stmt]
      if statement {
        parsed = [try sub.parseSimpleStatement()]
      } else {
        let e = try sub.parseExpression()
        parsed = [Stmt(.expression(e), e.range)]
      }
      // `%time f(x);` times the call and hides its value, as a `;` ends a cell's last line.
      if statement, sub.current.isPunct(.semicolon) { sub.advance() }
      if sub.current.kind != .eof {
        throw sub.fail(.expected(.endOfLine, found: sub.current.part), at: sub.current.range)
      }
      return parsed
    } catch {
      throw Bailout()
    }
  }
}
