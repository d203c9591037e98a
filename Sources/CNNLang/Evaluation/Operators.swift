import Glibc
import TensorEngine
import TextAndTime

/// The arithmetic and comparisons of the language, in one place. Numbers follow Python:
/// `/` is true division, `//` floors, `%` takes the divisor's sign.
enum Operators {
  static func unary(_ op: UnaryOp, _ v: Value) throws(RuntimeError) -> Value {
    if op == .invert { return try invert(v) }
    if case .tensor(let t, _) = v {
      return op == .negate ? .tensor(try EngineCall.run { try t.mapped(.negate) }) : .tensor(t)
    }
    guard let d = v.numeric else { throw RuntimeError(.unsupportedUnary(op: op.rawValue, type: v.typeName)) }
    return .number(op == .negate ? -d : d)
  }

  static func binary(_ op: BinaryOp, _ l: Value, _ r: Value) throws(RuntimeError) -> Value {
    if op == .bitAnd || op == .bitOr { return try logical(op, l, r) }
    if let a = l.numeric, let b = r.numeric { return .number(try arithmetic(op, a, b)) }
    if let result = try TensorArithmetic.binary(op, l, r) { return result }
    switch (op, l, r) {
    case (.add, .string(let a), .string(let b)): return .string(a + b)
    case (.add, .list(let a), .list(let b)): return .list(a.items + b.items)
    case (.add, .tuple(let a), .tuple(let b)): return .tuple(a + b)
    case (.add, .symbolic(let a), .symbolic(let b)): return .symbolic(try SymbolicTensor.sum(a, b))
    case (.multiply, .string(let s), _), (.multiply, _, .string(let s)):
      guard let n = repeatCount(l, r) else { break }
      try Sequences.checkSize(n * s.utf8.count, of: SizeRequest.stringOfBytes)
      return .string(String(repeating: s, count: n))
    case (.multiply, .list(let a), _), (.multiply, _, .list(let a)):
      guard let n = repeatCount(l, r) else { break }
      try Sequences.checkSize(n * a.items.count, of: SizeRequest.listOfItems)
      return .list(Array([[Value]](repeating: a.items, count: n).joined()))
    case (.multiply, .tuple(let a), _), (.multiply, _, .tuple(let a)):
      guard let n = repeatCount(l, r) else { break }
      try Sequences.checkSize(n * a.count, of: SizeRequest.tupleOfItems)
      return .tuple(Array([[Value]](repeating: a, count: n).joined()))
    default:
      break
    }
    throw RuntimeError(.unsupportedOperands(op: op.rawValue, left: l.typeName, right: r.typeName))
  }

  /// `"ab" * 3`, `3 * [0]`: the whole-number side, negative meaning none.
  private static func repeatCount(_ l: Value, _ r: Value) -> Int? {
    guard let d = l.numeric ?? r.numeric, let n = NumberText.wholeNumber(d) else { return nil }
    return min(max(0, n), Sequences.maximumItems + 1)
  }

  static func arithmetic(_ op: BinaryOp, _ a: Double, _ b: Double) throws(RuntimeError) -> Double {
    switch op {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide:
      if b == 0 { throw RuntimeError(.divisionByZero) }
      return a / b
    case .floorDivide:
      if b == 0 { throw RuntimeError(.divisionByZero) }
      return (a / b).rounded(.down)
    case .modulo:
      if b == 0 { throw RuntimeError(.divisionByZero) }
      var r = fmod(a, b)
      if r != 0 && (r < 0) != (b < 0) { r += b }
      return r
    case .power:
      if a == 0 && b < 0 { throw RuntimeError(.divisionByZero) }
      return pow(a, b)
    case .matmul, .bitAnd, .bitOr:
      throw RuntimeError(.unsupportedOperands(op: op.rawValue, left: "number", right: "number"))
    }
  }

  /// `&` and `|`: on tensors, numpy's element-wise and/or of masks (nonzero is True); on bools
  /// a bool; on whole numbers Python's bitwise operation.
  private static func logical(_ op: BinaryOp, _ l: Value, _ r: Value) throws(RuntimeError) -> Value {
    if case .bool(let a) = l, case .bool(let b) = r { return .bool(op == .bitAnd ? a && b : a || b) }
    if let a = l.numeric, let b = r.numeric, let x = NumberText.wholeNumber(a), let y = NumberText.wholeNumber(b) {
      return .number(Double(op == .bitAnd ? x & y : x | y))
    }
    if let answers = try TensorComparison.logical(op, l, r) { return answers }
    throw RuntimeError(.unsupportedOperands(op: op.rawValue, left: l.typeName, right: r.typeName))
  }

  /// `~mask` flips a tensor of booleans (and a bool); `~n` is Python's -(n + 1) for a whole number.
  private static func invert(_ v: Value) throws(RuntimeError) -> Value {
    if case .tensor(let t, _) = v, v.isBooleanTensor { return .booleans(Tensor(shape: t.shape, values: t.values.map { $0 != 0 ? 0 : 1 })) }
    if case .bool(let b) = v { return .bool(!b) }
    if let d = v.numeric, let n = NumberText.wholeNumber(d) { return .number(Double(~n)) }
    if case .tensor = v { throw RuntimeError(.invertNumbers) }
    throw RuntimeError(.unsupportedUnary(op: "~", type: v.typeName))
  }

  /// A comparison as the language writes it: value by value when a tensor is involved (a
  /// tensor of booleans), else Python's one answer.
  static func comparison(_ op: CompareOp, _ l: Value, _ r: Value) throws(RuntimeError) -> Value {
    if let answers = try TensorComparison.compare(op, l, r) { return answers }
    return .bool(try compare(op, l, r))
  }

  static func compare(_ op: CompareOp, _ l: Value, _ r: Value) throws(RuntimeError) -> Bool {
    switch op {
    case .equal: return l == r
    case .notEqual: return l != r
    case .in: return try contains(r, l)
    case .notIn: return !(try contains(r, l))
    case .is: return identical(l, r)
    case .isNot: return !identical(l, r)
    case .less, .lessEqual, .greater, .greaterEqual:
      guard let order = order(l, r) else {
        throw RuntimeError(.notComparable(op: op.rawValue, left: l.typeName, right: r.typeName))
      }
      switch op {
      case .less: return order < 0
      case .lessEqual: return order <= 0
      case .greater: return order > 0
      default: return order >= 0
      }
    }
  }

  /// Sequences nested deeper than this are not compared (they count as unequal and unordered),
  /// so comparing two pathological values cannot exhaust the stack.
  static let maximumComparisonDepth = 1000

  /// -1, 0 or 1; nil when the two cannot be ordered. NaN compares as unordered-false, as in Python.
  static func order(_ l: Value, _ r: Value, depth: Int = 0) -> Int? {
    if depth > maximumComparisonDepth { return nil }
    if let a = l.numeric, let b = r.numeric {
      if a.isNaN || b.isNaN { return nil }
      return a < b ? -1 : (a > b ? 1 : 0)
    }
    switch (l, r) {
    case (.string(let a), .string(let b)):
      let x = Array(a.unicodeScalars.map(\.value))
      let y = Array(b.unicodeScalars.map(\.value))
      return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
    case (.list(let a), .list(let b)): return sequenceOrder(a.items, b.items, depth)
    case (.tuple(let a), .tuple(let b)): return sequenceOrder(a, b, depth)
    default: return nil
    }
  }

  private static func sequenceOrder(_ a: [Value], _ b: [Value], _ depth: Int) -> Int? {
    for (x, y) in zip(a, b) where !equal(x, y, depth: depth + 1) { return order(x, y, depth: depth + 1) }
    return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
  }

  /// `x in container`.
  static func contains(_ container: Value, _ item: Value) throws(RuntimeError) -> Bool {
    switch container {
    case .string(let s):
      guard case .string(let part) = item else {
        throw RuntimeError(.unsupportedOperands(op: "in", left: item.typeName, right: "str"))
      }
      return part.isEmpty || s.containsText(part)
    case .list(let l): return l.items.contains(item)
    case .tuple(let t): return t.contains(item)
    case .dict(let d): return try d.get(item) != nil
    case .range(let r):
      guard let d = item.numeric, let i = NumberText.wholeNumber(d), r.count > 0 else { return false }
      let offset = i - r.start
      return offset % r.step == 0 && offset / r.step >= 0 && offset / r.step < r.count
    default:
      throw RuntimeError(.unsupportedOperands(op: "in", left: item.typeName, right: container.typeName))
    }
  }

  /// `is`: the same object for lists and functions; the same value otherwise (None, bools).
  static func identical(_ l: Value, _ r: Value) -> Bool {
    switch (l, r) {
    case (.list(let a), .list(let b)): return a === b
    case (.dict(let a), .dict(let b)): return a === b
    case (.function(let a), .function(let b)): return a === b
    default: return l == r && l.typeName == r.typeName
    }
  }
}

extension Value: Equatable {
  /// Python's `==`: numbers by value (True == 1), sequences element by element.
  public static func == (l: Value, r: Value) -> Bool { Operators.equal(l, r, depth: 0) }
}

extension Operators {
  static func equal(_ l: Value, _ r: Value, depth: Int) -> Bool {
    if let a = l.numeric, let b = r.numeric { return a == b }
    switch (l, r) {
    case (.none, .none): return true
    case (.string(let a), .string(let b)): return a == b
    case (.list(let a), .list(let b)): return a === b || equal(a.items, b.items, depth: depth)
    case (.tuple(let a), .tuple(let b)): return equal(a, b, depth: depth)
    case (.dict(let a), .dict(let b)): return a === b || equalDicts(a, b, depth: depth)
    case (.range(let a), .range(let b)):
      return a.count == b.count && (a.count == 0 || (a.start == b.start && (a.count == 1 || a.step == b.step)))
    case (.function(let a), .function(let b)): return a === b
    case (.builtin(let a), .builtin(let b)): return a === b
    case (.method(let a, let x), .method(let b, let y)): return a === b && Operators.identical(x, y)
    case (.stream(let a), .stream(let b)): return a == b
    case (.module(let a), .module(let b)): return a == b
    case (.tensor(let a, _), .tensor(let b, _)): return a.isClose(to: b)
    case (.tensor(let a, _), .list), (.tensor(let a, _), .tuple):
      return (try? TensorValues.tensor(from: r, function: "==")).map { a.isClose(to: $0) } ?? false
    case (.list, .tensor(let b, _)), (.tuple, .tensor(let b, _)):
      return (try? TensorValues.tensor(from: l, function: "==")).map { b.isClose(to: $0) } ?? false
    case (.layer(let a), .layer(let b)): return a === b
    case (.model(let a), .model(let b)): return a === b
    case (.symbolic(let a), .symbolic(let b)): return a === b
    case (.training(let a), .training(let b)): return a.isSame(as: b)
    case (.namespace(let a), .namespace(let b)): return a === b
    default: return false
    }
  }

  /// Dicts are equal when they have the same keys with equal values, in any order.
  private static func equalDicts(_ a: DictStorage, _ b: DictStorage, depth: Int) -> Bool {
    guard a.count == b.count, depth < maximumComparisonDepth else { return false }
    for (key, value) in a.pairs {
      guard let other = try? b.get(key), equal(value, other, depth: depth + 1) else { return false }
    }
    return true
  }

  private static func equal(_ a: [Value], _ b: [Value], depth: Int) -> Bool {
    guard a.count == b.count, depth < maximumComparisonDepth else { return false }
    return zip(a, b).allSatisfy { equal($0, $1, depth: depth + 1) }
  }
}
