/// Turning iterable values into their items.
enum Sequences {
  /// The most items a list, tuple or string may hold (about 160 MB of values). Tensors are
  /// the place for more numbers than this.
  static let maximumItems = 10_000_000

  /// Refuses, before allocating, anything larger than `maximumItems`.
  static func checkSize(_ count: Int, of request: (Int) -> SizeRequest) throws(RuntimeError) {
    if count > maximumItems {
      throw RuntimeError(.resourceLimit(requested: request(count), limit: maximumItems))
    }
  }

  /// Items in increasing order (stable), or a TypeError for items that cannot be ordered.
  static func sorted(_ items: [Value], reverse: Bool) throws(RuntimeError) -> [Value] {
    var failure: RuntimeError?
    let result = items.sorted { a, b in
      guard let order = Operators.order(a, b) else {
        failure = RuntimeError(.notComparable(op: "<", left: a.typeName, right: b.typeName))
        return false
      }
      return reverse ? order > 0 : order < 0
    }
    if let failure { throw failure }
    return result
  }

  static func elements(of v: Value) throws(RuntimeError) -> [Value] {
    switch v {
    case .list(let l): return l.items
    case .tuple(let t): return t
    case .dict(let d): return d.keys
    case .range(let r):
      try checkSize(r.count, of: SizeRequest.listOfNumbers)
      return (0..<r.count).map { .number(Double(r[$0])) }
    case .string(let s): return s.map { .string(String($0)) }
    case .tensor(let t, _):
      let count = t.shape.first ?? 0
      try checkSize(count, of: SizeRequest.listOfItems)
      var items: [Value] = []
      for i in 0..<count { items.append(v.keepingKind(try TensorArithmetic.item(t, i))) }
      return items
    default: throw RuntimeError(.notIterable(v.typeName))
    }
  }
}
