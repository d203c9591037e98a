/// Recursive-descent parser for cells. It records every syntax error it meets and resumes
/// at the next statement, so one run reports all the mistakes in a cell.
struct Parser {
  /// Thrown to unwind to the enclosing statement once a diagnostic has been recorded.
  struct Bailout: Error {}

  let file: SourceFile
  var tokens: [Token]
  var index = 0
  var diagnostics: [Diagnostic]
  /// Facts from the lexer that the completeness check needs.
  let unclosedBrackets: Int
  let unclosedTripleString: Bool
  let sawStrayClosingBracket: Bool
  let openBlockIndent: Int
  /// Lines where the lexer already complained: parser errors there would only repeat it.
  let linesWithLexicalErrors: Set<Int>
  /// Errors after a bracket that is never closed are consequences of it, so they are dropped.
  let firstUnclosedBracket: Int?
  var nesting = 0
  var functionDepth = 0
  var loopDepth = 0
  static let maximumNesting = 100

  init(file: SourceFile, range: SourceRange? = nil, indentation: Bool = true) {
    self.file = file
    var lexer = Lexer(file: file, range: range)
    tokens = lexer.tokenize(indentation: indentation)
    diagnostics = lexer.diagnostics
    unclosedBrackets = lexer.unclosedBrackets
    unclosedTripleString = lexer.unclosedTripleString
    sawStrayClosingBracket = lexer.sawStrayClosingBracket
    openBlockIndent = lexer.openBlockIndent
    firstUnclosedBracket = lexer.firstUnclosedBracket
    linesWithLexicalErrors = Set(lexer.diagnostics.map { file.lineIndex(of: $0.range.start) })
  }

  // MARK: Token access

  var current: Token { tokens[min(index, tokens.count - 1)] }
  var next: Token { tokens[min(index + 1, tokens.count - 1)] }
  var previousEnd: Int { index > 0 ? tokens[index - 1].range.end : 0 }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  mutating func match(_ p: Punct) -> Bool {
    guard current.isPunct(p) else { return false }
    advance()
    return true
  }

  mutating func match(_ k: Keyword) -> Bool {
    guard current.isKeyword(k) else { return false }
    advance()
    return true
  }

  mutating func expect(_ p: Punct, _ what: SyntaxPart? = nil, hint: Hint? = nil) throws(Bailout) {
    if match(p) { return }
    throw fail(.expected(what ?? .symbols([p.rawValue]), found: current.part), at: current.range, suggestion: hint.map { .hint($0) })
  }

  /// Records a diagnostic and returns the error to throw. At the end of a cell whose bracket or
  /// string is still open, the lexer's message already says what is wrong, so this one is dropped.
  mutating func fail(_ message: DiagnosticMessage, at range: SourceRange, suggestion: Suggestion? = nil) -> Bailout {
    let atEnd = current.kind == .eof
    if !(atEnd && (unclosedBrackets > 0 || unclosedTripleString)) {
      report(message, at: range, suggestion: suggestion)
    }
    return Bailout()
  }

  /// Records a problem that does not stop parsing.
  mutating func report(_ message: DiagnosticMessage, at range: SourceRange, suggestion: Suggestion? = nil) {
    if linesWithLexicalErrors.contains(file.lineIndex(of: range.start)) { return }
    if let open = firstUnclosedBracket, range.start > open { return }
    diagnostics.append(Diagnostic(message, at: range, suggestion: suggestion))
  }

  // MARK: Programs and blocks

  mutating func parseProgram() -> [Stmt] {
    var statements: [Stmt] = []
    while current.kind != .eof {
      parseStatementInto(&statements)
    }
    return statements
  }

  /// Parses one statement line (or compound statement), recovering from its errors.
  mutating func parseStatementInto(_ statements: inout [Stmt]) {
    switch current.kind {
    case .newline, .dedent:
      advance()
    case .indent:
      report(.unexpectedIndent, at: current.range)
      advance()
      skipBlockBody()
    default:
      do {
        statements += try parseStatement()
      } catch {
        synchronize()
      }
    }
  }

  /// Skips to the start of the next statement; the indented block of a broken header goes too.
  mutating func synchronize() {
    while current.kind != .eof && current.kind != .newline { advance() }
    if current.kind == .newline { advance() }
    if current.kind == .indent {
      advance()
      skipBlockBody()
    }
  }

  /// Skips tokens up to and including the DEDENT that closes the block just entered.
  mutating func skipBlockBody() {
    var depth = 1
    while current.kind != .eof {
      if current.kind == .indent { depth += 1 }
      if current.kind == .dedent {
        depth -= 1
        if depth == 0 {
          advance()
          return
        }
      }
      advance()
    }
  }

  /// `: NEWLINE INDENT statements DEDENT`, or `: statement` on the same line.
  mutating func parseBlock(after header: BlockHeader) throws(Bailout) -> [Stmt] {
    nesting += 1
    defer { nesting -= 1 }
    if nesting > Parser.maximumNesting { throw fail(.tooDeeplyNested, at: current.range) }
    try expect(.colon, .colonAfter(header), hint: current.isPunct(.assign) ? .useDoubleEqualsToCompare : nil)
    guard current.kind == .newline else { return try parseSimpleLine() }
    advance()
    guard current.kind == .indent else {
      throw fail(.expectedIndentedBlock(after: header), at: current.range, suggestion: .hint(.indentBlock))
    }
    advance()
    var body: [Stmt] = []
    while current.kind != .dedent && current.kind != .eof {
      parseStatementInto(&body)
    }
    if current.kind == .dedent { advance() }
    return body
  }

  // MARK: Statements

  mutating func parseStatement() throws(Bailout) -> [Stmt] {
    if case .magic(let text) = current.kind { return try parseMagic(text) }
    let start = current.range.start
    if case .keyword(let k) = current.kind {
      switch k {
      case .if: return [try parseIf()]
      case .for:
        advance()
        let target = try parseTarget()
        guard match(.in) else {
          throw fail(.expected(.symbols(["in"]), found: current.part), at: current.range)
        }
        let iterable = try parseExpressionList()
        loopDepth += 1
        defer { loopDepth -= 1 }
        let body = try parseBlock(after: BlockHeader("for", line: file.location(of: start).line))
        return [Stmt(.for(target: target, iterable: iterable, body: body), SourceRange(start: start, end: iterable.range.end))]
      case .while:
        advance()
        let condition = try parseExpression()
        loopDepth += 1
        defer { loopDepth -= 1 }
        let body = try parseBlock(after: BlockHeader("while", line: file.location(of: start).line))
        return [Stmt(.while(condition: condition, body: body), SourceRange(start: start, end: condition.range.end))]
      case .def: return [try parseDef()]
      case .else, .elif:
        throw fail(.danglingClause(k.rawValue), at: current.range)
      case .try, .except, .finally, .class, .with:
        skipUnsupportedCompound(k)
        return []
      default: break
      }
    }
    return try parseSimpleLine()
  }

  /// `try:`, `class C:` and `with f:` are reported once, and their blocks (with a `try`'s
  /// `except`, `else` and `finally` clauses) are skipped, so nothing inside adds more errors.
  mutating func skipUnsupportedCompound(_ keyword: Keyword) {
    let form: UnsupportedForm
    switch keyword {
    case .class: form = .classDefinition
    case .with: form = .withStatement
    default: form = .tryStatement
    }
    report(.unsupportedForm(form), at: current.range)
    synchronize()
    while form == .tryStatement, current.isKeyword(.except) || current.isKeyword(.finally) || current.isKeyword(.else) {
      synchronize()
    }
  }

  mutating func parseIf() throws(Bailout) -> Stmt {
    let start = current.range.start
    var branches: [(condition: Expr, body: [Stmt])] = []
    var otherwise: [Stmt]?
    repeat {
      let keyword = advance()
      let line = file.location(of: keyword.range.start).line
      let condition = try parseExpression()
      let name = keyword.isKeyword(.if) ? "if" : "elif"
      branches.append((condition, try parseBlock(after: BlockHeader(name, line: line))))
    } while current.isKeyword(.elif)
    if current.isKeyword(.else) {
      let line = file.location(of: advance().range.start).line
      otherwise = try parseBlock(after: BlockHeader("else", line: line))
    }
    let end = branches.first.map { $0.condition.range.end } ?? start
    return Stmt(.if(branches: branches, otherwise: otherwise), SourceRange(start: start, end: end))
  }

  mutating func parseDef() throws(Bailout) -> Stmt {
    let start = advance().range.start
    guard case .name(let name) = current.kind else {
      throw fail(.expected(.functionName, found: current.part), at: current.range)
    }
    advance()
    try expect(.leftParen)
    var parameters: [(name: String, defaultValue: Expr?)] = []
    while !current.isPunct(.rightParen) {
      guard case .name(let parameter) = current.kind else {
        if current.isPunct(.star) || current.isPunct(.power) {
          throw fail(.unsupportedForm(.starParameters), at: current.range)
        }
        throw fail(.expected(.parameterName, found: current.part), at: current.range)
      }
      let parameterRange = advance().range
      var defaultValue: Expr?
      if match(.assign) {
        defaultValue = try parseExpression()
      } else if parameters.last?.defaultValue != nil {
        report(.nonDefaultAfterDefault(parameter), at: parameterRange)
      }
      if parameters.contains(where: { $0.name == parameter }) {
        report(.repeatedKeyword(parameter), at: parameterRange)
      }
      parameters.append((parameter, defaultValue))
      if !match(.comma) { break }
    }
    try expect(.rightParen, .symbols([",", ")"]))
    if match(.arrow) { _ = try parseExpression() }
    let headerEnd = previousEnd
    let savedLoops = loopDepth
    loopDepth = 0
    functionDepth += 1
    defer {
      functionDepth -= 1
      loopDepth = savedLoops
    }
    let body = try parseBlock(after: BlockHeader("def \(name)", line: file.location(of: start).line))
    var doc: String?
    if case .expression(let e) = body.first?.kind, case .string(let text) = e.kind { doc = text }
    let header = SourceRange(start: start, end: headerEnd)
    let decl = FunctionDecl(name: name, parameters: parameters, body: body, doc: doc, headerRange: header)
    return Stmt(.def(decl), header)
  }

  /// Simple statements separated by `;`, then the end of the line.
  mutating func parseSimpleLine() throws(Bailout) -> [Stmt] {
    var statements = [try parseSimpleStatement()]
    while match(.semicolon) {
      if current.kind == .newline || current.kind == .eof { break }
      statements.append(try parseSimpleStatement())
    }
    if current.kind == .newline {
      advance()
    } else if current.kind != .eof && current.kind != .dedent {
      let hint: Suggestion? = current.isPunct(.assign) ? .hint(.useDoubleEqualsToCompare) : nil
      throw fail(.expected(.endOfLine, found: current.part), at: current.range, suggestion: hint)
    }
    return statements
  }
}
