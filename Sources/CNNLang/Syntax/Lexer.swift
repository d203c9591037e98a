import TensorEngine
import TextAndTime

/// Turns a cell (or the inside of an f-string's braces) into tokens, with Python's
/// indentation rules: INDENT/DEDENT at line starts, no NEWLINE inside brackets.
struct Lexer {
  let file: SourceFile
  let s: [Unicode.Scalar]
  let end: Int
  var pos: Int
  var tokens: [Token] = []
  private var indents: [Int] = [0]
  private var brackets: [(punct: Punct, offset: Int)] = []
  var diagnostics: [Diagnostic] = []
  /// Facts the completeness check needs: text that more input could still close.
  private(set) var unclosedBrackets = 0
  var unclosedTripleString = false
  private(set) var sawStrayClosingBracket = false
  /// Where the first bracket that is never closed opens: what follows it is misread.
  private(set) var firstUnclosedBracket: Int?
  /// The indentation of the innermost block still open at the end (0 at top level).
  private(set) var openBlockIndent = 0
  /// Unclosed brackets reported at the end of a cell, innermost first.
  static let maximumReportedBrackets = 3
  /// Whether this lexes a cell (with line structure), where IPython's `%`, `!` and `?` lines are read.
  private var readsLines = true

  init(file: SourceFile, range: SourceRange? = nil) {
    self.file = file
    self.s = file.scalars
    self.pos = range?.start ?? 0
    self.end = min(range?.end ?? file.scalars.count, file.scalars.count)
  }

  /// `indentation: false` lexes an expression fragment (an f-string's braces): no line structure.
  mutating func tokenize(indentation: Bool = true) -> [Token] {
    var atLineStart = indentation
    readsLines = indentation
    while pos < end {
      if atLineStart && brackets.isEmpty {
        atLineStart = false
        if handleIndentation() { atLineStart = true; continue }
      }
      let c = s[pos]
      switch c {
      case " ", "\t", "\r", "\u{0C}":
        pos += 1
      case "#":
        while pos < end && s[pos] != "\n" { pos += 1 }
      case "\n":
        if brackets.isEmpty && indentation {
          if let last = tokens.last, last.kind != .newline { emit(.newline, pos, pos + 1) }
          atLineStart = true
        }
        pos += 1
      case "\\" where pos + 1 < end && s[pos + 1] == "\n":
        pos += 2
      case "%" where readsLines && brackets.isEmpty && atStatementStart,
        "!" where readsLines && brackets.isEmpty && atStatementStart,
        "?" where readsLines && brackets.isEmpty && atStatementStart:
        let start = pos
        while pos < end && s[pos] != "\n" && s[pos] != "\r" { pos += 1 }
        emit(.magic(file.text(start, pos)), start, pos)
      default:
        if isIdentifierStart(c) {
          lexNameOrPrefixedString()
        } else if c.properties.numericType != nil && c.isASCII || (c == "." && pos + 1 < end && isDigit(s[pos + 1])) {
          lexNumber()
        } else if c == "\"" || c == "'" {
          lexString(prefixStart: pos, raw: false, formatted: false)
        } else {
          lexPunct()
        }
      }
    }
    openBlockIndent = indents.last ?? 0
    if indentation {
      if let last = tokens.last, last.kind != .newline, brackets.isEmpty { emit(.newline, end, end) }
      while indents.count > 1 { indents.removeLast(); emit(.dedent, end, end) }
    }
    // A string left open swallows the closing brackets after it: report the string alone.
    let stringLeftOpen = diagnostics.contains { $0.message == .unterminatedString }
    firstUnclosedBracket = brackets.first?.offset
    unclosedBrackets = brackets.count
    // The innermost few are what the learner needs; thousands of them (a pasted run of
    // `(((`) would each render the whole line.
    for open in brackets.reversed().prefix(stringLeftOpen ? 0 : Lexer.maximumReportedBrackets) {
      let (line, column) = file.location(of: open.offset)
      var d = Diagnostic(
        .unclosedBracket(open: open.punct.rawValue, line: line, column: column),
        at: SourceRange(start: open.offset, end: open.offset + 1))
      if let close = open.punct.closing?.rawValue.first { d.suggestion = .hint(.closeBracket(close)) }
      diagnostics.append(d)
    }
    emit(.eof, end, end)
    return tokens
  }

  /// At the start of a statement: nothing before it on its line but indentation.
  private var atStatementStart: Bool {
    guard let last = tokens.last else { return true }
    return last.kind == .newline || last.kind == .indent || last.kind == .dedent
  }

  mutating func emit(_ kind: Token.Kind, _ start: Int, _ stop: Int) {
    tokens.append(Token(kind: kind, range: SourceRange(start: start, end: stop)))
  }

  mutating func fail(_ message: DiagnosticMessage, _ start: Int, _ stop: Int) {
    diagnostics.append(Diagnostic(message, at: SourceRange(start: start, end: stop)))
  }

  /// Measures the indentation of a new line. Returns true when the line is blank or a
  /// comment, which Python ignores for indentation.
  private mutating func handleIndentation() -> Bool {
    var width = 0
    var p = pos
    while p < end, s[p] == " " || s[p] == "\t" || s[p] == "\u{0C}" {
      width = s[p] == "\t" ? (width / 8 + 1) * 8 : width + 1
      p += 1
    }
    if p >= end || s[p] == "\n" || s[p] == "#" || (s[p] == "\r" && p + 1 < end && s[p + 1] == "\n") {
      while p < end && s[p] != "\n" { p += 1 }
      pos = min(p + 1, end)
      return true
    }
    let current = indents[indents.count - 1]
    if width > current {
      indents.append(width)
      emit(.indent, pos, p)
    } else if width < current {
      while let top = indents.last, top > width {
        indents.removeLast()
        emit(.dedent, p, p)
      }
      if indents.last != width {
        fail(.inconsistentDedent, pos, p)
        indents.append(width)
      }
    }
    pos = p
    return false
  }

  private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

  private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic
  }

  private func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
    isIdentifierStart(c) || c.properties.numericType != nil
  }

  private mutating func lexNameOrPrefixedString() {
    let start = pos
    while pos < end && isIdentifierContinue(s[pos]) { pos += 1 }
    let word = file.text(start, pos)
    if pos < end, s[pos] == "\"" || s[pos] == "'" {
      let lower = word.lowercased()
      if ["f", "r", "rf", "fr"].contains(lower) {
        lexString(prefixStart: start, raw: lower.contains("r"), formatted: lower.contains("f"))
        return
      }
    }
    if let keyword = Keyword(rawValue: word) {
      emit(.keyword(keyword), start, pos)
    } else {
      emit(.name(word), start, pos)
    }
  }

  private mutating func lexNumber() {
    let start = pos
    while pos < end, isDigit(s[pos]) || s[pos] == "_" { pos += 1 }
    if pos < end, s[pos] == "." {
      pos += 1
      while pos < end, isDigit(s[pos]) || s[pos] == "_" { pos += 1 }
    }
    if pos < end, s[pos] == "e" || s[pos] == "E" {
      var p = pos + 1
      if p < end, s[p] == "+" || s[p] == "-" { p += 1 }
      if p < end, isDigit(s[p]) {
        pos = p
        while pos < end, isDigit(s[pos]) || s[pos] == "_" { pos += 1 }
      }
    }
    // A name glued to a number (`3x`) is a typo, not two tokens.
    while pos < end && isIdentifierContinue(s[pos]) { pos += 1 }
    let text = file.text(start, pos)
    let digits = text.replacingUnderscores()
    if let value = Double(digits), !text.hasSuffix("_"), !text.containsText("__") {
      emit(.number(value), start, pos)
    } else {
      fail(.invalidNumber(text), start, pos)
      emit(.number(0), start, pos)
    }
  }

  private mutating func lexPunct() {
    let start = pos
    for length in [3, 2, 1] where pos + length <= end {
      if let p = Punct.bySpelling[Array(s[pos..<pos + length])] {
        pos += length
        trackBracket(p, at: start)
        emit(.punct(p), start, pos)
        return
      }
    }
    pos += 1
    fail(.unexpectedCharacter(file.text(start, pos)), start, pos)
  }

  private mutating func trackBracket(_ p: Punct, at offset: Int) {
    switch p {
    case .leftParen, .leftBracket, .leftBrace:
      brackets.append((p, offset))
    case .rightParen, .rightBracket, .rightBrace:
      guard let open = brackets.last else {
        sawStrayClosingBracket = true
        fail(.unmatchedClosingBracket(p.rawValue), offset, offset + 1)
        return
      }
      brackets.removeLast()
      if open.punct.closing != p {
        sawStrayClosingBracket = true
        let (line, column) = file.location(of: open.offset)
        fail(.mismatchedBracket(close: p.rawValue, open: open.punct.rawValue, line: line, column: column), offset, offset + 1)
      }
    default:
      break
    }
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String { String(unicodeScalars.filter { $0 != "_" }.map(Character.init)) }
}
