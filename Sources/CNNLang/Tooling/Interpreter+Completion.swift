// Tab completion: names, built-ins and keywords before the cursor; attributes after a dot;
// keyword arguments inside a call.
extension Interpreter {
  /// Matches for the identifier that ends at `cursor` (a code-point offset).
  public func complete(code: String, cursor: Int) -> Completion {
    let s = Array(code.unicodeScalars)
    let cursor = min(max(0, cursor), s.count)
    var start = cursor
    while start > 0 && CodeScanner.isIdentifier(s[start - 1]) { start -= 1 }
    let prefix = String(String.UnicodeScalarView(s[start..<cursor]))
    var found: [(String, String)] = []
    if CodeScanner.isInStringOrComment(s, cursor) {
      return Completion(matches: [], start: cursor, end: cursor, kinds: [])
    }
    if start > 0 && s[start - 1] == "." {
      let chainEnd = start - 1
      if let receiver = CodeScanner.dottedName(s, endingAt: chainEnd).flatMap(resolve) {
        let type = receiver.typeName
        for name in (registry.methods[type] ?? [:]).keys { found.append((name, "function")) }
        for name in (registry.properties[type] ?? [:]).keys { found.append((name, "property")) }
      }
    } else {
      for k in Keyword.allCases { found.append((k.rawValue, "keyword")) }
      for (name, b) in registry.functions { found.append((name, b.completionKind)) }
      for name in registry.constants.keys { found.append((name, "instance")) }
      for name in evaluator.userNames {
        if case .function = evaluator.globals[name] { found.append((name, "function")) } else { found.append((name, "instance")) }
      }
      if !prefix.isEmpty, let callee = CodeScanner.enclosingCall(s, before: start).flatMap(resolve) {
        for p in Interpreter.parameters(of: callee) where !p.isVariadic && p.name != "self" {
          found.append((p.name + "=", "param"))
        }
      }
    }
    var seen = Set<String>()
    let matches = found.filter { $0.0.hasPrefix(prefix) && seen.insert($0.0).inserted }.sorted { $0.0 < $1.0 }
    return Completion(matches: matches.map(\.0), start: start, end: cursor, kinds: matches.map(\.1))
  }

  /// The value a dotted name (`x`, `xs.append`) refers to, without calling anything.
  func resolve(_ chain: [String]) -> Value? {
    guard let first = chain.first else { return nil }
    guard var value = evaluator.globals[first] ?? registry.value(named: first) else { return nil }
    for name in chain.dropFirst() {
      guard let next = try? evaluator.attribute(of: value, name) else { return nil }
      value = next
    }
    return value
  }

  static func parameters(of callee: Value) -> [Parameter] {
    switch callee {
    case .builtin(let b), .method(let b, _): return b.parameters
    case .function(let f): return f.parameters
    default: return []
    }
  }
}

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
