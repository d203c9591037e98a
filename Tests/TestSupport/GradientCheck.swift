/// Central differences in Double, the yardstick for every backward pass: the gradient of a
/// scalar function `f` at `x`, one coordinate at a time, `(f(x + h·e_i) - f(x - h·e_i)) / 2h`.
/// With h = 1e-5 on a Double computation the truncation and rounding errors are both near
/// 1e-10 relative, so a norm-relative error above 1e-8 means the analytic gradient is wrong.
public enum GradientCheck {
  public static let step = 1e-5

  public static func numerical(_ f: ([Double]) throws -> Double, at x: [Double], h: Double = step) rethrows -> [Double] {
    var probe = x
    var gradient = [Double](repeating: 0, count: x.count)
    for i in x.indices {
      let original = probe[i]
      probe[i] = original + h
      let up = try f(probe)
      probe[i] = original - h
      let down = try f(probe)
      probe[i] = original
      gradient[i] = (up - down) / (2 * h)
    }
    return gradient
  }

  /// ‖a − b‖ / max(‖a‖ + ‖b‖, 1e-30): cs231n's and UFLDL's measure, 0 for two zero vectors.
  public static func normRelativeError(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "gradients of different lengths: \(a.count) and \(b.count)")
    var difference = 0.0
    var normA = 0.0
    var normB = 0.0
    for i in a.indices {
      difference += (a[i] - b[i]) * (a[i] - b[i])
      normA += a[i] * a[i]
      normB += b[i] * b[i]
    }
    let denominator = normA.squareRoot() + normB.squareRoot()
    return denominator == 0 ? 0 : difference.squareRoot() / max(denominator, 1e-30)
  }

  /// A fixed random weighting of an output, so that a tensor-valued function becomes the
  /// scalar `Σ r_i · y_i` whose gradient with respect to `y` is `r`: the usual way to check a
  /// backward pass for an arbitrary upstream gradient.
  public static func weights(count: Int, seed: UInt64) -> [Double] {
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return Double(z >> 11) / Double(1 << 53) * 2 - 1
    }
  }
}
