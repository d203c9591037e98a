extension Ops {
  /// A fully connected layer on the last axis: `x · W + b`, then `activation`.
  /// Weights are Keras's `(inputs, units)`. One input row is a matrix-vector product whose
  /// cost is reading the weights, so the units are split over cores to use both memory paths.
  // input (..., inputs), weights (inputs, units), bias (units) → output (..., units)
  public static func dense(
    _ input: Tensor, weights: Tensor, bias: Tensor? = nil, activation: Activation = .linear,
    cancellation: CancellationFlag? = nil
  ) throws -> Tensor {
    guard weights.rank == 2 else {
      throw TensorError.invalidShape(operation: "dense", shape: weights.shape, expected: .denseWeights)
    }
    let (inputs, units) = (weights.shape[0], weights.shape[1])
    guard input.rank >= 1, input.shape[input.rank - 1] == inputs else {
      throw TensorError.shapeMismatch(operation: "dense", lhs: input.shape, rhs: weights.shape)
    }
    if let bias, bias.shape != [units] {
      throw TensorError.shapeMismatch(operation: "dense bias", lhs: [units], rhs: bias.shape)
    }
    let rows = inputs == 0 ? 0 : input.count / inputs
    let outShape = Array(input.shape.dropLast()) + [units]
    return try Tensor.make(operation: "dense", shape: outShape) { out in
      try input.values.withUnsafeBufferPointer { x in
        try weights.values.withUnsafeBufferPointer { w in
          try (bias?.values ?? []).withUnsafeBufferPointer { b in
            guard let x = x.baseAddress, let w = w.baseAddress else {
              out.update(repeating: 0, count: rows * units)
              return
            }
            try gemmSplit(
              rows: rows, columns: units, depth: inputs, a: SharedPointer(x), b: SharedPointer(w),
              c: SharedPointer(out), bias: bias == nil ? nil : b.baseAddress.map(SharedPointer.init), activation: activation,
              cancellation: cancellation)
          }
        }
      }
    }
  }

  /// `C (rows x columns) = A (rows x depth) · B (depth x columns)` over all cores: rows are
  /// split when there are many, columns otherwise (in multiples of 16, BLAS's panel width).
  static func gemmSplit(
    rows: Int, columns: Int, depth: Int, a: SharedPointer, b: SharedPointer, c: SharedPointer,
    bias: SharedPointer? = nil, activation: Activation = .linear, cancellation: CancellationFlag? = nil
  ) throws {
    let threads = Parallelism.threadCount
    let serial = Parallelism.serialMultiplyAdds
    if rows == 1 && threads > 1 && columns * depth >= serial {
      try vectorTimesMatrix(columns: columns, depth: depth, x: a, w: b, y: c, bias: bias, activation: activation, cancellation: cancellation)
      return
    }
    if rows >= 4 * threads || columns < 32 || rows * columns * depth < serial {
      let grain = Parallelism.grain(workPerItem: columns * depth, threshold: serial, atLeast: 8)
      Parallelism.forEachRange(rows, grain: grain) { range in
        if cancellation?.isCancelled == true { return }
        let target = c.base + range.lowerBound * columns
        BLAS.gemm(
          m: range.count, n: columns, k: depth, a: a.base + range.lowerBound * depth, lda: depth, b: b.base,
          ldb: columns, c: target, ldc: columns)
        epilogue(target, rows: range.count, filters: columns, bias: bias?.base, activation: activation)
      }
    } else {
      let blocks = (columns + 15) / 16
      Parallelism.forEachRange(blocks, grain: Parallelism.grain(workPerItem: rows * 16 * depth, threshold: serial)) {
        range in
        if cancellation?.isCancelled == true { return }
        let first = range.lowerBound * 16
        let width = min(range.upperBound * 16, columns) - first
        BLAS.gemm(
          m: rows, n: width, k: depth, a: a.base, lda: depth, b: b.base + first, ldb: columns,
          c: c.base + first, ldc: columns)
        for r in 0..<rows {
          let target = c.base + r * columns + first
          if let bias { for j in 0..<width { target[j] += bias.base[first + j] } }
          activation.apply(target, count: width)
        }
      }
    }
    if cancellation?.isCancelled == true { throw TensorError.cancelled }
  }

  /// `y (columns) = x (depth) · W (depth x columns)` over all cores. Its time is reading W
  /// once, so each thread takes a band of W's rows, one sequential stream that the
  /// prefetchers follow (a band of columns would be a short run per row), into its own
  /// partial sums, which are added at the end: 4096 -> 1000 went from 0.98 to 0.7 ms.
  static func vectorTimesMatrix(
    columns: Int, depth: Int, x: SharedPointer, w: SharedPointer, y: SharedPointer, bias: SharedPointer?,
    activation: Activation, cancellation: CancellationFlag?
  ) throws {
    let workers = min(Parallelism.threadCount, depth)
    withWorkspace((workers - 1) * columns) { partial in
      Parallelism.forEachWorker(maximum: workers) { worker, workers in
        if cancellation?.isCancelled == true { return }
        let band = depth * worker / workers..<depth * (worker + 1) / workers
        BLAS.gemm(
          m: 1, n: columns, k: band.count, a: x.base + band.lowerBound, lda: depth, b: w.base + band.lowerBound * columns,
          ldb: columns, c: worker == 0 ? y.base : partial.base + (worker - 1) * columns, ldc: columns)
      }
      for worker in 1..<workers {
        let sums = partial.base + (worker - 1) * columns
        for j in 0..<columns { y.base[j] += sums[j] }
      }
    }
    epilogue(y.base, rows: 1, filters: columns, bias: bias?.base, activation: activation)
    if cancellation?.isCancelled == true { throw TensorError.cancelled }
  }

  /// Matrix product with numpy's rules for vectors: `(k) @ (k, n)` is `(n)`, `(m, k) @ (k)`
  /// is `(m)`, `(k) @ (k)` is a scalar; beyond two axes the leading axes must match and are
  /// treated as a batch.
  // lhs (..., m, k), rhs (..., k, n) → output (..., m, n)
  public static func matmul(_ lhs: Tensor, _ rhs: Tensor) throws -> Tensor {
    guard lhs.rank >= 1, rhs.rank >= 1 else {
      throw TensorError.invalidShape(operation: "matmul", shape: lhs.rank == 0 ? lhs.shape : rhs.shape, expected: .atLeastOneAxis)
    }
    let a = lhs.rank == 1 ? [1] + lhs.shape : lhs.shape
    let b = rhs.rank == 1 ? rhs.shape + [1] : rhs.shape
    let (m, k, n) = (a[a.count - 2], a[a.count - 1], b[b.count - 1])
    let batchA = Array(a.dropLast(2))
    let batchB = Array(b.dropLast(2))
    guard k == b[b.count - 2], batchA == batchB || batchA.isEmpty || batchB.isEmpty else {
      throw TensorError.shapeMismatch(operation: "matmul", lhs: lhs.shape, rhs: rhs.shape)
    }
    let batchShape = batchA.count >= batchB.count ? batchA : batchB
    let batches = batchShape.reduce(1, *)
    var outShape = batchShape
    if lhs.rank > 1 { outShape.append(m) }
    if rhs.rank > 1 { outShape.append(n) }
    let strideA = batchA.isEmpty ? 0 : m * k
    let strideB = batchB.isEmpty ? 0 : k * n
    return try Tensor.make(operation: "matmul", shape: outShape) { out in
      try lhs.values.withUnsafeBufferPointer { x in
        try rhs.values.withUnsafeBufferPointer { w in
          guard let x = x.baseAddress, let w = w.baseAddress else {
            out.update(repeating: 0, count: batches * m * n)
            return
          }
          for batch in 0..<batches {
            try gemmSplit(
              rows: m, columns: n, depth: k, a: SharedPointer(x + batch * strideA), b: SharedPointer(w + batch * strideB),
              c: SharedPointer(out + batch * m * n))
          }
        }
      }
    }
  }
}
