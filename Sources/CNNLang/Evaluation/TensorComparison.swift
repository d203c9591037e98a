import TensorEngine

/// numpy's comparisons: `==  !=  <  <=  >  >=` with a tensor on either side compare value by
/// value, with broadcasting (a list or a number on the other side is read as a tensor), and
/// give a tensor of booleans. `allclose` and `array_equal` give one answer.
enum TensorComparison {
  /// nil when neither side is a tensor, so Python's rules apply.
  static func compare(_ op: CompareOp, _ l: Value, _ r: Value) throws(RuntimeError) -> Value? {
    guard isTensor(l) || isTensor(r), let test = test(op) else { return nil }
    // A tensor is never equal to a string, None or a layer: numpy answers with one False.
    guard let a = try operand(l, op, l, r), let b = try operand(r, op, l, r) else {
      if op == .equal || op == .notEqual { return .bool(op == .notEqual) }
      throw RuntimeError(.notComparable(op: op.rawValue, left: l.typeName, right: r.typeName))
    }
    let (x, y) = try broadcast(a, b, operation: "'\(op.rawValue)'")
    var answers = [Float](repeating: 0, count: x.count)
    x.values.withUnsafeBufferPointer { xs in
      y.values.withUnsafeBufferPointer { ys in
        for i in 0..<answers.count where test(xs[i], ys[i]) { answers[i] = 1 }
      }
    }
    return .booleans(Tensor(shape: x.shape, values: answers))
  }

  /// `a & b`, `a | b` with a tensor on either side: value by value, nonzero read as True.
  static func logical(_ op: BinaryOp, _ l: Value, _ r: Value) throws(RuntimeError) -> Value? {
    guard isTensor(l) || isTensor(r) else { return nil }
    let symbol = op.rawValue
    func side(_ v: Value) throws(RuntimeError) -> Tensor {
      if case .tensor(let t, _) = v { return t }
      if let d = v.numeric { return Tensor(scalar: Float(d)) }
      if case .list = v { return try TensorValues.tensor(from: v, function: "'\(symbol)'") }
      throw RuntimeError(.unsupportedOperands(op: symbol, left: l.typeName, right: r.typeName))
    }
    let (x, y) = try broadcast(try side(l), try side(r), operation: "'\(symbol)'")
    let values = zip(x.values, y.values).map { p, q -> Float in
      let (a, b) = (p != 0, q != 0)
      return (op == .bitAnd ? a && b : a || b) ? 1 : 0
    }
    return .booleans(Tensor(shape: x.shape, values: values))
  }

  private static func test(_ op: CompareOp) -> ((Float, Float) -> Bool)? {
    switch op {
    case .equal: return { $0 == $1 }
    case .notEqual: return { $0 != $1 }
    case .less: return { $0 < $1 }
    case .lessEqual: return { $0 <= $1 }
    case .greater: return { $0 > $1 }
    case .greaterEqual: return { $0 >= $1 }
    case .in, .notIn, .is, .isNot: return nil
    }
  }

  private static func isTensor(_ v: Value) -> Bool {
    if case .tensor = v { return true }
    return false
  }

  /// The side as a tensor; nil for a value that holds no numbers (a string, None).
  private static func operand(_ v: Value, _ op: CompareOp, _ l: Value, _ r: Value) throws(RuntimeError) -> Tensor? {
    switch v {
    case .tensor(let t, _): return t
    case .list, .tuple: return try TensorValues.tensor(from: v, function: "'\(op.rawValue)'")
    default: return v.numeric.map { Tensor(scalar: Float($0)) }
    }
  }

  /// Both tensors spread to their common shape with the engine's broadcasting rule (adding
  /// zero keeps every value, NaN included).
  static func broadcast(_ a: Tensor, _ b: Tensor, operation: String) throws(RuntimeError) -> (Tensor, Tensor) {
    if a.shape == b.shape { return (a, b) }
    return try EngineCall.run {
      let shape = try Tensor.broadcastShape(a.shape, b.shape, operation: operation)
      let zeros = Tensor(shape: shape, repeating: 0)
      return (a.shape == shape ? a : try a.combined(with: zeros, .add), b.shape == shape ? b : try b.combined(with: zeros, .add))
    }
  }

  /// numpy's `all` (every) and `any`: whether the values are nonzero, over all of them (one
  /// bool) or along an axis (a tensor of booleans).
  static func truthOf(_ t: Tensor, every: Bool, axis: Int?) throws(RuntimeError) -> Value {
    let nonzero = Tensor(shape: t.shape, values: t.values.map { $0 != 0 ? 1 : 0 })
    guard let axis else { return .bool(every ? !nonzero.values.contains(0) : nonzero.values.contains(1)) }
    return .booleans(try EngineCall.run { try nonzero.reduced(every ? .min : .max, axis: axis) })
  }

  /// numpy's `allclose`: |a - b| <= atol + rtol * |b| for every pair, after broadcasting.
  /// NaN is close to nothing; infinities are close only to themselves.
  static func allClose(_ a: Tensor, _ b: Tensor, rtol: Double, atol: Double) throws(RuntimeError) -> Bool {
    let (x, y) = try broadcast(a, b, operation: "allclose")
    for (p, q) in zip(x.values, y.values) {
      if p == q { continue }
      let (u, v) = (Double(p), Double(q))
      if !(abs(u - v) <= atol + rtol * abs(v)) { return false }
    }
    return true
  }
}
