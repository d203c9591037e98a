import TextAndTime

/// A read-only view of how the language reads a cell: its tokens, its tree as an
/// s-expression, and its syntax errors. Used by tests and by tools that want to explain code.
public enum Syntax {
  /// The tokens of a cell, one short description each: `name(x)`, `'='`, `number(1)`, `newline`.
  public static func tokens(in code: String) -> [String] {
    var lexer = Lexer(file: SourceFile(name: "cell", text: code))
    return lexer.tokenize().map { token in
      switch token.kind {
      case .name(let n): return "name(\(n))"
      case .keyword(let k): return k.rawValue
      case .number(let d): return "number(\(NumberText.repr(d)))"
      case .string(let s): return "string(\(Value.quoted(s)))"
      case .fstring(let parts): return "fstring(\(parts.count))"
      case .punct(let p): return "'\(p.rawValue)'"
      case .newline: return "newline"
      case .indent: return "indent"
      case .dedent: return "dedent"
      case .eof: return "eof"
      }
    }
  }

  /// Every syntax error of a cell, in source order.
  public static func diagnostics(in code: String) -> [Diagnostic] {
    var parser = Parser(file: SourceFile(name: "cell", text: code))
    _ = parser.parseProgram()
    return parser.diagnostics.sorted { $0.range.start < $1.range.start }
  }

  /// The statements of a cell as s-expressions, one per line: `(= x (+ 1 (* 2 3)))`.
  public static func tree(of code: String) -> String {
    var parser = Parser(file: SourceFile(name: "cell", text: code))
    return parser.parseProgram().map(TreePrinter.statement).joined(separator: "\n")
  }
}

/// Prints the syntax tree compactly, so parser tests read like the code's grouping.
enum TreePrinter {
  static func statement(_ s: Stmt) -> String {
    switch s.kind {
    case .expression(let e): return expression(e)
    case .assign(let targets, let value): return "(= \(targets.map(target).joined(separator: " ")) \(expression(value)))"
    case .augmentedAssign(let t, let op, let value): return "(\(op.rawValue)= \(target(t)) \(expression(value)))"
    case .assert(let c, let m): return "(assert \(expression(c))\(m.map { " " + expression($0) } ?? ""))"
    case .pass: return "(pass)"
    case .break: return "(break)"
    case .continue: return "(continue)"
    case .return(let e): return "(return\(e.map { " " + expression($0) } ?? ""))"
    case .if(let branches, let otherwise):
      let parts = branches.map { "(\(expression($0.condition)) \(block($0.body)))" }
      return "(if \(parts.joined(separator: " "))\(otherwise.map { " (else \(block($0)))" } ?? ""))"
    case .for(let t, let iterable, let body): return "(for \(target(t)) \(expression(iterable)) \(block(body)))"
    case .while(let c, let body): return "(while \(expression(c)) \(block(body)))"
    case .global(let names): return "(global \(names.joined(separator: " ")))"
    case .def(let d):
      let params = d.parameters.map { p in p.defaultValue.map { "\(p.name)=\(expression($0))" } ?? p.name }
      return "(def \(d.name) (\(params.joined(separator: " "))) \(block(d.body)))"
    }
  }

  static func block(_ statements: [Stmt]) -> String {
    "[" + statements.map(statement).joined(separator: " ") + "]"
  }

  static func target(_ t: Target) -> String {
    switch t {
    case .name(let n, _): return n
    case .tuple(let items, _): return "(tuple \(items.map(target).joined(separator: " ")))"
    case .subscript(let base, let items, _): return "(index \(expression(base)) \(items.map(item).joined(separator: " ")))"
    case .attribute(let base, let name, _): return "(attr \(expression(base)) \(name))"
    }
  }

  static func item(_ i: SubscriptItem) -> String {
    switch i {
    case .index(let e): return expression(e)
    case .slice(let l, let u, let s):
      return "(slice \([l, u, s].map { $0.map(expression) ?? "_" }.joined(separator: " ")))"
    }
  }

  static func fstringParts(_ segments: [FStringSegment], inSpec: Bool = false) -> String {
    let parts = segments.map { segment -> String in
      switch segment {
      case .literal(let t): return inSpec ? t : Value.quoted(t)
      case .field(let e, let c, let spec):
        let format = spec.isEmpty ? "" : ":" + fstringParts(spec, inSpec: true)
        return "{\(expression(e))\(c.map { "!\($0)" } ?? "")\(format)}"
      }
    }
    return parts.joined(separator: inSpec ? "" : " ")
  }

  static func expression(_ e: Expr) -> String {
    switch e.kind {
    case .number(let d): return NumberText.repr(d)
    case .string(let s): return Value.quoted(s)
    case .fstring(let segments):
      return "(f \(fstringParts(segments)))"
    case .bool(let b): return b ? "True" : "False"
    case .none: return "None"
    case .name(let n): return n
    case .list(let items): return "(list \(items.map(expression).joined(separator: " ")))"
    case .tuple(let items): return "(tuple\(items.map { " " + expression($0) }.joined()))"
    case .dict(let pairs): return "(dict\(pairs.map { " \(expression($0.key)):\(expression($0.value))" }.joined()))"
    case .listComprehension(let element, let t, let iterable, let condition):
      return "(listcomp \(expression(element)) \(target(t)) \(expression(iterable))\(condition.map { " " + expression($0) } ?? ""))"
    case .unary(let op, let x): return "(\(op.rawValue) \(expression(x)))"
    case .binary(let op, let l, let r): return "(\(op.rawValue) \(expression(l)) \(expression(r)))"
    case .compare(let first, let rest):
      return "(compare \(expression(first))" + rest.map { " \($0.0.rawValue) \(expression($0.1))" }.joined() + ")"
    case .and(let l, let r): return "(and \(expression(l)) \(expression(r)))"
    case .or(let l, let r): return "(or \(expression(l)) \(expression(r)))"
    case .not(let x): return "(not \(expression(x)))"
    case .conditional(let c, let t, let o): return "(if-else \(expression(c)) \(expression(t)) \(expression(o)))"
    case .call(let callee, let arguments):
      let args = arguments.map { a in (a.spread ? "*" : "") + (a.keyword.map { "\($0)=" } ?? "") + expression(a.value) }
      return "(call \(expression(callee))\(args.map { " " + $0 }.joined()))"
    case .subscript(let base, let items): return "(index \(expression(base)) \(items.map(item).joined(separator: " ")))"
    case .attribute(let base, let name, _): return "(. \(expression(base)) \(name))"
    }
  }
}
