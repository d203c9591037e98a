extension Ops {
  /// The backward pass of `dense` on a batch of rows: `dX = dY · Wᵀ`, `dW = Xᵀ · dY`,
  /// `dB = Σ dY`, through OpenBLAS without transposed copies. `outputGradient` is the
  /// gradient of the output before the activation (the caller applies the activation's
  /// backward first). The weights' gradient comes back as `kernel`, Keras's name for a
  /// Dense layer's matrix. Each product is split over cores by bands of its result's rows
  /// (rows of `dX`, inputs of `dW`), so no two threads write the same values.
  // input (..., inputs), weights (inputs, units), outputGradient (..., units)
  //   → input (..., inputs), kernel (inputs, units), bias (units)
  public static func denseBackward(
    _ input: Tensor, weights: Tensor, outputGradient: Tensor, hasBias: Bool, needsInputGradient: Bool = true,
    cancellation: CancellationFlag? = nil
  ) throws -> ConvGradients {
    let operation = "dense backward"
    guard weights.rank == 2 else {
      throw TensorError.invalidShape(operation: operation, shape: weights.shape, expected: .denseWeights)
    }
    let (inputs, units) = (weights.shape[0], weights.shape[1])
    guard input.rank >= 1, input.shape[input.rank - 1] == inputs else {
      throw TensorError.shapeMismatch(operation: operation, lhs: input.shape, rhs: weights.shape)
    }
    let outShape = Array(input.shape.dropLast()) + [units]
    guard outputGradient.shape == outShape else {
      throw TensorError.shapeMismatch(operation: operation, lhs: outShape, rhs: outputGradient.shape)
    }
    let rows = inputs == 0 ? 0 : input.count / inputs
    let serial = Parallelism.serialMultiplyAdds
    let kernel = try Tensor.make(operation: operation, shape: weights.shape) { dw in
      input.values.withUnsafeBufferPointer { x in
        outputGradient.values.withUnsafeBufferPointer { dy in
          guard let x = x.baseAddress, let dy = dy.baseAddress, rows > 0 else {
            dw.update(repeating: 0, count: inputs * units)
            return
          }
          let (a, b, c) = (SharedPointer(x), SharedPointer(dy), SharedPointer(dw))
          let grain = Parallelism.grain(workPerItem: rows * units, threshold: serial, atLeast: 16)
          Parallelism.forEachRange(inputs, grain: grain) { band in
            if cancellation?.isCancelled == true { return }
            BLAS.gemmTransposedA(
              m: band.count, n: units, k: rows, a: a.base + band.lowerBound, lda: inputs, b: b.base, ldb: units,
              c: c.base + band.lowerBound * units, ldc: units)
          }
        }
      }
    }
    if cancellation?.isCancelled == true { throw TensorError.cancelled }
    var inputGradient: Tensor? = nil
    if needsInputGradient {
      inputGradient = try Tensor.make(operation: operation, shape: input.shape) { dx in
        weights.values.withUnsafeBufferPointer { w in
          outputGradient.values.withUnsafeBufferPointer { dy in
            guard let w = w.baseAddress, let dy = dy.baseAddress else {
              dx.update(repeating: 0, count: rows * inputs)
              return
            }
            let (a, b, c) = (SharedPointer(dy), SharedPointer(w), SharedPointer(dx))
            if rows >= 4 * Parallelism.threadCount || inputs < 32 {
              let grain = Parallelism.grain(workPerItem: inputs * units, threshold: serial, atLeast: 8)
              Parallelism.forEachRange(rows, grain: grain) { band in
                if cancellation?.isCancelled == true { return }
                BLAS.gemmTransposedB(
                  m: band.count, n: inputs, k: units, a: a.base + band.lowerBound * units, lda: units, b: b.base,
                  ldb: units, c: c.base + band.lowerBound * inputs, ldc: inputs)
              }
            } else {
              // Few rows: bands of inputs (columns of dX, rows of W), 16 at a time.
              let blocks = (inputs + 15) / 16
              let grain = Parallelism.grain(workPerItem: rows * 16 * units, threshold: serial)
              Parallelism.forEachRange(blocks, grain: grain) { range in
                if cancellation?.isCancelled == true { return }
                let first = range.lowerBound * 16
                let width = min(range.upperBound * 16, inputs) - first
                BLAS.gemmTransposedB(
                  m: rows, n: width, k: units, a: a.base, lda: units, b: b.base + first * units, ldb: units,
                  c: c.base + first, ldc: inputs)
              }
            }
          }
        }
      }
      if cancellation?.isCancelled == true { throw TensorError.cancelled }
    }
    let bias = hasBias ? try biasGradient(outputGradient, rows: rows, filters: units, operation: operation) : nil
    return ConvGradients(input: inputGradient, kernel: kernel, bias: bias)
  }
}
