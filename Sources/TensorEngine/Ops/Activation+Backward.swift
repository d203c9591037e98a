extension Activation {
  /// Rewrites `gradient` (∂loss/∂y) in place into ∂loss/∂x, from the forward's output y alone:
  /// convolution and Dense apply their activation in registers and keep only y, and every
  /// activation here has a derivative that y determines. ReLU and leaky ReLU take y > 0 as
  /// the positive side (x = 0 gets the negative slope, as TensorFlow's gradients do);
  /// leaky ReLU assumes alpha ≥ 0, so that y has the sign of x.
  func backward(output y: UnsafePointer<Float>, gradient g: UnsafeMutablePointer<Float>, count: Int) {
    typealias V = SIMD8<Float>
    let zero = V()
    switch self {
    case .linear:
      return
    case .relu:
      VectorMath.combine(y, g, count: count) { y, g in g.replacing(with: zero, where: y .<= zero) }
    case .leakyRelu(let alpha):
      VectorMath.combine(y, g, count: count) { y, g in g.replacing(with: g * alpha, where: y .<= zero) }
    case .tanh:
      VectorMath.combine(y, g, count: count) { y, g in g * (1 - y * y) }
    case .sigmoid:
      VectorMath.combine(y, g, count: count) { y, g in g * y * (1 - y) }
    }
  }
}

extension Ops {
  /// ∂loss/∂x of `activation` from its output y and ∂loss/∂y, split over cores.
  // output (...), outputGradient (...) → input gradient (...)
  public static func activationBackward(output: Tensor, outputGradient: Tensor, activation: Activation) throws -> Tensor {
    guard output.shape == outputGradient.shape else {
      throw TensorError.shapeMismatch(operation: "activation backward", lhs: output.shape, rhs: outputGradient.shape)
    }
    var result = outputGradient
    result.values.withUnsafeMutableBufferPointer { g in
      output.values.withUnsafeBufferPointer { y in
        guard let g = g.baseAddress, let y = y.baseAddress else { return }
        let gs = SharedPointer(g)
        let ys = SharedPointer(y)
        Parallelism.forEachRange(output.count, grain: Parallelism.serialValues) { range in
          activation.backward(output: ys.base + range.lowerBound, gradient: gs.base + range.lowerBound, count: range.count)
        }
      }
    }
    return result
  }

  /// ∂loss/∂x of `softmax` along `axis` from its output y: `y ⊙ (dy - Σ dy·y)` along the axis.
  // output (...), outputGradient (...) → input gradient (...)
  public static func softmaxBackward(output: Tensor, outputGradient: Tensor, axis: Int = -1) throws -> Tensor {
    guard output.shape == outputGradient.shape else {
      throw TensorError.shapeMismatch(operation: "softmax backward", lhs: output.shape, rhs: outputGradient.shape)
    }
    guard output.rank > 0 else { return Tensor(scalar: 0) }
    let (_, outer, size, inner) = try Tensor.split(output.shape, around: axis, operation: "softmax backward")
    return try Tensor.make(operation: "softmax backward", shape: output.shape) { out in
      output.values.withUnsafeBufferPointer { y in
        outputGradient.values.withUnsafeBufferPointer { dy in
          for o in 0..<outer {
            for i in 0..<inner {
              let base = o * size * inner + i
              var dot: Float = 0
              for k in 0..<size { dot += dy[base + k * inner] * y[base + k * inner] }
              for k in 0..<size { out[base + k * inner] = y[base + k * inner] * (dy[base + k * inner] - dot) }
            }
          }
        }
      }
    }
  }
}
