import Glibc

/// An element-wise operation of two operands, broadcast as numpy does.
public enum BinaryOperator: String, Sendable, CaseIterable {
  case add, subtract, multiply, divide, power, maximum, minimum

  @inline(__always)
  func apply(_ a: Float, _ b: Float) -> Float {
    switch self {
    case .add: return a + b
    case .subtract: return a - b
    case .multiply: return a * b
    case .divide: return a / b
    case .power: return powf(a, b)
    case .maximum: return a >= b ? a : b
    case .minimum: return a <= b ? a : b
    }
  }
}

/// An element-wise operation of one operand.
public enum UnaryOperator: String, Sendable, CaseIterable {
  case negate, abs, round, exp, log, sqrt, square

  @inline(__always)
  func apply(_ a: Float) -> Float {
    switch self {
    case .negate: return -a
    case .abs: return Swift.abs(a)
    // Python's and numpy's round: halves go to the even neighbour.
    case .round: return a.rounded(.toNearestOrEven)
    case .exp: return expf(a)
    case .log: return logf(a)
    case .sqrt: return sqrtf(a)
    case .square: return a * a
    }
  }
}

extension Tensor {
  /// numpy's broadcasting: align shapes at the right; each pair of sizes must be equal or 1.
  public static func broadcastShape(_ lhs: [Int], _ rhs: [Int], operation: String) throws -> [Int] {
    let rank = max(lhs.count, rhs.count)
    var result = [Int](repeating: 1, count: rank)
    for axis in 0..<rank {
      let a = axis < rank - lhs.count ? 1 : lhs[axis - (rank - lhs.count)]
      let b = axis < rank - rhs.count ? 1 : rhs[axis - (rank - rhs.count)]
      guard a == b || a == 1 || b == 1 else {
        throw TensorError.shapeMismatch(operation: operation, lhs: lhs, rhs: rhs)
      }
      result[axis] = a == 1 ? b : a
    }
    return result
  }

  /// `self <op> other`, element-wise with broadcasting.
  // lhs (...), rhs (...) → output broadcastShape(lhs, rhs)
  public func combined(with other: Tensor, _ op: BinaryOperator) throws -> Tensor {
    let name = op.rawValue
    let shape = try Tensor.broadcastShape(self.shape, other.shape, operation: name)
    if self.shape == other.shape {
      return try Tensor.make(operation: name, shape: shape) { out in
        values.withUnsafeBufferPointer { a in
          other.values.withUnsafeBufferPointer { b in
            for i in 0..<a.count { out[i] = op.apply(a[i], b[i]) }
          }
        }
      }
    }
    let rank = shape.count
    let lhsStrides = Tensor.broadcastStrides(self.shape, rank: rank)
    let rhsStrides = Tensor.broadcastStrides(other.shape, rank: rank)
    return try Tensor.make(operation: name, shape: shape) { out in
      values.withUnsafeBufferPointer { a in
        other.values.withUnsafeBufferPointer { b in
          guard let a = a.baseAddress, let b = b.baseAddress else { return }
          let inner = shape[rank - 1]
          let sa = lhsStrides[rank - 1]
          let sb = rhsStrides[rank - 1]
          var index = [Int](repeating: 0, count: rank)
          var offsetA = 0
          var offsetB = 0
          var written = 0
          let total = Tensor.count(of: shape)
          while written < total {
            for i in 0..<inner { out[written + i] = op.apply(a[offsetA + i * sa], b[offsetB + i * sb]) }
            written += inner
            // Advance the odometer over every axis but the last.
            var axis = rank - 2
            while axis >= 0 {
              index[axis] += 1
              offsetA += lhsStrides[axis]
              offsetB += rhsStrides[axis]
              if index[axis] < shape[axis] { break }
              offsetA -= lhsStrides[axis] * shape[axis]
              offsetB -= rhsStrides[axis] * shape[axis]
              index[axis] = 0
              axis -= 1
            }
          }
        }
      }
    }
  }

  /// `self <op> scalar`, element-wise.
  public func combined(with scalar: Float, _ op: BinaryOperator, scalarFirst: Bool = false) throws -> Tensor {
    try Tensor.make(operation: op.rawValue, shape: shape) { out in
      values.withUnsafeBufferPointer { a in
        if scalarFirst {
          for i in 0..<a.count { out[i] = op.apply(scalar, a[i]) }
        } else {
          for i in 0..<a.count { out[i] = op.apply(a[i], scalar) }
        }
      }
    }
  }

  /// `op(self)`, element-wise.
  public func mapped(_ op: UnaryOperator) throws -> Tensor {
    try Tensor.make(operation: op.rawValue, shape: shape) { out in
      values.withUnsafeBufferPointer { a in
        for i in 0..<a.count { out[i] = op.apply(a[i]) }
      }
    }
  }

  public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .add) }
  public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .subtract) }
  public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .multiply) }
  public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .divide) }

  /// Strides of `shape` seen inside a broadcast result of `rank` axes: 0 on size-1 and missing axes.
  private static func broadcastStrides(_ shape: [Int], rank: Int) -> [Int] {
    let own = strides(of: shape)
    var result = [Int](repeating: 0, count: rank)
    for axis in 0..<shape.count where shape[axis] != 1 {
      result[rank - shape.count + axis] = own[axis]
    }
    return result
  }
}
