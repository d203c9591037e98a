import TextAndTime

/// The evaluated inside of `x[...]`: one index or slice per axis. Lists use one part; tensors
/// will use several (`x[a:b, :, 0]`).
public struct Index {
  public enum Part {
    case single(Value, SourceRange)
    case slice(Value?, Value?, Value?)
    /// `...`: whole axes, as many as the other parts leave.
    case ellipsis
  }
  public var parts: [Part]
}

/// Reading and writing `x[i]` and `x[a:b:c]` on lists, tuples, strings and ranges, with
/// Python's rules for negative indices and slice bounds.
enum Indexing {
  static func get(_ base: Value, _ index: Index) throws(RuntimeError) -> Value {
    if case .tensor(let t, let origin) = base {
      // A part of a picture is still a picture: the pixel scale goes with it; a part of a
      // comparison's booleans is still booleans.
      let part = base.keepingKind(try TensorArithmetic.index(t, index))
      guard case .tensor(let selected, _) = part, let scale = origin?.pixelScale else { return part }
      return .tensor(selected, origin: .pixels(scale))
    }
    if case .dict(let d) = base { return try dictItem(d, index) }
    let items: [Value]
    switch base {
    case .list(let l): items = l.items
    case .tuple(let t): items = t
    case .string(let s): items = s.map { .string(String($0)) }
    case .range(let r):
      if case .single(let v, _) = try onlyPart(index, base) {
        return .number(Double(r[try position(v, count: r.count, type: "range")]))
      }
      items = try Sequences.elements(of: base)
    default:
      throw RuntimeError(.notSubscriptable(base.typeName))
    }
    switch try onlyPart(index, base) {
    case .ellipsis:
      throw RuntimeError(.indexNotWhole(type: base.typeName, got: .code("'...'")))
    case .single(let v, _):
      return items[try position(v, count: items.count, type: base.typeName)]
    case .slice(let lower, let upper, let step):
      let picked = try sliceIndices(count: items.count, lower, upper, step).map { items[$0] }
      switch base {
      case .tuple: return .tuple(picked)
      case .string: return .string(picked.map(\.str).joined())
      default: return .list(picked)
      }
    }
  }

  static func set(_ base: Value, _ index: Index, _ value: Value) throws(RuntimeError) {
    if case .dict(let d) = base {
      try d.set(try dictKey(index), value)
      return
    }
    guard case .list(let storage) = base else { throw RuntimeError(.notAssignable(type: base.typeName)) }
    switch try onlyPart(index, base) {
    case .ellipsis:
      throw RuntimeError(.indexNotWhole(type: "list", got: .code("'...'")))
    case .single(let v, _):
      storage.items[try position(v, count: storage.items.count, type: "list")] = value
    case .slice(let lower, let upper, let step):
      let positions = try sliceIndices(count: storage.items.count, lower, upper, step)
      let replacement = try Sequences.elements(of: value)
      let stepValue = try step.map { (s) throws(RuntimeError) in try wholeIndex(s, "list") } ?? 1
      if stepValue == 1 {
        let fallback = min(try lowerBound(lower, count: storage.items.count), storage.items.count)
        let start = positions.first ?? fallback
        storage.items.replaceSubrange(start..<(start + positions.count), with: replacement)
      } else {
        guard replacement.count == positions.count else {
          throw RuntimeError(.unpackCount(expected: positions.count, got: replacement.count))
        }
        for (p, v) in zip(positions, replacement) { storage.items[p] = v }
      }
    }
  }

  /// `d[key]`; `d[a, b]` is the tuple key `(a, b)`, as in Python.
  private static func dictItem(_ d: DictStorage, _ index: Index) throws(RuntimeError) -> Value {
    let key = try dictKey(index)
    guard let value = try d.get(key) else {
      var suggestion: Suggestion?
      if case .string(let name) = key {
        let names = d.keys.compactMap { (k: Value) -> String? in if case .string(let s) = k { s } else { nil } }
        suggestion = NameSuggester.nearest(to: name, in: names).map { .didYouMean($0) }
      }
      throw RuntimeError(.keyNotFound(key: key.repr, known: d.keys.map(\.repr)), suggestion: suggestion)
    }
    return value
  }

  private static func dictKey(_ index: Index) throws(RuntimeError) -> Value {
    var keys: [Value] = []
    for part in index.parts {
      guard case .single(let v, _) = part else { throw RuntimeError(.unhashable("slice")) }
      keys.append(v)
    }
    return keys.count == 1 ? keys[0] : .tuple(keys)
  }

  private static func onlyPart(_ index: Index, _ base: Value) throws(RuntimeError) -> Index.Part {
    guard index.parts.count == 1, let part = index.parts.first else {
      throw RuntimeError(.indexNotWhole(type: base.typeName, got: .indices(index.parts.count)))
    }
    return part
  }

  static func wholeIndex(_ v: Value, _ type: String) throws(RuntimeError) -> Int {
    guard let d = v.numeric, let i = NumberText.wholeNumber(d) else {
      throw RuntimeError(.indexNotWhole(type: type, got: v.numeric.map { .code(NumberText.repr($0)) } ?? .type(v.typeName)),
        suggestion: v.numeric != nil ? .hint(.wholeNumberIndex) : nil)
    }
    return i
  }

  /// A valid position for index `v`, counting negative indices from the end.
  static func position(_ v: Value, count: Int, type: String) throws(RuntimeError) -> Int {
    let i = try wholeIndex(v, type)
    let p = i < 0 ? i + count : i
    guard p >= 0 && p < count else { throw RuntimeError(.indexOutOfRange(type: type, index: i, count: count)) }
    return p
  }

  private static func lowerBound(_ lower: Value?, count: Int) throws(RuntimeError) -> Int {
    guard let lower, !lower.isNone else { return 0 }
    let i = try wholeIndex(lower, "slice")
    return i < 0 ? max(0, i + count) : i
  }

  /// The positions a slice picks, as Python computes them (bounds clamp, never fail).
  static func sliceIndices(count: Int, _ lower: Value?, _ upper: Value?, _ step: Value?) throws(RuntimeError) -> [Int] {
    func bound(_ v: Value?) throws(RuntimeError) -> Int? {
      guard let v, !v.isNone else { return nil }
      return try wholeIndex(v, "slice")
    }
    let stepValue = try bound(step) ?? 1
    if stepValue == 0 { throw RuntimeError(.sliceStepZero) }
    func clamp(_ x: Int) -> Int {
      if x < 0 { return max(x + count, stepValue > 0 ? 0 : -1) }
      return min(x, stepValue > 0 ? count : count - 1)
    }
    let start = try bound(lower).map(clamp) ?? (stepValue > 0 ? 0 : count - 1)
    let stop = try bound(upper).map(clamp) ?? (stepValue > 0 ? count : -1)
    return Array(stride(from: start, to: stop, by: stepValue))
  }
}
