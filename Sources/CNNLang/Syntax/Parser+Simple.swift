// Simple statements: assignments, expression statements, assert, return, break, continue, pass.
extension Parser {
  mutating func parseSimpleStatement() throws(Bailout) -> Stmt {
    let token = current
    let start = token.range.start
    if case .keyword(let k) = token.kind {
      switch k {
      case .pass:
        advance()
        return Stmt(.pass, token.range)
      case .break, .continue:
        advance()
        if loopDepth == 0 { report(.outsideLoop(k.rawValue), at: token.range) }
        return Stmt(k == .break ? .break : .continue, token.range)
      case .return:
        advance()
        if functionDepth == 0 { report(.outsideFunction("return"), at: token.range) }
        let value = atLineEnd ? nil : try parseExpressionList()
        return Stmt(.return(value), SourceRange(start: start, end: previousEnd))
      case .assert:
        advance()
        let condition = try parseExpression()
        let message = match(.comma) ? try parseExpression() : nil
        return Stmt(.assert(condition: condition, message: message), SourceRange(start: start, end: previousEnd))
      case .global:
        advance()
        var names: [String] = []
        repeat {
          guard case .name(let name) = current.kind else {
            throw fail(.expected(.nameAfterGlobal, found: current.part), at: current.range)
          }
          advance()
          names.append(name)
        } while match(.comma)
        return Stmt(.global(names), SourceRange(start: start, end: previousEnd))
      case .del, .lambda:
        throw fail(.unsupportedSyntax("'\(k.rawValue)'"), at: token.range)
      default:
        break
      }
    }
    let first = try parseExpressionList()
    if current.isPunct(.assign) {
      var targets = [first]
      var value = first
      while match(.assign) {
        value = try parseExpressionList()
        targets.append(value)
      }
      targets.removeLast()
      let converted = try targets.map { (e) throws(Bailout) in try target(from: e) }
      return Stmt(.assign(targets: converted, value: value), SourceRange(start: start, end: previousEnd))
    }
    if case .punct(let p) = current.kind, let op = Parser.augmented[p] {
      let opToken = advance()
      let target = try target(from: first)
      if case .tuple = target {
        throw fail(.invalidAssignmentTarget("several names with '\(p.rawValue)'"), at: opToken.range)
      }
      let value = try parseExpressionList()
      return Stmt(.augmentedAssign(target: target, op: op, value: value), SourceRange(start: start, end: previousEnd))
    }
    return Stmt(.expression(first), first.range)
  }

  static let augmented: [Punct: BinaryOp] = [
    .plusAssign: .add, .minusAssign: .subtract, .starAssign: .multiply, .slashAssign: .divide,
    .floorDivAssign: .floorDivide, .percentAssign: .modulo, .powerAssign: .power, .atAssign: .matmul,
  ]

  var atLineEnd: Bool {
    current.kind == .newline || current.kind == .eof || current.kind == .dedent || current.isPunct(.semicolon)
  }

  /// Turns the left side of `=` into a place to store into.
  mutating func target(from e: Expr) throws(Bailout) -> Target {
    switch e.kind {
    case .name(let n):
      return .name(n, e.range)
    case .tuple(let items), .list(let items):
      var targets: [Target] = []
      for item in items { targets.append(try target(from: item)) }
      return .tuple(targets, e.range)
    case .subscript(let base, let items):
      return .subscript(base: base, items: items, e.range)
    case .attribute(let base, let name, _):
      return .attribute(base: base, name: name, e.range)
    default:
      throw fail(.invalidAssignmentTarget(Parser.describe(e)), at: e.range)
    }
  }

  static func describe(_ e: Expr) -> String {
    switch e.kind {
    case .call: return "a function call"
    case .number, .string, .fstring, .bool, .none: return "a literal"
    case .attribute(_, let name, _): return "the attribute '\(name)'"
    case .compare: return "a comparison"
    default: return "an expression"
    }
  }

  /// The names after `for` (or in a comprehension): stops before `in`.
  mutating func parseTarget() throws(Bailout) -> Target {
    let start = current.range.start
    var items = [try parsePostfix()]
    var sawComma = false
    while match(.comma) {
      sawComma = true
      if current.isKeyword(.in) { break }
      items.append(try parsePostfix())
    }
    if sawComma {
      let tuple = Expr(.tuple(items), SourceRange(start: start, end: previousEnd))
      return try target(from: tuple)
    }
    return try target(from: items[0])
  }
}
