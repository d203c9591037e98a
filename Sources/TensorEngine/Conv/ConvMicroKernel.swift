/// The register tile of the direct convolution: 6 output pixels x 16 filters in twelve
/// eight-lane accumulators. Per step of the reduction it loads 16 weights (two vectors) and
/// broadcasts one input value per pixel, so each step is 6 loads of input, 2 of weights and
/// 12 fused multiply-adds: 15 of the 16 vector registers of AVX2.
struct ConvTile: RegisterTile {
  typealias V = SIMD8<Float>
  static let rows = 6
  static let columns = 16

  var c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51: V

  /// Every pixel starting from the panel's 16 biases.
  @inline(__always)
  init(bias: UnsafePointer<Float>) {
    let (low, high) = (load(bias), load(bias + 8))
    (c00, c01, c10, c11, c20, c21) = (low, high, low, high, low, high)
    (c30, c31, c40, c41, c50, c51) = (low, high, low, high, low, high)
  }

  /// The partial sums of an earlier block of the reduction, as `store` left them: pixel `r`'s
  /// 16 values at `outputs[r] + offset`.
  @inline(__always)
  init(loading outputs: UnsafePointer<UnsafeMutablePointer<Float>>, offset: Int) {
    (c00, c01) = (load(outputs[0] + offset), load(outputs[0] + offset + 8))
    (c10, c11) = (load(outputs[1] + offset), load(outputs[1] + offset + 8))
    (c20, c21) = (load(outputs[2] + offset), load(outputs[2] + offset + 8))
    (c30, c31) = (load(outputs[3] + offset), load(outputs[3] + offset + 8))
    (c40, c41) = (load(outputs[4] + offset), load(outputs[4] + offset + 8))
    (c50, c51) = (load(outputs[5] + offset), load(outputs[5] + offset + 8))
  }

  /// One step of the reduction: input value `k` of each pixel's run times the 16 weights at `b`.
  @inline(__always)
  mutating func step(_ runs: SixRuns, _ k: Int, _ b: UnsafePointer<Float>) {
    let b0 = load(b), b1 = load(b + 8)
    var a = V(repeating: runs.a0[k])
    c00.addProduct(a, b0)
    c01.addProduct(a, b1)
    a = V(repeating: runs.a1[k])
    c10.addProduct(a, b0)
    c11.addProduct(a, b1)
    a = V(repeating: runs.a2[k])
    c20.addProduct(a, b0)
    c21.addProduct(a, b1)
    a = V(repeating: runs.a3[k])
    c30.addProduct(a, b0)
    c31.addProduct(a, b1)
    a = V(repeating: runs.a4[k])
    c40.addProduct(a, b0)
    c41.addProduct(a, b1)
    a = V(repeating: runs.a5[k])
    c50.addProduct(a, b0)
    c51.addProduct(a, b1)
  }

  @inline(__always)
  mutating func map<F: LaneFunction>(_ f: F) {
    (c00, c01, c10, c11, c20, c21) = (f(c00), f(c01), f(c10), f(c11), f(c20), f(c21))
    (c30, c31, c40, c41, c50, c51) = (f(c30), f(c31), f(c40), f(c41), f(c50), f(c51))
  }

  /// The first `count` filters of each pixel, for a panel cut short by the group's end.
  @inline(__always)
  func store(_ outputs: UnsafePointer<UnsafeMutablePointer<Float>>, offset: Int, count: Int) {
    @inline(__always)
    func row(_ low: V, _ high: V, _ target: UnsafeMutablePointer<Float>) {
      if count >= 8 {
        save(low, target)
        savePrefix(high, target + 8, count: count - 8)
      } else {
        savePrefix(low, target, count: count)
      }
    }
    row(c00, c01, outputs[0] + offset)
    row(c10, c11, outputs[1] + offset)
    row(c20, c21, outputs[2] + offset)
    row(c30, c31, outputs[3] + offset)
    row(c40, c41, outputs[4] + offset)
    row(c50, c51, outputs[5] + offset)
  }

  @inline(__always)
  func store(_ outputs: UnsafePointer<UnsafeMutablePointer<Float>>, offset: Int) {
    save(c00, outputs[0] + offset)
    save(c01, outputs[0] + offset + 8)
    save(c10, outputs[1] + offset)
    save(c11, outputs[1] + offset + 8)
    save(c20, outputs[2] + offset)
    save(c21, outputs[2] + offset + 8)
    save(c30, outputs[3] + offset)
    save(c31, outputs[3] + offset + 8)
    save(c40, outputs[4] + offset)
    save(c41, outputs[4] + offset + 8)
    save(c50, outputs[5] + offset)
    save(c51, outputs[5] + offset + 8)
  }
}

/// A 6 x 8 tile for layers of at most 8 filters per group (LeNet's first layer has 6):
/// half the multiply-adds and activations a 16-wide panel would spend on zero columns.
/// Six accumulators; per step one weight vector and six broadcast inputs.
struct NarrowConvTile: RegisterTile {
  typealias V = SIMD8<Float>
  static let rows = 6
  static let columns = 8

  var c0, c1, c2, c3, c4, c5: V

  @inline(__always)
  init(bias: UnsafePointer<Float>) {
    let b = load(bias)
    (c0, c1, c2, c3, c4, c5) = (b, b, b, b, b, b)
  }

  @inline(__always)
  init(loading outputs: UnsafePointer<UnsafeMutablePointer<Float>>, offset: Int) {
    (c0, c1, c2) = (load(outputs[0] + offset), load(outputs[1] + offset), load(outputs[2] + offset))
    (c3, c4, c5) = (load(outputs[3] + offset), load(outputs[4] + offset), load(outputs[5] + offset))
  }

  @inline(__always)
  mutating func step(_ runs: SixRuns, _ k: Int, _ b: UnsafePointer<Float>) {
    let w = load(b)
    c0.addProduct(V(repeating: runs.a0[k]), w)
    c1.addProduct(V(repeating: runs.a1[k]), w)
    c2.addProduct(V(repeating: runs.a2[k]), w)
    c3.addProduct(V(repeating: runs.a3[k]), w)
    c4.addProduct(V(repeating: runs.a4[k]), w)
    c5.addProduct(V(repeating: runs.a5[k]), w)
  }

  @inline(__always)
  mutating func map<F: LaneFunction>(_ f: F) { (c0, c1, c2, c3, c4, c5) = (f(c0), f(c1), f(c2), f(c3), f(c4), f(c5)) }

  @inline(__always)
  func store(_ outputs: UnsafePointer<UnsafeMutablePointer<Float>>, offset: Int, count: Int) {
    savePrefix(c0, outputs[0] + offset, count: count)
    savePrefix(c1, outputs[1] + offset, count: count)
    savePrefix(c2, outputs[2] + offset, count: count)
    savePrefix(c3, outputs[3] + offset, count: count)
    savePrefix(c4, outputs[4] + offset, count: count)
    savePrefix(c5, outputs[5] + offset, count: count)
  }

  @inline(__always)
  func store(_ outputs: UnsafePointer<UnsafeMutablePointer<Float>>, offset: Int) {
    save(c0, outputs[0] + offset)
    save(c1, outputs[1] + offset)
    save(c2, outputs[2] + offset)
    save(c3, outputs[3] + offset)
    save(c4, outputs[4] + offset)
    save(c5, outputs[5] + offset)
  }
}

/// What the direct convolution's driver needs of a register tile of `rows` pixels by
/// `columns` filters; written once for both widths, specialised by the compiler.
protocol RegisterTile {
  static var rows: Int { get }
  static var columns: Int { get }
  /// Every pixel starting from the panel's biases.
  init(bias: UnsafePointer<Float>)
  /// The partial sums of an earlier block of the reduction, as `store` left them.
  init(loading outputs: UnsafePointer<UnsafeMutablePointer<Float>>, offset: Int)
  /// One step of the reduction: input value `k` of each pixel's run times the weights at `b`.
  mutating func step(_ runs: SixRuns, _ k: Int, _ b: UnsafePointer<Float>)
  /// Applies `f` to every accumulator. A value of a concrete type rather than a closure, so
  /// that the compiler inlines it and can interleave the six or twelve independent
  /// evaluations (a closure stayed an out-of-line call per vector).
  mutating func map<F: LaneFunction>(_ f: F)
  func store(_ outputs: UnsafePointer<UnsafeMutablePointer<Float>>, offset: Int)
  /// Only the first `count` filters of each pixel (fewer than `columns`).
  func store(_ outputs: UnsafePointer<UnsafeMutablePointer<Float>>, offset: Int, count: Int)
}

extension RegisterTile {
  /// Adds one block of the reduction. Pixel `r` reads its patch from `pixels[r] + shift`:
  /// each segment is `(offset, length)`, a run of `length` consecutive input values at
  /// `offset` from every pixel's origin, matched by `length` rows of `columns` packed weights.
  @inline(__always)
  mutating func accumulate(
    _ pixels: UnsafePointer<UnsafePointer<Float>>, shift: Int, segments: UnsafePointer<Int>, count: Int,
    weights: UnsafePointer<Float>
  ) {
    var b = weights
    for s in 0..<count {
      let runs = SixRuns(pixels, shift: shift, segments: segments, s)
      for k in 0..<runs.length {
        step(runs, k, b)
        b += Self.columns
      }
    }
  }

  /// The activation applied to every accumulator, so a finished tile leaves registers final.
  @inline(__always)
  mutating func activate(_ activation: Activation) {
    switch activation {
    case .linear: return
    case .relu: map(ReLU())
    case .leakyRelu(let alpha): map(LeakyReLU(alpha: alpha))
    case .tanh: map(Tanh())
    case .sigmoid: map(Sigmoid())
    }
  }
}

@inline(__always)
private func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func load(_ p: UnsafeMutablePointer<Float>) -> SIMD8<Float> { load(UnsafePointer(p)) }

@inline(__always)
private func save(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}

/// An activation on eight lanes.
protocol LaneFunction {
  func callAsFunction(_ v: SIMD8<Float>) -> SIMD8<Float>
}

struct ReLU: LaneFunction {
  @inline(__always) func callAsFunction(_ v: SIMD8<Float>) -> SIMD8<Float> { v.replacing(with: 0, where: v .<= 0) }
}

struct LeakyReLU: LaneFunction {
  var alpha: Float
  @inline(__always) func callAsFunction(_ v: SIMD8<Float>) -> SIMD8<Float> {
    v.replacing(with: v * alpha, where: v .< 0)
  }
}

struct Tanh: LaneFunction {
  @inline(__always) func callAsFunction(_ v: SIMD8<Float>) -> SIMD8<Float> { VectorMath.tanh(v) }
}

struct Sigmoid: LaneFunction {
  @inline(__always) func callAsFunction(_ v: SIMD8<Float>) -> SIMD8<Float> { VectorMath.sigmoid(v) }
}

/// Where segment `s` starts for each of a tile's six pixels, and its length: the run of
/// `length` consecutive input values at `offset` from each pixel's window origin.
struct SixRuns {
  let a0, a1, a2, a3, a4, a5: UnsafePointer<Float>
  let length: Int

  @inline(__always)
  init(_ pixels: UnsafePointer<UnsafePointer<Float>>, shift: Int, segments: UnsafePointer<Int>, _ s: Int) {
    let offset = shift + segments[2 * s]
    (a0, a1, a2) = (pixels[0] + offset, pixels[1] + offset, pixels[2] + offset)
    (a3, a4, a5) = (pixels[3] + offset, pixels[4] + offset, pixels[5] + offset)
    length = segments[2 * s + 1]
  }
}

/// The first `count` (0 to 8) lanes of `v`, in at most three stores (4, 2 and 1 lanes)
/// instead of a lane-by-lane loop: AVX2's masked stores are not reachable from Swift.
@inline(__always)
private func savePrefix(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, count: Int) {
  if count >= 8 {
    save(v, p)
    return
  }
  let raw = UnsafeMutableRawPointer(p)
  var rest = v.lowHalf
  var at = 0
  if count & 4 != 0 {
    raw.storeBytes(of: rest, as: SIMD4<Float>.self)
    rest = v.highHalf
    at = 4
  }
  if count & 2 != 0 {
    raw.storeBytes(of: rest.lowHalf, toByteOffset: at * 4, as: SIMD2<Float>.self)
    rest = SIMD4(lowHalf: rest.highHalf, highHalf: rest.highHalf)
    at += 2
  }
  if count & 1 != 0 { p[at] = rest[0] }
}
