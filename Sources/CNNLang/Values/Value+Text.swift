import TensorEngine
import TextAndTime

// The text forms of values: `repr` (what a cell displays, strings quoted) and `str`
// (what print writes).
extension Value {
  /// The `text/plain` form, Python-like: strings quoted, lists `[1, 2]`, tuples `(32, 32, 1)`.
  /// A value whose text would pass `TextBudget.maximumBytes` (a list shared with itself
  /// millions of times) is cut there and ends in `...`.
  public var repr: String { bounded(str: false) }

  /// The form `print` and `str()` write: like `repr`, but a string is its own text and a
  /// tensor its values as numpy writes them (`tensor([1, 3, 2])`).
  public var str: String { bounded(str: true) }

  /// `str` or `repr` for the language's `str()`, `repr()`, `print` and f-strings: a text
  /// past the bound is a ResourceError, and the interrupt flag is read as it is written.
  func text(str: Bool, cancellation: CancellationFlag?) throws(RuntimeError) -> String {
    var budget = TextBudget(cancellation: cancellation)
    var out = ""
    do throws(TextBudget.Stop) {
      try write(str: str, into: &out, budget: &budget)
      return out
    } catch {
      switch error {
      case .interrupted: throw RuntimeError(.keyboardInterrupt)
      case .tooLong:
        throw RuntimeError(.resourceLimit(
          requested: .textOfMoreThan(Int128(TextBudget.maximumBytes)), limit: TextBudget.maximumBytes))
      }
    }
  }

  private func bounded(str: Bool) -> String {
    var budget = TextBudget(cancellation: nil)
    var out = ""
    do { try write(str: str, into: &out, budget: &budget) } catch { out += "..." }
    return out
  }

  private func write(str: Bool, into out: inout String, budget: inout TextBudget) throws(TextBudget.Stop) {
    switch self {
    case .string(let s) where str: out += s
    case .tensor(let t, let origin) where str: out += TensorText.values(t, boolean: origin?.isBoolean == true)
    default:
      var seen = Set<ObjectIdentifier>()
      try writeRepr(into: &out, seen: &seen, depth: 0, budget: &budget)
    }
    try budget.check(out)
  }

  /// Lists nested deeper than this print as `[...]`, so a pathological value cannot exhaust the stack.
  static let maximumReprDepth = 100

  /// Appends the repr; `seen` holds the lists and dicts being written, so a list that holds
  /// itself writes `[...]` there, as Python does.
  private func writeRepr(
    into out: inout String, seen: inout Set<ObjectIdentifier>, depth: Int, budget: inout TextBudget
  ) throws(TextBudget.Stop) {
    try budget.step(out)
    if depth > Value.maximumReprDepth {
      switch self {
      case .list: return out += "[...]"
      case .dict: return out += "{...}"
      case .tuple: return out += "(...)"
      default: break
      }
    }
    switch self {
    case .list(let storage):
      let id = ObjectIdentifier(storage)
      if seen.contains(id) { return out += "[...]" }
      seen.insert(id)
      defer { seen.remove(id) }
      out += "["
      for (i, item) in storage.items.enumerated() {
        if i > 0 { out += ", " }
        try item.writeRepr(into: &out, seen: &seen, depth: depth + 1, budget: &budget)
      }
      out += "]"
    case .dict(let storage):
      let id = ObjectIdentifier(storage)
      if seen.contains(id) { return out += "{...}" }
      seen.insert(id)
      defer { seen.remove(id) }
      out += "{"
      for (i, (key, value)) in storage.pairs.enumerated() {
        if i > 0 { out += ", " }
        try key.writeRepr(into: &out, seen: &seen, depth: depth + 1, budget: &budget)
        out += ": "
        try value.writeRepr(into: &out, seen: &seen, depth: depth + 1, budget: &budget)
      }
      out += "}"
    case .tuple(let items):
      out += "("
      for (i, item) in items.enumerated() {
        if i > 0 { out += ", " }
        try item.writeRepr(into: &out, seen: &seen, depth: depth + 1, budget: &budget)
      }
      out += items.count == 1 ? ",)" : ")"
    default:
      out += leafRepr
    }
  }

  /// The repr of a value that holds no other values.
  private var leafRepr: String {
    switch self {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .number(let d): return NumberText.repr(d)
    case .string(let s): return Value.quoted(s)
    case .list, .dict, .tuple: return ""
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
