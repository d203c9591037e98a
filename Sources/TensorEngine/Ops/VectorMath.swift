#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Eight-lane exp, tanh, sigmoid and square root. libm's scalar `tanhf` costs about 20 ns a value, which
/// made tanh the slowest layer of LeNet-5; these stay within a few float32 ulps of it at a
/// fraction of the cost (tanh: at most 2.95e-7 from libm's, measured over 8 million points).
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

  /// tanh as x·P(x²)/Q(x²), a rational function fitted to tanh on [0, 9] for relative error
  /// (1.3e-9 in exact arithmetic; at most 2.95e-7 as evaluated in float32, and 2.2e-7
  /// relative below 1), odd like tanh; beyond |x| = 9, tanh is 1 in float32. About half the
  /// work of 1 - 2/(e^2x + 1) with a polynomial near 0: no exponential, one division.
  /// `scripts/fit_tanh.py` fits the coefficients again.
  @inline(__always)
  static func tanh(_ value: V) -> V {
    var x = value.replacing(with: V(repeating: -9), where: value .< -9)
    x = x.replacing(with: V(repeating: 9), where: x .> 9)
    let s = x * x
    var p = V(repeating: -1.2249517372664442e-11)
    p = V(repeating: 3.0646972959402774e-08).addingProduct(p, s)
    p = V(repeating: 2.8033167836838402e-05).addingProduct(p, s)
    p = V(repeating: 0.0038696001283824444).addingProduct(p, s)
    p = V(repeating: 0.136809304356575).addingProduct(p, s)
    p = V(repeating: 1).addingProduct(p, s)
    var q = V(repeating: 1.2891646292700898e-06)
    q = V(repeating: 0.00039408757584169507).addingProduct(q, s)
    q = V(repeating: 0.027250494807958603).addingProduct(q, s)
    q = V(repeating: 0.4701426327228546).addingProduct(q, s)
    q = V(repeating: 1).addingProduct(q, s)
    let y = x * p / q
    let one = V(repeating: 1)
    return y.replacing(with: one, where: y .> one).replacing(with: -one, where: y .< -one)
  }

  @inline(__always)
  static func sigmoid(_ x: V) -> V { 1 / (1 + Self.exp(-x)) }

  /// The correctly rounded square root of each lane in one instruction. The generic
  /// `squareRoot()` becomes eight scalar roots, each with a branch to libm for negative
  /// input, which made an Adam step three times slower.
  @inline(__always)
  static func sqrt(_ x: V) -> V {
    #if arch(x86_64)
    return _mm256_sqrt_ps(x)
    #else
    return x.squareRoot()
    #endif
  }

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

extension VectorMath {
  /// `b = f(a, b)` over `count` floats, eight at a time; the tail goes through padded vectors.
  @inline(__always)
  static func combine(_ a: UnsafePointer<Float>, _ b: UnsafeMutablePointer<Float>, count: Int, _ f: (V, V) -> V) {
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeMutableRawPointer(b)
    var i = 0
    while i + 8 <= count {
      let x = rawA.loadUnaligned(fromByteOffset: i * 4, as: V.self)
      let y = rawB.loadUnaligned(fromByteOffset: i * 4, as: V.self)
      rawB.storeBytes(of: f(x, y), toByteOffset: i * 4, as: V.self)
      i += 8
    }
    if i < count {
      var x = V()
      var y = V()
      for lane in 0..<(count - i) {
        x[lane] = a[i + lane]
        y[lane] = b[i + lane]
      }
      let result = f(x, y)
      for lane in 0..<(count - i) { b[i + lane] = result[lane] }
    }
  }
}
