extension Reference {
  /// `x · W + b` in Double, one output at a time.
  // input (..., inputs), weights (inputs, units), bias (units) → output (..., units)
  public static func dense(_ input: DoubleTensor, weights: DoubleTensor, bias: DoubleTensor? = nil) throws -> DoubleTensor {
    let (rows, inputs, units) = try denseSizes(input.shape, weights.shape, bias?.shape)
    var out = [Double](repeating: 0, count: rows * units)
    for r in 0..<rows {
      for u in 0..<units {
        var total = bias?.values[u] ?? 0
        for k in 0..<inputs { total += input.values[r * inputs + k] * weights.values[k * units + u] }
        out[r * units + u] = total
      }
    }
    return DoubleTensor(shape: Array(input.shape.dropLast()) + [units], values: out)
  }

  /// The backward pass of `dense`: each product `x[r, k] · W[k, u]` hands the output
  /// gradient `g[r, u]` to both factors, times the other.
  // input (..., inputs), weights (inputs, units), outputGradient (..., units)
  //   → input (..., inputs), weights (inputs, units), bias (units)
  public static func denseBackward(
    _ input: DoubleTensor, weights: DoubleTensor, outputGradient: DoubleTensor, hasBias: Bool = true
  ) throws -> ReferenceGradients {
    let (rows, inputs, units) = try denseSizes(input.shape, weights.shape, nil)
    guard outputGradient.shape == Array(input.shape.dropLast()) + [units] else {
      throw TensorError.shapeMismatch(operation: "dense backward", lhs: Array(input.shape.dropLast()) + [units], rhs: outputGradient.shape)
    }
    var dx = [Double](repeating: 0, count: input.count)
    var dw = [Double](repeating: 0, count: weights.count)
    var db = [Double](repeating: 0, count: units)
    for r in 0..<rows {
      for u in 0..<units {
        let g = outputGradient.values[r * units + u]
        db[u] += g
        for k in 0..<inputs {
          dx[r * inputs + k] += g * weights.values[k * units + u]
          dw[k * units + u] += g * input.values[r * inputs + k]
        }
      }
    }
    return ReferenceGradients(
      input: DoubleTensor(shape: input.shape, values: dx), weights: DoubleTensor(shape: weights.shape, values: dw),
      bias: hasBias ? DoubleTensor(shape: [units], values: db) : nil)
  }

  /// Rows, inputs and units of a Dense layer, or the error the fast path gives.
  private static func denseSizes(_ input: [Int], _ weights: [Int], _ bias: [Int]?) throws -> (Int, Int, Int) {
    guard weights.count == 2, let inputs = input.last, inputs == weights[0] else {
      throw TensorError.shapeMismatch(operation: "dense", lhs: input, rhs: weights)
    }
    if let bias, bias != [weights[1]] {
      throw TensorError.shapeMismatch(operation: "dense bias", lhs: [weights[1]], rhs: bias)
    }
    return (inputs == 0 ? 0 : Tensor.count(of: input) / inputs, inputs, weights[1])
  }
}
