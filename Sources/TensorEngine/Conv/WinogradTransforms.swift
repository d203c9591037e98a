/// The three transforms of Winograd's F(2x2, 3x3) (Lavin and Gray, 2015), eight channels or
/// filters per vector, since channels-last keeps those contiguous.
///
/// A 2x2 block of outputs is `Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A` for the 4x4 input patch `d` at
/// stride 2 and the 3x3 kernel `g`:
///
///     Bᵀ = | 1  0 -1  0 |     G = | 1    0    0  |     Aᵀ = | 1  1  1  0 |
///          | 0  1  1  0 |         | 1/2  1/2  1/2 |          | 0  1 -1 -1 |
///          | 0 -1  1  0 |         | 1/2 -1/2  1/2 |
///          | 0  1  0 -1 |         | 0    0    1  |
///
/// Summed over channels, the element-wise product becomes 16 matrix products, one per
/// position ξ of the 4x4 transformed patch: 16 multiplies per 2x2 outputs instead of 36.
/// Every coefficient is 0, ±1 or ±1/2, so the transforms are additions and exact halvings;
/// the result differs from the direct sum only by rounding.
enum WinogradTransforms {
  typealias V = SIMD8<Float>

  /// `U[ξ] = (G g Gᵀ)[ξ]` for the channels `channels` of the filter panels `panels` (16
  /// filters each), in the packed layout `WinogradGEMM` reads: slice ξ at `u + ξ * slice`, in
  /// it panel `panels.lowerBound + j` at `j * panelStride`, a row of 16 per channel from
  /// `channels.lowerBound` on, zero past the last filter.
  static func weights(
    _ source: WinogradWeights, channels: Range<Int>, panels: Range<Int>, into u: UnsafeMutablePointer<Float>,
    panelStride: Int, slice: Int
  ) {
    let width = WinogradGEMM.panelWidth
    for panel in panels {
      let target = u + (panel - panels.lowerBound) * panelStride - channels.lowerBound * width
      for channel in channels {
        for half in stride(from: 0, to: width, by: 8) {
          weightVector(
            source.taps(panel: panel, channel: channel) + half, tapStride: source.tapStride,
            into: target + channel * width + half, slice: slice,
            lanes: max(0, min(8, source.filters - panel * width - half)))
        }
      }
    }
  }

  /// Copies the rows `rows` (of the `9 x C` rows of `F` filters) of a `(3, 3, C, F)` kernel
  /// into `copy` regrouped by panels: panel `j` is `9 x C` rows of 16 filters at
  /// `j * 9 * C * 16`, zero past the last filter. The weight transform reads a panel's taps
  /// 16 filters at a time; in the kernel as given those rows are `F` floats apart, so every
  /// read would touch a new page. Copying whole rows costs a fraction of that.
  static func regroup(
    _ w: UnsafePointer<Float>, channels c: Int, filters f: Int, rows: Range<Int>, into copy: UnsafeMutablePointer<Float>
  ) {
    let width = WinogradGEMM.panelWidth
    let panels = (f + width - 1) / width
    for row in rows {
      let source = w + row * f
      for panel in 0..<panels {
        let target = copy + (panel * 9 * c + row) * width
        let column = panel * width
        let count = min(width, f - column)
        if count == width {
          copyFloats(target, source + column, width)
        } else {
          for i in 0..<width { target[i] = i < count ? source[column + i] : 0 }
        }
      }
    }
  }

  /// Reads `lanes` filters (none past `F`) and writes all eight, so padding lanes become zeros.
  @inline(__always)
  private static func weightVector(
    _ g: UnsafePointer<Float>, tapStride: Int, into u: UnsafeMutablePointer<Float>, slice: Int, lanes: Int
  ) {
    let g00 = load(g, lanes), g01 = load(g + tapStride, lanes), g02 = load(g + 2 * tapStride, lanes)
    let g10 = load(g + 3 * tapStride, lanes), g11 = load(g + 4 * tapStride, lanes), g12 = load(g + 5 * tapStride, lanes)
    let g20 = load(g + 6 * tapStride, lanes), g21 = load(g + 7 * tapStride, lanes), g22 = load(g + 8 * tapStride, lanes)
    let half = V(repeating: 0.5)
    let outer0 = (g00 + g20) * half, outer1 = (g01 + g21) * half, outer2 = (g02 + g22) * half
    let middle0 = g10 * half, middle1 = g11 * half, middle2 = g12 * half
    // Rows of G g, then each row times Gᵀ.
    row(g00, g01, g02, into: u, slice: slice)
    row(outer0 + middle0, outer1 + middle1, outer2 + middle2, into: u + 4 * slice, slice: slice)
    row(outer0 - middle0, outer1 - middle1, outer2 - middle2, into: u + 8 * slice, slice: slice)
    row(g20, g21, g22, into: u + 12 * slice, slice: slice)
  }

  /// One row `(a0, a1, a2)` of `G g` times `Gᵀ`: `(a0, (a0+a1+a2)/2, (a0-a1+a2)/2, a2)`.
  @inline(__always)
  private static func row(_ a0: V, _ a1: V, _ a2: V, into u: UnsafeMutablePointer<Float>, slice: Int) {
    let half = V(repeating: 0.5)
    let outer = (a0 + a2) * half
    let middle = a1 * half
    store(a0, u, 8)
    store(outer + middle, u + slice, 8)
    store(outer - middle, u + 2 * slice, 8)
    store(a2, u + 3 * slice, 8)
  }

  /// `V[ξ] = (Bᵀ d B)[ξ]` for one 4x4 patch over `channels` channels. `rows` point at the
  /// first pixel of each patch row; pixels in a row are `pixelStride` floats apart. The 16
  /// results go to `v + ξ * slice`.
  @inline(__always)
  static func input(
    rows r0: UnsafePointer<Float>, _ r1: UnsafePointer<Float>, _ r2: UnsafePointer<Float>, _ r3: UnsafePointer<Float>,
    pixelStride: Int, channels: Int, into v: UnsafeMutablePointer<Float>, slice: Int
  ) {
    var c = 0
    while c + 8 <= channels {
      inputVector(r0 + c, r1 + c, r2 + c, r3 + c, pixelStride: pixelStride, into: v + c, slice: slice, lanes: 8)
      c += 8
    }
    if c < channels {
      // The last eight channels again, overlapping: channels are independent, so the
      // overlapped ones are rewritten with the values they already hold, and the tail costs
      // one vector instead of lane-by-lane loads and stores.
      if channels >= 8 { c = channels - 8 }
      inputVector(
        r0 + c, r1 + c, r2 + c, r3 + c, pixelStride: pixelStride, into: v + c, slice: slice,
        lanes: min(8, channels - c))
    }
  }

  @inline(__always)
  private static func inputVector(
    _ r0: UnsafePointer<Float>, _ r1: UnsafePointer<Float>, _ r2: UnsafePointer<Float>, _ r3: UnsafePointer<Float>,
    pixelStride s: Int, into v: UnsafeMutablePointer<Float>, slice: Int, lanes: Int
  ) {
    // Bᵀ d, one column j at a time: (d0 - d2, d1 + d2, d2 - d1, d1 - d3).
    @inline(__always) func column(_ j: Int) -> (V, V, V, V) {
      let d0 = load(r0 + j * s, lanes), d1 = load(r1 + j * s, lanes)
      let d2 = load(r2 + j * s, lanes), d3 = load(r3 + j * s, lanes)
      return (d0 - d2, d1 + d2, d2 - d1, d1 - d3)
    }
    let c0 = column(0), c1 = column(1), c2 = column(2), c3 = column(3)
    // Each row (t0, t1, t2, t3) of Bᵀ d times B: (t0 - t2, t1 + t2, t2 - t1, t1 - t3).
    @inline(__always) func row(_ t0: V, _ t1: V, _ t2: V, _ t3: V, _ first: Int) {
      store(t0 - t2, v + first * slice, lanes)
      store(t1 + t2, v + (first + 1) * slice, lanes)
      store(t2 - t1, v + (first + 2) * slice, lanes)
      store(t1 - t3, v + (first + 3) * slice, lanes)
    }
    row(c0.0, c1.0, c2.0, c3.0, 0)
    row(c0.1, c1.1, c2.1, c3.1, 4)
    row(c0.2, c1.2, c2.2, c3.2, 8)
    row(c0.3, c1.3, c2.3, c3.3, 12)
  }

  /// `Y = Aᵀ m A` for one tile over `filters` filters, `m[ξ]` at `m + ξ * slice`, plus the bias,
  /// through `activation`. Writes the `height x width` (1 or 2 each) top-left part of the 2x2
  /// result: `out` is the tile's first output value, `pixelStride` floats to the next pixel
  /// and `rowStride` to the next row.
  @inline(__always)
  static func output(
    _ m: UnsafePointer<Float>, slice: Int, filters: Int, bias: UnsafePointer<Float>?,
    into out: UnsafeMutablePointer<Float>, pixelStride: Int, rowStride: Int, height: Int, width: Int,
    activation: (V) -> V
  ) {
    var f = 0
    while f + 8 <= filters {
      outputVector(
        m + f, slice: slice, bias: bias.map { $0 + f }, into: out + f, pixelStride: pixelStride, rowStride: rowStride,
        height: height, width: width, lanes: 8, activation: activation)
      f += 8
    }
    if f < filters {
      // The last eight filters again, overlapping, as for the input's channels.
      if filters >= 8 { f = filters - 8 }
      outputVector(
        m + f, slice: slice, bias: bias.map { $0 + f }, into: out + f, pixelStride: pixelStride, rowStride: rowStride,
        height: height, width: width, lanes: min(8, filters - f), activation: activation)
    }
  }

  @inline(__always)
  private static func outputVector(
    _ m: UnsafePointer<Float>, slice: Int, bias: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>,
    pixelStride: Int, rowStride: Int, height: Int, width: Int, lanes: Int, activation: (V) -> V
  ) {
    // Aᵀ m, one column j at a time: (m0 + m1 + m2, m1 - m2 - m3).
    @inline(__always) func column(_ j: Int) -> (V, V) {
      let m0 = load(m + j * slice, lanes), m1 = load(m + (4 + j) * slice, lanes)
      let m2 = load(m + (8 + j) * slice, lanes), m3 = load(m + (12 + j) * slice, lanes)
      return (m0 + m1 + m2, m1 - m2 - m3)
    }
    let c0 = column(0), c1 = column(1), c2 = column(2), c3 = column(3)
    let b = bias.map { load($0, lanes) } ?? V()
    // Each row (u0, u1, u2, u3) times A: (u0 + u1 + u2, u1 - u2 - u3).
    store(activation(c0.0 + c1.0 + c2.0 + b), out, lanes)
    if width > 1 { store(activation(c1.0 - c2.0 - c3.0 + b), out + pixelStride, lanes) }
    if height > 1 {
      store(activation(c0.1 + c1.1 + c2.1 + b), out + rowStride, lanes)
      if width > 1 { store(activation(c1.1 - c2.1 - c3.1 + b), out + rowStride + pixelStride, lanes) }
    }
  }

  /// Loads `lanes` floats (eight in the hot loops, where the check folds away), zero above.
  @inline(__always)
  static func load(_ p: UnsafePointer<Float>, _ lanes: Int) -> V {
    if lanes == 8 { return UnsafeRawPointer(p).loadUnaligned(as: V.self) }
    var v = V()
    for lane in 0..<lanes { v[lane] = p[lane] }
    return v
  }

  @inline(__always)
  static func store(_ v: V, _ p: UnsafeMutablePointer<Float>, _ lanes: Int) {
    if lanes == 8 {
      UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
      return
    }
    for lane in 0..<lanes { p[lane] = v[lane] }
  }
}

/// Where the weight transform reads a 3x3 kernel's taps: `taps(panel:channel:)` is the first
/// tap of 16 filters, the others `tapStride` floats apart in row-major (i, j) order.
struct WinogradWeights {
  var base: UnsafePointer<Float>
  var tapStride: Int
  var channelStride: Int
  var panelStride: Int
  /// Filters that exist; lanes past the last one read as zero.
  var filters: Int

  /// The kernel as given, `(3, 3, C, F)`.
  init(kernel w: UnsafePointer<Float>, channels c: Int, filters f: Int) {
    (base, tapStride, channelStride, panelStride, filters) = (w, c * f, f, WinogradGEMM.panelWidth, f)
  }

  /// A copy written by `WinogradTransforms.regroup`.
  init(regrouped copy: UnsafePointer<Float>, channels c: Int, filters f: Int) {
    let width = WinogradGEMM.panelWidth
    (base, tapStride, channelStride, panelStride, filters) = (copy, c * width, width, 9 * c * width, f)
  }

  @inline(__always)
  func taps(panel: Int, channel: Int) -> UnsafePointer<Float> {
    base + panel * panelStride + channel * channelStride
  }
}
