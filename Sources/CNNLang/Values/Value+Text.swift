import TextAndTime

// The text forms of values: `repr` (what a cell displays, strings quoted) and `str`
// (what print writes).
extension Value {
  /// The `text/plain` form, Python-like: strings quoted, lists `[1, 2]`, tuples `(32, 32, 1)`.
  public var repr: String {
    var seen = Set<ObjectIdentifier>()
    return repr(seen: &seen, depth: 0)
  }

  /// The form `print` and `str()` write: like `repr`, but a string is its own text and a
  /// tensor its values as numpy writes them (`tensor([1, 3, 2])`).
  public var str: String {
    if case .string(let s) = self { return s }
    if case .tensor(let t, let origin) = self { return TensorText.values(t, boolean: origin?.isBoolean == true) }
    return repr
  }

  /// Lists nested deeper than this print as `[...]`, so a pathological value cannot exhaust the stack.
  static let maximumReprDepth = 100

  private func repr(seen: inout Set<ObjectIdentifier>, depth: Int) -> String {
    if depth > Value.maximumReprDepth {
      switch self {
      case .list: return "[...]"
      case .dict: return "{...}"
      case .tuple: return "(...)"
      default: break
      }
    }
    switch self {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .number(let d): return NumberText.repr(d)
    case .string(let s): return Value.quoted(s)
    case .list(let storage):
      let id = ObjectIdentifier(storage)
      if seen.contains(id) { return "[...]" }
      seen.insert(id)
      defer { seen.remove(id) }
      var parts: [String] = []
      for item in storage.items { parts.append(item.repr(seen: &seen, depth: depth + 1)) }
      return "[" + parts.joined(separator: ", ") + "]"
    case .dict(let storage):
      let id = ObjectIdentifier(storage)
      if seen.contains(id) { return "{...}" }
      seen.insert(id)
      defer { seen.remove(id) }
      var parts: [String] = []
      for (key, value) in storage.pairs {
        parts.append(key.repr(seen: &seen, depth: depth + 1) + ": " + value.repr(seen: &seen, depth: depth + 1))
      }
      return "{" + parts.joined(separator: ", ") + "}"
    case .tuple(let items):
      var parts: [String] = []
      for item in items { parts.append(item.repr(seen: &seen, depth: depth + 1)) }
      return items.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
    case .range(let r):
      return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
    case .function(let f): return "<function \(f.signature)>"
    case .builtin(let b): return "<built-in function \(b.name)>"
    case .method(let b, let receiver): return "<method '\(b.name)' of \(receiver.typeName)>"
    case .stream(let s): return s.rawValue
    case .module(let m): return "<module '\(m.name)' (CNN Lab's built-ins)>"
    case .tensor(let t, let origin): return TensorText.describe(t, boolean: origin?.isBoolean == true)
    case .explanation(let e): return e.text
    case .layer(let l): return l.repr
    case .model(let m): return m.repr
    case .symbolic(let t): return t.repr
    case .summary(let s): return s.text
    case .training(let t): return t.repr
    case .widget(let w): return w.repr
    case .namespace(let n): return "<module '\(n.name)'>"
    }
  }

  /// Python's quoting: single quotes unless the text has one and no double quote.
  static func quoted(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Character(scalar) == quote {
          out += "\\" + String(quote)
        } else if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append(quote)
    return out
  }
}
