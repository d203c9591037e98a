/// Eight-lane exp, tanh and sigmoid. libm's scalar `tanhf` costs about 20 ns a value, which
/// made tanh the slowest layer of LeNet-5; these stay within a few float32 ulps of it at a
/// fraction of the cost.
enum VectorMath {
  typealias V = SIMD8<Float>

  /// e^x: x = n·ln 2 + r with |r| ≤ ln 2 / 2, e^r from its Taylor series to r^7 (error
  /// below 3e-9 relative), 2^n put straight into the exponent bits.
  @inline(__always)
  static func exp(_ value: V) -> V {
    // Generic SIMD `rounded`, `clamped` and float-to-int conversions become one libm call per
    // lane; comparisons, blends and the 1.5·2^23 rounding trick stay in vector registers.
    var x = value.replacing(with: V(repeating: -87), where: value .< -87)
    x = x.replacing(with: V(repeating: 88), where: x .> 88)
    let magic = V(repeating: 12_582_912)  // 1.5 * 2^23: adding it rounds to an integer
    let shifted = x.addingProduct(x, V(repeating: 0.442_695_04)) + magic  // x·log2(e) + magic
    let n = shifted - magic
    // ln 2 in two parts so that n·ln2_high is exact in float32.
    var r = x.addingProduct(n, V(repeating: -0.693_145_751_953_125))
    r = r.addingProduct(n, V(repeating: -1.428_606_820_309_417e-6))
    // Horner's rule written out: a loop over an array literal would allocate on every call.
    var p = V(repeating: 1.0 / 5040)
    p = V(repeating: 1.0 / 720).addingProduct(p, r)
    p = V(repeating: 1.0 / 120).addingProduct(p, r)
    p = V(repeating: 1.0 / 24).addingProduct(p, r)
    p = V(repeating: 1.0 / 6).addingProduct(p, r)
    p = V(repeating: 0.5).addingProduct(p, r)
    p = V(repeating: 1).addingProduct(p, r)
    p = V(repeating: 1).addingProduct(p, r)
    // The integer n sits in the low mantissa bits of `shifted`; move it into the exponent.
    let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
    let scale = unsafeBitCast((integer &+ 127) &<< 23, to: V.self)
    return p * scale
  }

  /// tanh: an odd Taylor polynomial near 0 (where 1 - 2/(e^2x + 1) would cancel), the
  /// exponential form elsewhere; beyond |x| = 9, tanh is 1 in float32.
  @inline(__always)
  static func tanh(_ x: V) -> V {
    var magnitude = x.replacing(with: -x, where: x .< 0)
    magnitude = magnitude.replacing(with: V(repeating: 9), where: magnitude .> 9)
    let far = 1 - 2 / (Self.exp(magnitude + magnitude) + 1)
    let x2 = magnitude * magnitude
    var near = V(repeating: 62.0 / 2835)
    near = V(repeating: -17.0 / 315).addingProduct(near, x2)
    near = V(repeating: 2.0 / 15).addingProduct(near, x2)
    near = V(repeating: -1.0 / 3).addingProduct(near, x2)
    near = V(repeating: 1).addingProduct(near, x2)
    near *= magnitude
    let result = far.replacing(with: near, where: magnitude .< 0.25)
    return result.replacing(with: -result, where: x .< 0)
  }

  @inline(__always)
  static func sigmoid(_ x: V) -> V { 1 / (1 + Self.exp(-x)) }

  /// Applies `f` to `count` floats in place, eight at a time; the tail goes through a padded vector.
  @inline(__always)
  static func apply(_ p: UnsafeMutablePointer<Float>, count: Int, _ f: (V) -> V) {
    let raw = UnsafeMutableRawPointer(p)
    var i = 0
    while i + 8 <= count {
      let v = raw.loadUnaligned(fromByteOffset: i * 4, as: V.self)
      raw.storeBytes(of: f(v), toByteOffset: i * 4, as: V.self)
      i += 8
    }
    if i < count {
      var tail = V()
      for lane in 0..<(count - i) { tail[lane] = p[i + lane] }
      let result = f(tail)
      for lane in 0..<(count - i) { p[i + lane] = result[lane] }
    }
  }
}
