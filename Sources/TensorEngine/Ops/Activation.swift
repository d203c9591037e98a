import Glibc

/// An element-wise non-linearity. Convolution and Dense can apply one to each tile while it
/// is still in cache; `Ops.activation` applies one to a whole tensor.
public enum Activation: Sendable, Hashable {
  case linear
  case relu
  case leakyRelu(alpha: Float)
  case tanh
  case sigmoid

  /// Rewrites `count` values in place.
  func apply(_ p: UnsafeMutablePointer<Float>, count: Int) {
    switch self {
    case .linear:
      return
    case .relu:
      // `x <= 0 ? 0 : x` rather than `max(0, x)`: it vectorises to a compare and a blend,
      // and a NaN stays NaN (as in numpy) instead of turning into 0.
      for i in 0..<count { p[i] = p[i] <= 0 ? 0 : p[i] }
    case .leakyRelu(let alpha):
      for i in 0..<count { p[i] = p[i] >= 0 ? p[i] : alpha * p[i] }
    case .tanh:
      VectorMath.apply(p, count: count, VectorMath.tanh)
    case .sigmoid:
      VectorMath.apply(p, count: count, VectorMath.sigmoid)
    }
  }
}

/// The engine's operations as free functions of explicit inputs and outputs, so that a
/// backward pass can sit beside each forward later. Channels-last throughout.
public enum Ops {}

extension Ops {
  /// `activation(x)` element-wise, split over cores.
  // input (...) → output (...)
  public static func activation(_ input: Tensor, _ activation: Activation) throws -> Tensor {
    try Tensor.make(operation: "activation", shape: input.shape) { out in
      input.values.withUnsafeBufferPointer { source in
        guard let source = source.baseAddress else { return }
        out.update(from: source, count: input.count)
      }
      let shared = SharedPointer(out)
      Parallelism.forEachRange(input.count, grain: Parallelism.serialValues) { range in
        activation.apply(shared.base + range.lowerBound, count: range.count)
      }
    }
  }

  public static func relu(_ input: Tensor) throws -> Tensor { try activation(input, .relu) }
  public static func leakyRelu(_ input: Tensor, alpha: Float = 0.3) throws -> Tensor {
    try activation(input, .leakyRelu(alpha: alpha))
  }
  public static func tanh(_ input: Tensor) throws -> Tensor { try activation(input, .tanh) }
  public static func sigmoid(_ input: Tensor) throws -> Tensor { try activation(input, .sigmoid) }

  /// `exp(x) / sum(exp(x))` along `axis` (default the last), shifted by the maximum so
  /// that large logits do not overflow.
  // input (...) → output (...)
  public static func softmax(_ input: Tensor, axis: Int = -1) throws -> Tensor {
    guard input.rank > 0 else { return Tensor(scalar: 1) }
    let (_, outer, size, inner) = try Tensor.split(input.shape, around: axis, operation: "softmax")
    return try Tensor.make(operation: "softmax", shape: input.shape) { out in
      input.values.withUnsafeBufferPointer { source in
        guard let source = source.baseAddress else { return }
        for o in 0..<outer {
          for i in 0..<inner {
            let base = o * size * inner + i
            var largest = -Float.infinity
            for k in 0..<size { largest = max(largest, source[base + k * inner]) }
            var total: Float = 0
            for k in 0..<size {
              let e = expf(source[base + k * inner] - largest)
              out[base + k * inner] = e
              total += e
            }
            for k in 0..<size { out[base + k * inner] /= total }
          }
        }
      }
    }
  }
}
