/// Small scans over a cell's code points, shared by completion and inspection.
enum CodeScanner {
  static func isIdentifier(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic || (c.properties.numericType != nil)
  }

  /// The names of `a.b.c` whose last character is just before `end`.
  static func dottedName(_ s: [Unicode.Scalar], endingAt end: Int) -> [String]? {
    var start = end
    while start > 0 && (isIdentifier(s[start - 1]) || s[start - 1] == ".") { start -= 1 }
    let text = String(String.UnicodeScalarView(s[start..<end]))
    let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }), let first = parts[0].unicodeScalars.first,
      !(first.properties.numericType != nil)
    else { return nil }
    return parts
  }

  /// The callee of the innermost call whose `(` is still open before `offset`.
  static func enclosingCall(_ s: [Unicode.Scalar], before offset: Int) -> [String]? {
    var depth = 0
    var i = offset - 1
    while i >= 0 {
      switch s[i] {
      case ")", "]": depth += 1
      case "[": depth -= 1
      case "(":
        if depth == 0 {
          var end = i
          while end > 0 && s[end - 1] == " " { end -= 1 }
          return dottedName(s, endingAt: end)
        }
        depth -= 1
      case "\n" where depth == 0:
        return nil
      default: break
      }
      i -= 1
    }
    return nil
  }

  /// Whether `offset` lies inside a string literal or a comment (completion is off there).
  static func isInStringOrComment(_ s: [Unicode.Scalar], _ offset: Int) -> Bool {
    var quote: Unicode.Scalar?
    var triple = false
    var i = 0
    while i < offset {
      let c = s[i]
      if let q = quote {
        if c == "\\" {
          i += 2
          continue
        }
        if c == q {
          if !triple {
            quote = nil
          } else if i + 2 < s.count && s[i + 1] == q && s[i + 2] == q {
            quote = nil
            i += 3
            continue
          }
        } else if c == "\n" && !triple {
          quote = nil
        }
      } else if c == "#" {
        while i < offset && s[i] != "\n" { i += 1 }
        if i >= offset { return true }
      } else if c == "\"" || c == "'" {
        quote = c
        triple = i + 2 < s.count && s[i + 1] == c && s[i + 2] == c
        if triple { i += 2 }
      }
      i += 1
    }
    return quote != nil
  }
}
