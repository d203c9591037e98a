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
        if case .namespace(let namespace) = receiver {
          for (name, member) in namespace.members {
            if case .builtin = member { found.append((name, "function")) } else { found.append((name, "instance")) }
          }
        }
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
