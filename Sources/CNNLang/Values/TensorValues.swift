import TensorEngine

/// Turning language values into tensors and back: nested lists of numbers become tensors
/// (`tensor([[1, 2], [3, 4]])`, and any list given where a tensor is expected), and single
/// tensor values become numbers that read as the learner typed them.
enum TensorValues {
  static let maximumRank = 32

  /// A tensor from a tensor, a number, or nested lists and tuples of numbers. Rows must have
  /// equal lengths; the first that does not, or the first item that is not a number, is named
  /// by its position (`item [1][2]`).
  static func tensor(from value: Value, function: String) throws(RuntimeError) -> Tensor {
    if case .tensor(let t, _) = value { return t }
    if let d = value.numeric { return Tensor(scalar: Float(d)) }
    var shape: [Int] = []
    // The shape is read down the first items; every other item is then checked against it.
    var probe = value
    while true {
      guard let items = sequence(probe) else { break }
      shape.append(items.count)
      guard let first = items.first else { break }
      if case .tensor(let t, _) = first {
        shape += t.shape
        break
      }
      probe = first
    }
    // Lists can be nested far deeper than any tensor; reading them recursively must stop first.
    guard shape.count <= maximumRank else {
      throw RuntimeError(.tensorProblem(.nestedTooDeep(operation: function, depth: shape.count, maximum: maximumRank)))
    }
    let count = Tensor.count(of: shape)
    try Sequences.checkSize(count, of: SizeRequest.tensorOfValues)
    var values: [Float] = []
    values.reserveCapacity(count)
    try collect(value, depth: 0, shape: shape, position: [], into: &values, function: function)
    return Tensor(shape: shape, values: values)
  }

  private static func sequence(_ value: Value) -> [Value]? {
    switch value {
    case .list(let l): return l.items
    case .tuple(let t): return t
    default: return nil
    }
  }

  private static func collect(
    _ value: Value, depth: Int, shape: [Int], position: [Int], into values: inout [Float], function: String
  ) throws(RuntimeError) {
    if depth == shape.count {
      if let d = value.numeric {
        values.append(Float(d))
        return
      }
      if sequence(value) != nil || isTensor(value) {
        throw RuntimeError(.raggedTensor(function: function, position: position, expected: 1, got: count(of: value)))
      }
      throw RuntimeError(.tensorElement(function: function, position: position, type: value.typeName))
    }
    if case .tensor(let t, _) = value {
      // A tensor inside a list (a list of images) must have exactly the remaining shape.
      guard Array(shape[depth...]) == t.shape else {
        throw RuntimeError(.engine(.shapeMismatch(operation: function, lhs: Array(shape[depth...]), rhs: t.shape)))
      }
      values += t.values
      return
    }
    guard let items = sequence(value) else {
      throw RuntimeError(.raggedTensor(function: function, position: position, expected: shape[depth], got: 1))
    }
    guard items.count == shape[depth] else {
      throw RuntimeError(.raggedTensor(function: function, position: position, expected: shape[depth], got: items.count))
    }
    for (i, item) in items.enumerated() {
      try collect(item, depth: depth + 1, shape: shape, position: position + [i], into: &values, function: function)
    }
  }

  private static func isTensor(_ value: Value) -> Bool {
    if case .tensor = value { return true }
    return false
  }

  private static func count(of value: Value) -> Int {
    if case .tensor(let t, _) = value { return t.shape.first ?? 1 }
    return sequence(value)?.count ?? 1
  }

  /// A float32 value as a language number that prints as written: `0.1`, not `0.100000001`.
  static func number(_ v: Float) -> Value {
    if v == v.rounded(), abs(v) < 16_777_216 { return .number(Double(v)) }
    return .number(Double(v.description) ?? Double(v))
  }

  /// A shape as the language shows it: a tuple of whole numbers.
  static func shapeValue(_ shape: [Int]) -> Value { .tuple(shape.map { .number(Double($0)) }) }

  /// A rank-0 tensor becomes a number; anything else stays a tensor.
  static func result(_ t: Tensor, origin: TensorOrigin? = nil) -> Value {
    t.rank == 0 ? number(t.values[0]) : .tensor(t, origin: origin)
  }
}
