// Expressions, by precedence from loosest to tightest, as in Python's grammar.
extension Parser {
  /// `a, b` (a tuple without brackets) or a single expression.
  mutating func parseExpressionList() throws(Bailout) -> Expr {
    let first = try parseExpression()
    guard current.isPunct(.comma) else { return first }
    var items = [first]
    while match(.comma) {
      if atLineEnd || current.isPunct(.assign) || current.isPunct(.rightParen) || current.isPunct(.colon) { break }
      items.append(try parseExpression())
    }
    return Expr(.tuple(items), SourceRange(start: first.range.start, end: previousEnd))
  }

  mutating func parseExpression() throws(Bailout) -> Expr {
    nesting += 1
    defer { nesting -= 1 }
    if nesting > Parser.maximumNesting { throw fail(.tooDeeplyNested, at: current.range) }
    let value = try parseOr()
    guard current.isKeyword(.if) else { return try bounded(value) }
    advance()
    let condition = try parseOr()
    guard match(.else) else {
      throw fail(.expected(.conditionalElse, found: current.part), at: current.range)
    }
    let otherwise = try parseExpression()
    return try bounded(Expr(.conditional(condition: condition, then: value, otherwise: otherwise), .spanning(value.range, otherwise.range)))
  }

  /// Brackets and chains are each bounded, but a chain inside every bracket multiplies them:
  /// the tree's height is what evaluating and freeing it recurse through.
  static let maximumHeight = 2000

  mutating func bounded(_ e: Expr) throws(Bailout) -> Expr {
    guard e.height > Parser.maximumHeight else { return e }
    throw fail(.tooDeeplyNested, at: e.range)
  }

  /// Operators chained at one level nest the tree just as brackets do: `1 + 1 + ... + 1`
  /// with thousands of terms would exhaust the stack when evaluated, so chains are bounded.
  static let maximumChain = 1000

  mutating func extendChain(_ length: inout Int) throws(Bailout) {
    length += 1
    if length > Parser.maximumChain { throw fail(.tooDeeplyNested, at: current.range) }
  }

  mutating func parseOr() throws(Bailout) -> Expr {
    var left = try parseAnd()
    var chain = 0
    while match(.or) {
      try extendChain(&chain)
      let right = try parseAnd()
      left = Expr(.or(left, right), .spanning(left.range, right.range))
    }
    return left
  }

  mutating func parseAnd() throws(Bailout) -> Expr {
    var left = try parseNot()
    var chain = 0
    while match(.and) {
      try extendChain(&chain)
      let right = try parseNot()
      left = Expr(.and(left, right), .spanning(left.range, right.range))
    }
    return left
  }

  mutating func parseNot() throws(Bailout) -> Expr {
    if current.isKeyword(.not) {
      nesting += 1
      defer { nesting -= 1 }
      if nesting > Parser.maximumNesting { throw fail(.tooDeeplyNested, at: current.range) }
      let start = advance().range.start
      let operand = try parseNot()
      return Expr(.not(operand), SourceRange(start: start, end: operand.range.end))
    }
    return try parseComparison()
  }

  mutating func parseComparison() throws(Bailout) -> Expr {
    let first = try parseBitOr()
    var rest: [(CompareOp, Expr)] = []
    var chain = 0
    while let op = comparisonOperator() {
      try extendChain(&chain)
      rest.append((op, try parseBitOr()))
    }
    guard let last = rest.last else { return first }
    return Expr(.compare(first: first, rest: rest), .spanning(first.range, last.1.range))
  }

  /// Consumes a comparison operator, including the two-word `not in` and `is not`.
  private mutating func comparisonOperator() -> CompareOp? {
    switch current.kind {
    case .punct(.less): advance(); return .less
    case .punct(.lessEqual): advance(); return .lessEqual
    case .punct(.greater): advance(); return .greater
    case .punct(.greaterEqual): advance(); return .greaterEqual
    case .punct(.equal): advance(); return .equal
    case .punct(.notEqual): advance(); return .notEqual
    case .keyword(.in): advance(); return .in
    case .keyword(.not) where next.isKeyword(.in):
      advance()
      advance()
      return .notIn
    case .keyword(.is):
      advance()
      return match(.not) ? .isNot : .is
    default: return nil
    }
  }

  /// `a | b` binds looser than `&`, and both looser than arithmetic, as in Python.
  mutating func parseBitOr() throws(Bailout) -> Expr {
    var left = try parseBitAnd()
    var chain = 0
    while match(.pipe) {
      try extendChain(&chain)
      let right = try parseBitAnd()
      left = Expr(.binary(.bitOr, left, right), .spanning(left.range, right.range))
    }
    return left
  }

  mutating func parseBitAnd() throws(Bailout) -> Expr {
    var left = try parseArithmetic()
    var chain = 0
    while match(.ampersand) {
      try extendChain(&chain)
      let right = try parseArithmetic()
      left = Expr(.binary(.bitAnd, left, right), .spanning(left.range, right.range))
    }
    return left
  }

  mutating func parseArithmetic() throws(Bailout) -> Expr {
    var left = try parseTerm()
    var chain = 0
    while true {
      let op: BinaryOp
      switch current.kind {
      case .punct(.plus): op = .add
      case .punct(.minus): op = .subtract
      default: return left
      }
      advance()
      try extendChain(&chain)
      let right = try parseTerm()
      left = Expr(.binary(op, left, right), .spanning(left.range, right.range))
    }
  }

  mutating func parseTerm() throws(Bailout) -> Expr {
    var left = try parseUnary()
    var chain = 0
    while true {
      let op: BinaryOp
      switch current.kind {
      case .punct(.star): op = .multiply
      case .punct(.slash): op = .divide
      case .punct(.floorDiv): op = .floorDivide
      case .punct(.percent): op = .modulo
      case .punct(.at): op = .matmul
      default: return left
      }
      advance()
      try extendChain(&chain)
      let right = try parseUnary()
      left = Expr(.binary(op, left, right), .spanning(left.range, right.range))
    }
  }

  mutating func parseUnary() throws(Bailout) -> Expr {
    nesting += 1
    defer { nesting -= 1 }
    if nesting > Parser.maximumNesting { throw fail(.tooDeeplyNested, at: current.range) }
    let op: UnaryOp
    switch current.kind {
    case .punct(.minus): op = .negate
    case .punct(.plus): op = .plus
    case .punct(.tilde): op = .invert
    default: return try parsePower()
    }
    let start = advance().range.start
    let operand = try parseUnary()
    // Fold `-3` into a literal so that it reads as a number in messages and costs nothing.
    if op == .negate, case .number(let v) = operand.kind {
      return Expr(.number(-v), SourceRange(start: start, end: operand.range.end))
    }
    return Expr(.unary(op, operand), SourceRange(start: start, end: operand.range.end))
  }

  mutating func parsePower() throws(Bailout) -> Expr {
    let base = try parsePostfix()
    guard match(.power) else { return base }
    let exponent = try parseUnary()
    return Expr(.binary(.power, base, exponent), .spanning(base.range, exponent.range))
  }

  mutating func parsePostfix() throws(Bailout) -> Expr {
    var e = try parseAtom()
    var chain = 0
    while true {
      if current.isPunct(.leftParen) || current.isPunct(.leftBracket) || current.isPunct(.dot) { try extendChain(&chain) }
      if match(.leftParen) {
        let arguments = try parseArguments()
        e = Expr(.call(callee: e, arguments: arguments), SourceRange(start: e.range.start, end: previousEnd))
      } else if match(.leftBracket) {
        var items: [SubscriptItem] = []
        repeat {
          if current.isPunct(.rightBracket) { break }
          items.append(try parseSubscriptItem())
        } while match(.comma)
        if items.isEmpty { throw fail(.expected(.index, found: current.part), at: current.range) }
        try expect(.rightBracket, .symbols([",", "]"]))
        e = Expr(.subscript(base: e, items: items), SourceRange(start: e.range.start, end: previousEnd))
      } else if match(.dot) {
        guard case .name(let name) = current.kind else {
          throw fail(.expected(.attributeNameAfterDot, found: current.part), at: current.range)
        }
        let nameRange = advance().range
        e = Expr(.attribute(base: e, name: name, nameRange: nameRange), SourceRange(start: e.range.start, end: nameRange.end))
      } else {
        return e
      }
    }
  }

  private mutating func parseSubscriptItem() throws(Bailout) -> SubscriptItem {
    if match(.ellipsis) { return .ellipsis }
    var lower: Expr?
    if !current.isPunct(.colon) {
      let e = try parseExpression()
      if !current.isPunct(.colon) { return .index(e) }
      lower = e
    }
    try expect(.colon)
    let ends: (Token) -> Bool = { $0.isPunct(.colon) || $0.isPunct(.comma) || $0.isPunct(.rightBracket) }
    let upper = ends(current) ? nil : try parseExpression()
    var step: Expr?
    if match(.colon) && !ends(current) { step = try parseExpression() }
    return .slice(lower: lower, upper: upper, step: step)
  }

  private mutating func parseArguments() throws(Bailout) -> [Argument] {
    var arguments: [Argument] = []
    var keywords: Set<String> = []
    while !current.isPunct(.rightParen) {
      if current.kind == .eof { break }
      if match(.star) {
        arguments.append(Argument(keyword: nil, value: try parseExpression(), spread: true))
      } else if case .name(let name) = current.kind, next.isPunct(.assign) {
        let nameRange = advance().range
        advance()
        if !keywords.insert(name).inserted { report(.repeatedKeyword(name), at: nameRange) }
        arguments.append(Argument(keyword: name, value: try parseExpression()))
      } else {
        let value = try parseExpression()
        if !keywords.isEmpty { report(.positionalAfterKeyword, at: value.range) }
        arguments.append(Argument(keyword: nil, value: value))
      }
      if !match(.comma) { break }
    }
    try expect(.rightParen, .symbols([",", ")"]))
    return arguments
  }
}
