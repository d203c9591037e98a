import TensorEngine

/// Turning iterable values into their items.
enum Sequences {
  /// The most items a list, tuple or string may hold (about 160 MB of values). Tensors are
  /// the place for more numbers than this.
  static let maximumItems = 10_000_000

  /// What a size is counted in, for the learner's message and the memory it takes.
  enum Unit {
    case stringBytes, listItems, tupleItems, tensorValues

    /// The request, as the message names it.
    func request(_ count: Int128) -> SizeRequest {
      switch self {
      case .stringBytes: .stringOfBytes(count)
      case .listItems: .listOfItems(count)
      case .tupleItems: .tupleOfItems(count)
      case .tensorValues: .tensorOfValues(count)
      }
    }

    /// The type's name (code, in either language) for the memory budget's message.
    var typeName: String {
      switch self {
      case .stringBytes: "str"
      case .listItems: "list"
      case .tupleItems: "tuple"
      case .tensorValues: "tensor"
      }
    }

    /// Bytes each unit takes in memory.
    var bytes: Int {
      switch self {
      case .stringBytes: 1
      case .listItems, .tupleItems: MemoryLayout<Value>.stride
      case .tensorValues: MemoryLayout<Float>.stride
      }
    }
  }

  /// Refuses, before allocating, a result of `count` units (computed by the caller in 128
  /// bits, so that `"x" * 10**19` names its true size): more than `maximumItems`, or more
  /// memory than the session has left.
  static func checkSize(_ count: Int128, _ unit: Unit) throws(RuntimeError) {
    if count > Int128(maximumItems) {
      throw RuntimeError(.resourceLimit(requested: unit.request(count), limit: maximumItems))
    }
    let bytes = Int(count) * unit.bytes
    try EngineCall.run { try MemoryBudget.check(operation: unit.typeName, bytes: bytes) }
  }

  /// A list growing one item at a time (holding `count` now) stops at `maximumItems`, and
  /// checks the memory budget each time its count reaches a power of two, for the doubled
  /// storage the array is about to take: often enough to stop a runaway loop, rarely enough
  /// to cost nothing.
  static func checkGrowth(_ count: Int, _ unit: Unit) throws(RuntimeError) {
    if count >= maximumItems { try checkSize(Int128(count) + 1, unit) }
    guard count >= 4096, count & (count - 1) == 0 else { return }
    try EngineCall.run { try MemoryBudget.check(operation: unit.typeName, bytes: count * 2 * unit.bytes) }
  }

  /// Items in increasing order (stable), or a TypeError for items that cannot be ordered.
  /// A bottom-up merge sort, so that the interrupt flag is read every few thousand
  /// comparisons: a million strings take seconds to sort.
  static func sorted(_ items: [Value], reverse: Bool, cancellation: CancellationFlag? = nil) throws(RuntimeError) -> [Value] {
    var from = items
    var to = items
    var comparisons = 0
    // Whether `b` must come before `a`; equal items keep their order.
    func before(_ b: Value, _ a: Value) throws(RuntimeError) -> Bool {
      comparisons += 1
      if comparisons % 512 == 0, cancellation?.isCancelled == true { throw RuntimeError(.keyboardInterrupt) }
      guard let order = Operators.order(b, a) else {
        throw RuntimeError(.notComparable(op: "<", left: b.typeName, right: a.typeName))
      }
      return reverse ? order > 0 : order < 0
    }
    var width = 1
    while width < from.count {
      var start = 0
      while start < from.count {
        let middle = min(start + width, from.count)
        let end = min(start + 2 * width, from.count)
        var i = start
        var j = middle
        for k in start..<end {
          let takeLeft: Bool
          if i >= middle {
            takeLeft = false
          } else if j >= end {
            takeLeft = true
          } else {
            takeLeft = !(try before(from[j], from[i]))
          }
          if takeLeft {
            to[k] = from[i]
            i += 1
          } else {
            to[k] = from[j]
            j += 1
          }
        }
        start = end
      }
      swap(&from, &to)
      width *= 2
    }
    return from
  }

  static func elements(of v: Value) throws(RuntimeError) -> [Value] {
    switch v {
    case .list(let l): return l.items
    case .tuple(let t): return t
    case .dict(let d): return d.keys
    case .range(let r):
      try checkSize(Int128(r.count), .listItems)
      return (0..<r.count).map { .number(Double(r[$0])) }
    case .string(let s): return s.map { .string(String($0)) }
    case .tensor(let t, _):
      let count = t.shape.first ?? 0
      try checkSize(Int128(count), .listItems)
      var items: [Value] = []
      for i in 0..<count { items.append(v.keepingKind(try TensorArithmetic.item(t, i))) }
      return items
    default: throw RuntimeError(.notIterable(v.typeName))
    }
  }
}
