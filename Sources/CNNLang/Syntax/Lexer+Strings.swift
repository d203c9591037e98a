// String literals: quotes, escapes, raw strings, and the fields of f-strings.
extension Lexer {
  mutating func lexString(prefixStart: Int, raw: Bool, formatted: Bool) {
    let quote = s[pos]
    let triple = pos + 2 < end && s[pos + 1] == quote && s[pos + 2] == quote
    pos += triple ? 3 : 1
    var parts: [FStringPart] = []
    var literal = String.UnicodeScalarView()
    while true {
      if pos >= end || (!triple && s[pos] == "\n") {
        if triple {
          unclosedTripleString = true
          fail(.unterminatedTripleQuotedString, prefixStart, prefixStart + 3)
        } else {
          fail(.unterminatedString, prefixStart, pos)
        }
        break
      }
      let c = s[pos]
      if c == quote && (!triple || (pos + 2 < end && s[pos + 1] == quote && s[pos + 2] == quote)) {
        pos += triple ? 3 : 1
        break
      }
      if c == "\\" && pos + 1 < end {
        if raw {
          literal.append(c)
          literal.append(s[pos + 1])
          pos += 2
        } else {
          pos += 1
          decodeEscape(into: &literal)
        }
        continue
      }
      if formatted && (c == "{" || c == "}") {
        if pos + 1 < end && s[pos + 1] == c {
          literal.append(c)
          pos += 2
          continue
        }
        if c == "}" {
          fail(.fstringSingleClosingBrace, pos, pos + 1)
          pos += 1
          continue
        }
        if !literal.isEmpty {
          parts.append(.literal(String(literal)))
          literal = String.UnicodeScalarView()
        }
        if let field = lexFStringField(quote: quote, triple: triple) { parts.append(field) }
        continue
      }
      literal.append(c)
      pos += 1
    }
    if formatted {
      if !literal.isEmpty { parts.append(.literal(String(literal))) }
      emit(.fstring(parts), prefixStart, pos)
    } else {
      emit(.string(String(literal)), prefixStart, pos)
    }
  }

  /// Reads `{expr!r:spec}` starting at `{`. The expression itself is lexed later, by the
  /// parser, from its range, so its errors point into the cell.
  private mutating func lexFStringField(quote: Unicode.Scalar, triple: Bool) -> FStringPart? {
    let open = pos
    pos += 1
    let exprStart = pos
    var exprEnd: Int?
    var conversion: Character?
    var spec: [FStringPart] = []
    var specText = String.UnicodeScalarView()
    var depth = 0
    var inSpec = false
    while true {
      if pos >= end || (s[pos] == "\n" && !triple) {
        fail(.fstringUnclosedExpression, open, pos)
        return nil
      }
      let closesString = s[pos] == quote && (!triple || (pos + 2 < end && s[pos + 1] == quote && s[pos + 2] == quote))
      if closesString && (depth == 0 || inSpec) {
        fail(.fstringUnclosedExpression, open, pos)
        return nil
      }
      let c = s[pos]
      if inSpec {
        if c == "}" {
          pos += 1
          break
        }
        if c == "{" {
          // A nested field such as `{name:>{width}}`: its value becomes part of the format.
          if !specText.isEmpty { spec.append(.literal(String(specText))) }
          specText = String.UnicodeScalarView()
          let nestedStart = pos + 1
          while pos < end && s[pos] != "}" && s[pos] != "\n" && s[pos] != quote { pos += 1 }
          guard pos < end, s[pos] == "}" else {
            fail(.fstringUnclosedExpression, open, pos)
            return nil
          }
          spec.append(.expression(range: SourceRange(start: nestedStart, end: pos), conversion: nil, spec: []))
          pos += 1
          continue
        }
        specText.append(c)
        pos += 1
        continue
      }
      if c == "'" || c == "\"" {
        skipNestedString(c)
        continue
      }
      if c == "(" || c == "[" || c == "{" { depth += 1 }
      if c == ")" || c == "]" || (c == "}" && depth > 0) { depth -= 1; pos += 1; continue }
      if depth == 0 {
        if c == "!" && pos + 1 < end && s[pos + 1] != "=" {
          exprEnd = exprEnd ?? pos
          conversion = Character(s[pos + 1])
          pos += 2
          continue
        }
        if c == ":" {
          exprEnd = exprEnd ?? pos
          inSpec = true
          pos += 1
          continue
        }
        if c == "}" {
          exprEnd = exprEnd ?? pos
          pos += 1
          break
        }
      }
      pos += 1
    }
    let range = SourceRange(start: exprStart, end: exprEnd ?? pos)
    if file.text(of: range).allSatisfy(\.isWhitespace) {
      fail(.fstringEmptyExpression, open, pos)
      return nil
    }
    if !specText.isEmpty { spec.append(.literal(String(specText))) }
    return .expression(range: range, conversion: conversion, spec: spec)
  }

  private mutating func skipNestedString(_ q: Unicode.Scalar) {
    pos += 1
    while pos < end && s[pos] != q && s[pos] != "\n" {
      pos += s[pos] == "\\" ? 2 : 1
    }
    if pos < end && s[pos] == q { pos += 1 }
  }

  private mutating func decodeEscape(into out: inout String.UnicodeScalarView) {
    let c = s[pos]
    pos += 1
    switch c {
    case "n": out.append("\n")
    case "t": out.append("\t")
    case "r": out.append("\r")
    case "0": out.append("\0")
    case "a": out.append("\u{07}")
    case "b": out.append("\u{08}")
    case "f": out.append("\u{0C}")
    case "v": out.append("\u{0B}")
    case "\\", "'", "\"": out.append(c)
    case "\n": break
    case "x", "u", "U":
      let digits = c == "x" ? 2 : c == "u" ? 4 : 8
      if pos + digits <= end, let code = UInt32(file.text(pos, pos + digits), radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        out.append(scalar)
        pos += digits
      } else {
        out.append("\\")
        out.append(c)
      }
    default:
      // Python keeps unknown escapes as written, which is what a learner typing a path expects.
      out.append("\\")
      out.append(c)
    }
  }
}
