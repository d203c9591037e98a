/// One lexical token of a cell, with its range in the cell's text.
struct Token: Equatable {
  enum Kind: Equatable {
    case name(String)
    case keyword(Keyword)
    case number(Double)
    case string(String)
    case fstring([FStringPart])
    case punct(Punct)
    case newline
    case indent
    case dedent
    case eof
  }

  var kind: Kind
  var range: SourceRange

  /// How a learner would name the token in "expected ... but found ...".
  /// What a message says was found here.
  var part: SyntaxPart {
    switch kind {
    case .name(let n): return .name(n)
    case .keyword(let k): return .keyword(k.rawValue)
    case .number: return .number
    case .string, .fstring: return .string
    case .punct(let p): return .symbols([p.rawValue])
    case .newline: return .endOfLine
    case .indent: return .indentedLine
    case .dedent: return .endOfBlock
    case .eof: return .endOfCell
    }
  }

  func isPunct(_ p: Punct) -> Bool { kind == .punct(p) }
  func isKeyword(_ k: Keyword) -> Bool { kind == .keyword(k) }
}

/// A piece of an f-string: literal text, or an expression whose source lies at `range`.
enum FStringPart: Equatable {
  case literal(String)
  /// `spec` is the format after `:`, itself literal text and nested `{fields}`.
  indirect case expression(range: SourceRange, conversion: Character?, spec: [FStringPart])
}

/// Reserved words. Python's, minus the ones the language has no use for.
enum Keyword: String, CaseIterable {
  case and, or, not, `in`, `is`, `if`, elif, `else`, `for`, `while`, `break`, `continue`
  case def, `return`, pass, assert, `True`, `False`, `None`, lambda, `del`, global
}

/// Operators and punctuation, longest spellings first so the lexer can match greedily.
enum Punct: String, CaseIterable {
  case powerAssign = "**=", floorDivAssign = "//="
  case power = "**", floorDiv = "//", equal = "==", notEqual = "!=", lessEqual = "<="
  case greaterEqual = ">=", arrow = "->", plusAssign = "+=", minusAssign = "-="
  case starAssign = "*=", slashAssign = "/=", percentAssign = "%=", atAssign = "@="
  case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
  case leftBrace = "{", rightBrace = "}", comma = ",", colon = ":", dot = ".", semicolon = ";"
  case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", at = "@"
  case less = "<", greater = ">", assign = "="

  static let bySpelling: [[Unicode.Scalar]: Punct] = {
    var table: [[Unicode.Scalar]: Punct] = [:]
    for p in Punct.allCases { table[Array(p.rawValue.unicodeScalars)] = p }
    return table
  }()

  var closing: Punct? {
    switch self {
    case .leftParen: return .rightParen
    case .leftBracket: return .rightBracket
    case .leftBrace: return .rightBrace
    default: return nil
    }
  }
}
