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
      case .del: throw fail(.unsupportedForm(.del), at: token.range)
      case .lambda: throw fail(.unsupportedForm(.lambda), at: token.range)
      case .yield: throw fail(.unsupportedForm(.yield), at: token.range)
      case .raise: throw fail(.unsupportedForm(.raise), at: token.range)
      case .nonlocal: throw fail(.unsupportedForm(.nonlocal), at: token.range)
      case .import, .from:
        return try parseImport()
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
        throw fail(.invalidAssignmentTarget(.severalNamesWith(op: p.rawValue)), at: opToken.range)
      }
      let value = try parseExpressionList()
      return Stmt(.augmentedAssign(target: target, op: op, value: value), SourceRange(start: start, end: previousEnd))
    }
    if current.isPunct(.question) {
      // `name?` and `name??`: IPython's way to ask for documentation.
      while match(.question) {}
      return Stmt(.help(first), SourceRange(start: start, end: previousEnd))
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

  static func describe(_ e: Expr) -> AssignmentTarget {
    switch e.kind {
    case .call: return .functionCall
    case .number, .string, .fstring, .bool, .none: return .literal
    case .attribute(_, let name, _): return .attribute(name)
    case .compare: return .comparison
    default: return .expression
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

  /// `import a.b [as c], d` and `from a.b import x [as y], z` (or `(x, z)`, or `*`).
  mutating func parseImport() throws(Bailout) -> Stmt {
    let start = current.range.start
    if match(.import) {
      var modules: [ImportedModule] = []
      repeat { modules.append(try parseModulePath(allowAlias: true)) } while match(.comma)
      return Stmt(.import(modules), SourceRange(start: start, end: previousEnd))
    }
    advance()
    let module = try parseModulePath(allowAlias: false)
    guard match(.import) else { throw fail(.expected(.symbols(["import"]), found: current.part), at: current.range) }
    if current.isPunct(.star) {
      advance()
      return Stmt(.fromImport(module: module, names: []), SourceRange(start: start, end: previousEnd))
    }
    let bracketed = match(.leftParen)
    var names: [ImportedName] = []
    repeat {
      if bracketed && current.isPunct(.rightParen) { break }
      guard case .name(let name) = current.kind else {
        throw fail(.expected(.nameToImport, found: current.part), at: current.range)
      }
      let range = advance().range
      let alias = try parseAlias()
      names.append(ImportedName(name: name, alias: alias, range: SourceRange(start: range.start, end: previousEnd)))
    } while match(.comma)
    if bracketed { try expect(.rightParen, .symbols([",", ")"])) }
    return Stmt(.fromImport(module: module, names: names), SourceRange(start: start, end: previousEnd))
  }

  private mutating func parseModulePath(allowAlias: Bool) throws(Bailout) -> ImportedModule {
    let start = current.range.start
    var path: [String] = []
    repeat {
      guard case .name(let part) = current.kind else {
        throw fail(.expected(.moduleName, found: current.part), at: current.range)
      }
      advance()
      path.append(part)
    } while match(.dot)
    let end = previousEnd
    let alias = allowAlias ? try parseAlias() : nil
    return ImportedModule(path: path, alias: alias, range: SourceRange(start: start, end: end))
  }

  private mutating func parseAlias() throws(Bailout) -> String? {
    guard match(.as) else { return nil }
    guard case .name(let alias) = current.kind else {
      throw fail(.expected(.nameAfterAs, found: current.part), at: current.range)
    }
    advance()
    return alias
  }
}
