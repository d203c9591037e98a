import Glibc

extension Reference {
  /// Each activation from its textbook definition, in Double.
  public static func activation(_ x: DoubleTensor, _ activation: Activation) -> DoubleTensor {
    DoubleTensor(shape: x.shape, values: x.values.map { v in
      switch activation {
      case .linear: return v
      case .relu: return v > 0 ? v : 0
      case .leakyRelu(let alpha): return v >= 0 ? v : Double(alpha) * v
      case .tanh: return Glibc.tanh(v)
      case .sigmoid: return 1 / (1 + exp(-v))
      }
    })
  }

  /// ∂loss/∂x from the input x and its derivative (the fast path works from the output).
  public static func activationBackward(input x: DoubleTensor, outputGradient dy: DoubleTensor, _ activation: Activation) -> DoubleTensor {
    DoubleTensor(shape: x.shape, values: zip(x.values, dy.values).map { v, g in
      switch activation {
      case .linear: return g
      case .relu: return v > 0 ? g : 0
      case .leakyRelu(let alpha): return v > 0 ? g : Double(alpha) * g
      case .tanh: return g / (cosh(v) * cosh(v))
      case .sigmoid: return g * exp(-v) / ((1 + exp(-v)) * (1 + exp(-v)))
      }
    })
  }

  /// Softmax along the last axis.
  public static func softmax(_ x: DoubleTensor) -> DoubleTensor {
    let w = x.shape.last ?? 1
    var out = x
    for row in 0..<(x.count / max(w, 1)) {
      let slice = x.values[(row * w)..<((row + 1) * w)]
      let largest = slice.max() ?? 0
      let total = slice.reduce(0) { $0 + exp($1 - largest) }
      for k in 0..<w { out.values[row * w + k] = exp(x.values[row * w + k] - largest) / total }
    }
    return out
  }

  /// ∂loss/∂x of softmax through its full Jacobian, ∂s_k/∂x_j = s_k·(δ_jk - s_j).
  public static func softmaxBackward(input x: DoubleTensor, outputGradient dy: DoubleTensor) -> DoubleTensor {
    let s = softmax(x)
    let w = x.shape.last ?? 1
    var out = DoubleTensor(shape: x.shape)
    for row in 0..<(x.count / max(w, 1)) {
      for j in 0..<w {
        var total = 0.0
        for k in 0..<w {
          let sk = s.values[row * w + k]
          let sj = s.values[row * w + j]
          total += dy.values[row * w + k] * sk * ((j == k ? 1 : 0) - sj)
        }
        out.values[row * w + j] = total
      }
    }
    return out
  }
}
