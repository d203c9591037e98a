import TensorEngine

/// The operators and indexing of tensors: `+ - * / **` element by element with numpy's
/// broadcasting (a list on either side is read as a tensor), `@` the matrix product, and
/// `x[i, a:b]` with Python's index rules. A fully indexed value is a number.
enum TensorArithmetic {
  /// nil when neither operand is a tensor, so the number and sequence rules apply.
  static func binary(_ op: BinaryOp, _ l: Value, _ r: Value) throws(RuntimeError) -> Value? {
    let leftIsTensor = isTensor(l)
    guard leftIsTensor || isTensor(r) else { return nil }
    let symbol = op.rawValue
    guard let engineOp = elementwise(op) else {
      if op == .modulo || op == .floorDivide {
        let (a, b) = (try operand(l, symbol, l, r), try operand(r, symbol, l, r))
        let (x, y) = try TensorComparison.broadcast(a, b, operation: "'\(symbol)'")
        // Python's rules, as numpy's: `//` floors, `%` takes the divisor's sign.
        let values = zip(x.values, y.values).map { p, q -> Float in
          let floored = (p / q).rounded(.down)
          return op == .floorDivide ? floored : p - floored * q
        }
        return .tensor(Tensor(shape: x.shape, values: values))
      }
      if op == .matmul {
        let (a, b) = (try operand(l, symbol, l, r), try operand(r, symbol, l, r))
        return TensorValues.result(try run(symbol) { try Ops.matmul(a, b) })
      }
      throw RuntimeError(.unsupportedOperands(op: symbol, left: l.typeName, right: r.typeName))
    }
    // A number on one side is applied to every value without building a tensor for it.
    if let d = r.numeric, case .tensor(let t, _) = l {
      let result = try run(symbol) { try t.combined(with: Float(d), engineOp) }
      return .tensor(result, origin: pixels(of: l, engineOp, Float(d), numberFirst: false, result: result))
    }
    if let d = l.numeric, case .tensor(let t, _) = r {
      let result = try run(symbol) { try t.combined(with: Float(d), engineOp, scalarFirst: true) }
      return .tensor(result, origin: pixels(of: r, engineOp, Float(d), numberFirst: true, result: result))
    }
    let (a, b) = (try operand(l, symbol, l, r), try operand(r, symbol, l, r))
    return .tensor(try run(symbol) { try a.combined(with: b, engineOp) })
  }

  /// Pixel data stays pixel data through `/ 255` and brightness or contrast changes (see `PixelScale`).
  private static func pixels(
    of operand: Value, _ op: BinaryOperator, _ number: Float, numberFirst: Bool, result: Tensor
  ) -> TensorOrigin? {
    operand.pixelScale?.after(op, number, numberFirst: numberFirst, result: result).map(TensorOrigin.pixels)
  }

  private static func elementwise(_ op: BinaryOp) -> BinaryOperator? {
    switch op {
    case .add: return .add
    case .subtract: return .subtract
    case .multiply: return .multiply
    case .divide: return .divide
    case .power: return .power
    case .floorDivide, .modulo, .matmul, .bitAnd, .bitOr: return nil
    }
  }

  private static func isTensor(_ v: Value) -> Bool {
    if case .tensor = v { return true }
    return false
  }

  private static func operand(_ v: Value, _ symbol: String, _ l: Value, _ r: Value) throws(RuntimeError) -> Tensor {
    switch v {
    case .tensor(let t, _): return t
    case .list, .tuple: return try TensorValues.tensor(from: v, function: "'\(symbol)'")
    default:
      if let d = v.numeric { return Tensor(scalar: Float(d)) }
      throw RuntimeError(.unsupportedOperands(op: symbol, left: l.typeName, right: r.typeName))
    }
  }

  /// Runs an engine operation, naming the operator (not the engine's word) in shape errors.
  private static func run(_ symbol: String, _ body: () throws -> Tensor) throws(RuntimeError) -> Tensor {
    do {
      return try EngineCall.run(body)
    } catch {
      if case .engine(.shapeMismatch(_, let lhs, let rhs)) = error.message {
        throw RuntimeError(.engine(.shapeMismatch(operation: "'\(symbol)'", lhs: lhs, rhs: rhs)))
      }
      throw error
    }
  }

  // MARK: Indexing

  /// `x[i]`, `x[i, j]`, `x[a:b, :, 0]`.
  static func index(_ t: Tensor, _ index: Index) throws(RuntimeError) -> Value {
    if TensorSelection.isAdvanced(index) {
      let (offsets, shape) = try TensorSelection.select(t.shape, index)
      return TensorValues.result(Tensor(shape: shape, values: offsets.map { t.values[$0] }))
    }
    var axes: [AxisIndex] = []
    for (axis, part) in index.parts.enumerated() {
      switch part {
      case .single(let v, _):
        let i = try Indexing.wholeIndex(v, "tensor")
        if axis < t.rank {
          let size = t.shape[axis]
          guard i >= -size && i < size else {
            throw RuntimeError(.axisIndexOutOfRange(result: false, axis: axis, index: i, count: size))
          }
        }
        axes.append(.index(i))
      case .slice(let lower, let upper, let step):
        let stepValue = try bound(step) ?? 1
        if stepValue == 0 { throw RuntimeError(.sliceStepZero) }
        axes.append(.range(start: try bound(lower), stop: try bound(upper), step: stepValue))
      case .ellipsis:
        break  // an advanced index, handled above
      }
    }
    return TensorValues.result(try EngineCall.run { try t.sliced(axes) })
  }

  private static func bound(_ v: Value?) throws(RuntimeError) -> Int? {
    guard let v, !v.isNone else { return nil }
    return try Indexing.wholeIndex(v, "slice")
  }

  /// The storage offsets an index selects (row-major over the selection), and the
  /// selection's shape, for assignment. Index rules are Python's, as for reading.
  static func positions(_ shape: [Int], _ index: Index) throws(RuntimeError) -> (offsets: [Int], selection: [Int]) {
    if TensorSelection.isAdvanced(index) {
      let (offsets, selection) = try TensorSelection.select(shape, index)
      return (offsets, selection)
    }
    guard index.parts.count <= shape.count else {
      throw RuntimeError(.engine(.invalidArgument(operation: "index", reason: .tooManyIndices(given: index.parts.count, rank: shape.count))))
    }
    var strides = [Int](repeating: 1, count: shape.count)
    for axis in stride(from: shape.count - 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * shape[axis + 1] }
    var perAxis: [[Int]] = []
    var selection: [Int] = []
    for axis in 0..<shape.count {
      let size = shape[axis]
      guard axis < index.parts.count else {
        perAxis.append(Array(0..<size))
        selection.append(size)
        continue
      }
      switch index.parts[axis] {
      case .single(let v, _):
        let i = try Indexing.wholeIndex(v, "tensor")
        guard i >= -size && i < size else { throw RuntimeError(.axisIndexOutOfRange(result: false, axis: axis, index: i, count: size)) }
        perAxis.append([i < 0 ? i + size : i])
      case .slice(let lower, let upper, let step):
        let picked = try Indexing.sliceIndices(count: size, lower, upper, step)
        perAxis.append(picked)
        selection.append(picked.count)
      case .ellipsis:
        break  // an advanced index, handled above
      }
    }
    var offsets = [0]
    for (axis, picks) in perAxis.enumerated() {
      offsets = offsets.flatMap { base in picks.map { base + $0 * strides[axis] } }
    }
    return (offsets, selection)
  }

  /// The values written by an assignment: one number for every selected cell, or a tensor
  /// (or nested lists) of exactly the selection's shape.
  static func assignedValues(_ value: Value, count: Int, selection: [Int]) throws(RuntimeError) -> [Float] {
    if let d = value.numeric { return [Float(d)] }
    let t = try TensorValues.tensor(from: value, function: "assignment")
    guard t.shape == selection || (t.count == count && t.shape.filter { $0 != 1 } == selection.filter { $0 != 1 }) else {
      throw RuntimeError(.engine(.shapeMismatch(operation: "assignment", lhs: selection, rhs: t.shape)))
    }
    return t.values
  }

  /// The `i`-th item along the first axis: a number for a vector, else a tensor.
  static func item(_ t: Tensor, _ i: Int) throws(RuntimeError) -> Value {
    TensorValues.result(try EngineCall.run { try t.sliced([.index(i)]) })
  }
}
