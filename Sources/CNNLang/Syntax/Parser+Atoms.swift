// Atoms: literals, names, brackets, list comprehensions and f-strings.
extension Parser {
  mutating func parseAtom() throws(Bailout) -> Expr {
    let token = current
    switch token.kind {
    case .number(let v):
      advance()
      return Expr(.number(v), token.range)
    case .name(let n):
      advance()
      return Expr(.name(n), token.range)
    case .keyword(.True), .keyword(.False):
      advance()
      return Expr(.bool(token.isKeyword(.True)), token.range)
    case .keyword(.None):
      advance()
      return Expr(.none, token.range)
    case .string, .fstring:
      return try parseStrings()
    case .punct(.leftParen):
      return try parseParenthesized()
    case .punct(.leftBracket):
      return try parseListDisplay()
    case .punct(.leftBrace):
      return try parseDictDisplay()
    case .keyword(.lambda):
      throw fail(.unsupportedSyntax("'lambda'"), at: token.range)
    default:
      throw fail(.expected(.expression, found: token.part), at: token.range)
    }
  }

  private mutating func parseParenthesized() throws(Bailout) -> Expr {
    let start = advance().range.start
    if match(.rightParen) { return Expr(.tuple([]), SourceRange(start: start, end: previousEnd)) }
    let first = try parseExpression()
    if match(.rightParen) {
      // Keep the brackets in the range so that carets cover what the learner wrote.
      return Expr(first.kind, SourceRange(start: start, end: previousEnd))
    }
    var items = [first]
    while match(.comma) {
      if current.isPunct(.rightParen) { break }
      items.append(try parseExpression())
    }
    try expect(.rightParen, .symbols([",", ")"]))
    return Expr(.tuple(items), SourceRange(start: start, end: previousEnd))
  }

  private mutating func parseListDisplay() throws(Bailout) -> Expr {
    let start = advance().range.start
    if match(.rightBracket) { return Expr(.list([]), SourceRange(start: start, end: previousEnd)) }
    let first = try parseExpression()
    if match(.for) {
      let target = try parseTarget()
      guard match(.in) else { throw fail(.expected(.symbols(["in"]), found: current.part), at: current.range) }
      let iterable = try parseOr()
      let condition = match(.if) ? try parseOr() : nil
      try expect(.rightBracket)
      let kind = ExprKind.listComprehension(element: first, target: target, iterable: iterable, condition: condition)
      return Expr(kind, SourceRange(start: start, end: previousEnd))
    }
    var items = [first]
    while match(.comma) {
      if current.isPunct(.rightBracket) { break }
      items.append(try parseExpression())
    }
    try expect(.rightBracket, .symbols([",", "]"]))
    return Expr(.list(items), SourceRange(start: start, end: previousEnd))
  }

  /// `{}` and `{key: value, ...}`. Braces around values without colons would be a set, which
  /// the language does not have.
  private mutating func parseDictDisplay() throws(Bailout) -> Expr {
    let start = advance().range.start
    var pairs: [(key: Expr, value: Expr)] = []
    while !current.isPunct(.rightBrace) {
      if current.isPunct(.power) {
        throw fail(.unsupportedForm(.dictUnpacking), at: current.range)
      }
      let key = try parseExpression()
      guard match(.colon) else {
        if current.isPunct(.comma) || current.isPunct(.rightBrace) || current.isKeyword(.for) {
          throw fail(.unsupportedForm(.setLiteral), at: SourceRange(start: start, end: current.range.end))
        }
        throw fail(.expected(.colonBetweenKeyAndValue, found: current.part), at: current.range)
      }
      let value = try parseExpression()
      if current.isKeyword(.for) {
        throw fail(.unsupportedForm(.dictComprehension), at: SourceRange(start: start, end: current.range.end))
      }
      pairs.append((key, value))
      if !match(.comma) { break }
    }
    try expect(.rightBrace, .symbols([",", "}"]))
    return Expr(.dict(pairs), SourceRange(start: start, end: previousEnd))
  }

  /// Adjacent string literals join into one, as in Python: `"a" "b"` is `"ab"`.
  private mutating func parseStrings() throws(Bailout) -> Expr {
    let start = current.range.start
    var segments: [FStringSegment] = []
    var formatted = false
    loop: while true {
      switch current.kind {
      case .string(let text):
        advance()
        segments.append(.literal(text))
      case .fstring(let parts):
        advance()
        formatted = true
        segments += parseParts(parts)
      default:
        break loop
      }
    }
    let range = SourceRange(start: start, end: previousEnd)
    if !formatted {
      let text = segments.map { if case .literal(let t) = $0 { t } else { "" } }.joined()
      return Expr(.string(text), range)
    }
    return Expr(.fstring(segments), range)
  }

  private mutating func parseParts(_ parts: [FStringPart]) -> [FStringSegment] {
    var segments: [FStringSegment] = []
    for part in parts {
      switch part {
      case .literal(let text):
        segments.append(.literal(text))
      case .expression(let range, let conversion, let spec):
        let specSegments = parseParts(spec)
        if let e = parseField(range) { segments.append(.field(e, conversion: conversion, spec: specSegments)) }
      }
    }
    return segments
  }

  /// Parses the expression inside an f-string's braces; its errors join the cell's.
  private mutating func parseField(_ range: SourceRange) -> Expr? {
    var sub = Parser(file: file, range: range, indentation: false)
    sub.nesting = nesting
    let e: Expr?
    do {
      let parsed = try sub.parseExpression()
      if sub.current.kind != .eof {
        throw sub.fail(.expected(.fstringClosingBrace, found: sub.current.part), at: sub.current.range)
      }
      e = parsed
    } catch {
      e = nil
    }
    diagnostics += sub.diagnostics
    return e
  }
}
