/// Walks an iterable for `for` and comprehensions, one item at a time. Ranges stay lazy;
/// lists are read live, so appending inside the loop extends it, as in Python; a string
/// keeps its position, so walking it is linear in its length.
struct ItemCursor {
  private let value: Value
  private var index = 0
  private var position: String.Index?

  init(_ value: Value) throws(RuntimeError) {
    switch value {
    case .range, .list, .tuple, .dict, .string: break
    case .tensor(let t, _):
      // `for row in x` walks the first axis, as numpy does.
      guard t.rank > 0 else { throw RuntimeError(.notIterable("0-d tensor")) }
    default:
      throw RuntimeError(.notIterable(value.typeName))
    }
    self.value = value
  }

  /// The next item, or nil past the end.
  mutating func next() throws(RuntimeError) -> Value? {
    defer { index += 1 }
    switch value {
    case .range(let r): return index < r.count ? .number(Double(r[index])) : nil
    case .list(let l): return index < l.items.count ? l.items[index] : nil
    case .tuple(let t): return index < t.count ? t[index] : nil
    case .dict(let d): return index < d.count ? d.keys[index] : nil
    case .string(let s):
      let here = position ?? s.startIndex
      guard here < s.endIndex else { return nil }
      let after = s.index(after: here)
      position = after
      return .string(String(s[here..<after]))
    case .tensor(let t, _):
      return index < t.shape[0] ? value.keepingKind(try TensorArithmetic.item(t, index)) : nil
    default:
      return nil
    }
  }
}
