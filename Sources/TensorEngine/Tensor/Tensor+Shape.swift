/// One entry of a subscript such as `x[1:3, :, 0]`, with Python's meaning.
public enum AxisIndex: Sendable, Hashable {
  /// A single position; the axis disappears from the result. Negative counts from the end.
  case index(Int)
  /// `start:stop:step`; `nil` bounds take Python's defaults for the step's direction.
  case range(start: Int?, stop: Int?, step: Int)

  /// `:`, the whole axis.
  public static let all = AxisIndex.range(start: nil, stop: nil, step: 1)
}

extension Tensor {
  /// The same values under a new shape; one entry may be -1 and is then inferred.
  public func reshaped(_ newShape: [Int]) throws -> Tensor {
    let unknown = newShape.indices.filter { newShape[$0] == -1 }
    guard unknown.count <= 1, newShape.allSatisfy({ $0 >= -1 }) else {
      throw TensorError.invalidArgument(operation: "reshape", reason: .notAShape(newShape))
    }
    var resolved = newShape
    if let axis = unknown.first {
      guard let known = Tensor.checkedCount(of: newShape.filter { $0 != -1 }), known > 0, count % known == 0 else {
        throw TensorError.shapeMismatch(operation: "reshape", lhs: shape, rhs: newShape)
      }
      resolved[axis] = count / known
    }
    guard Tensor.checkedCount(of: resolved) == count else {
      throw TensorError.shapeMismatch(operation: "reshape", lhs: shape, rhs: newShape)
    }
    return Tensor(shape: resolved, values: values)
  }

  /// Everything after the batch axis in one axis: `(N, ...)` → `(N, rest)`; without `batch`, one axis.
  public func flattened(keepingBatch batch: Bool = false) throws -> Tensor {
    if batch, rank >= 1 { return try reshaped([shape[0], -1]) }
    return try reshaped([count])
  }

  /// Axes reordered: result axis `i` is input axis `permutation[i]`. `nil` reverses them (numpy's `.T`).
  // input (d0, ..., dk) → output (d[p0], ..., d[pk])
  public func transposed(_ permutation: [Int]? = nil) throws -> Tensor {
    let order = try (permutation ?? Array((0..<rank).reversed())).map {
      try Tensor.normalize(axis: $0, rank: rank, operation: "transpose")
    }
    guard order.count == rank, Set(order).count == rank else {
      throw TensorError.invalidArgument(
        operation: "transpose", reason: .notAnOrdering(permutation: permutation ?? [], rank: rank))
    }
    let outShape = order.map { shape[$0] }
    let inStrides = Tensor.strides(of: shape)
    let gathered = order.map { inStrides[$0] }
    return try gather(operation: "transpose", shape: outShape, start: 0, strides: gathered)
  }

  /// A sub-tensor selected by one `AxisIndex` per leading axis; missing trailing axes are whole.
  public func sliced(_ indices: [AxisIndex]) throws -> Tensor {
    guard indices.count <= rank else {
      throw TensorError.invalidArgument(
        operation: "index", reason: .tooManyIndices(given: indices.count, rank: rank))
    }
    let inStrides = Tensor.strides(of: shape)
    var start = 0
    var outShape: [Int] = []
    var outStrides: [Int] = []
    for axis in 0..<rank {
      let entry = axis < indices.count ? indices[axis] : .all
      let size = shape[axis]
      switch entry {
      case .index(let i):
        let position = i < 0 ? i + size : i
        guard position >= 0, position < size else {
          throw TensorError.indexOutOfRange(operation: "index", index: i, size: size)
        }
        start += position * inStrides[axis]
      case .range(let from, let to, let step):
        guard step != 0 else { throw TensorError.invalidArgument(operation: "slice", reason: .stepZero) }
        let (first, length) = Tensor.sliceBounds(start: from, stop: to, step: step, size: size)
        start += first * inStrides[axis]
        outShape.append(length)
        outStrides.append(step * inStrides[axis])
      }
    }
    return try gather(operation: "slice", shape: outShape, start: start, strides: outStrides)
  }

  /// Python's `slice.indices`: the first position and the number of positions.
  static func sliceBounds(start: Int?, stop: Int?, step: Int, size: Int) -> (first: Int, count: Int) {
    func clamp(_ value: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
      guard var v = value else { return fallback }
      if v < 0 { v += size }
      return min(max(v, low), high)
    }
    if step > 0 {
      let first = clamp(start, 0, low: 0, high: size)
      let last = clamp(stop, size, low: 0, high: size)
      return (first, last > first ? (last - first + step - 1) / step : 0)
    }
    let first = clamp(start, size - 1, low: -1, high: size - 1)
    let last = clamp(stop, -1, low: -1, high: size - 1)
    return (max(first, 0), first > last ? (first - last - step - 1) / -step : 0)
  }

  /// Rows `range` of the first axis, copied into a tensor of their own.
  // self (N, ...) → (range.count, ...)
  public func rows(_ range: Range<Int>) -> Tensor {
    let row = count / max(1, shape.first ?? 1)
    return Tensor(shape: [range.count] + shape.dropFirst(), values: Array(values[(range.lowerBound * row)..<(range.upperBound * row)]))
  }

  /// Tensors joined along `axis`; every other axis must agree.
  // inputs (..., a_i, ...) → output (..., sum a_i, ...)
  public static func concatenate(_ tensors: [Tensor], axis: Int) throws -> Tensor {
    guard let first = tensors.first else {
      throw TensorError.invalidArgument(operation: "concat", reason: .noTensor)
    }
    let axis = try normalize(axis: axis, rank: first.rank, operation: "concat")
    var outShape = first.shape
    outShape[axis] = 0
    for tensor in tensors {
      var a = tensor.shape
      var b = first.shape
      guard a.count == b.count else { throw TensorError.shapeMismatch(operation: "concat", lhs: first.shape, rhs: tensor.shape) }
      a[axis] = 0
      b[axis] = 0
      guard a == b else { throw TensorError.shapeMismatch(operation: "concat", lhs: first.shape, rhs: tensor.shape) }
      outShape[axis] += tensor.shape[axis]
    }
    let outer = first.shape[..<axis].reduce(1, *)
    let inner = first.shape[(axis + 1)...].reduce(1, *)
    let outRow = outShape[axis] * inner
    return try make(operation: "concat", shape: outShape) { out in
      var column = 0
      for tensor in tensors {
        let row = tensor.shape[axis] * inner
        tensor.values.withUnsafeBufferPointer { source in
          guard let source = source.baseAddress else { return }
          for o in 0..<outer {
            (out + o * outRow + column).update(from: source + o * row, count: row)
          }
        }
        column += row
      }
    }
  }

  /// A new contiguous tensor reading `values[start + sum(index[i] * strides[i])]`.
  private func gather(operation: String, shape outShape: [Int], start: Int, strides: [Int]) throws -> Tensor {
    try Tensor.make(operation: operation, shape: outShape) { out in
      values.withUnsafeBufferPointer { source in
        guard let source = source.baseAddress else { return }
        let total = Tensor.count(of: outShape)
        guard let last = outShape.indices.last else {
          out[0] = source[start]
          return
        }
        let inner = outShape[last]
        let step = strides[last]
        var index = [Int](repeating: 0, count: outShape.count)
        var offset = start
        var written = 0
        while written < total {
          for i in 0..<inner { out[written + i] = source[offset + i * step] }
          written += inner
          var axis = last - 1
          while axis >= 0 {
            index[axis] += 1
            offset += strides[axis]
            if index[axis] < outShape[axis] { break }
            offset -= strides[axis] * outShape[axis]
            index[axis] = 0
            axis -= 1
          }
        }
      }
    }
  }
}
