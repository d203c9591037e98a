/// The 16 products `M[ξ] = V[ξ] · U[ξ]` of a Winograd block, with a register-blocked 6x16
/// micro-kernel instead of BLAS. BLAS packs both operands on every call, `U[ξ]` (up to
/// 1 MiB) included, and a block has only tens to a hundred rows to spread that over: through
/// BLAS the products ran at 30-65 GFLOP/s per core, with this kernel at 65-93 on the same
/// layers. Here the weight transform writes `U` already packed, once per convolution, and the
/// kernel reads `V` as the input transform wrote it.
///
/// Layouts (floats): `V[ξ]` is `rows x C` row-major (a row per tile); `U[ξ]` is
/// cut into panels of 16 filters, each a row of 16 per channel, the filters past `F` zero;
/// `M[ξ]` is `rows x ldm` row-major, `ldm` a multiple of 16.
enum WinogradGEMM {
  typealias V = SIMD8<Float>

  /// Rows of `V` (tiles) per micro-kernel call.
  static let rowsPerKernel = 6
  /// Filters per panel of `U`: two 8-lane vectors.
  static let panelWidth = 16

  /// Channels per pass: 256 channels of one panel are 16 KiB, which stays in L1 while the
  /// micro-kernel runs down every row group.
  static func channelBlock(_ channels: Int) -> Int {
    let passes = (channels + 255) / 256
    return (channels + passes - 1) / passes
  }

  /// `M[:, panels] (+)= V[:, channels] · U` over `rows` rows, `V[ξ]` row-major
  /// with `lda` floats per row. `U` holds just `channels` and `panels`: panel `j` at
  /// `u + (j - panels.lowerBound) * panelStride`, one row of 16 per channel. Passes over the
  /// channels from channel 0 store, later ones add, so `M` is complete after the last.
  static func multiply(
    rows: Int, v: UnsafePointer<Float>, lda: Int, channels: Range<Int>, panels: Range<Int>,
    u: UnsafePointer<Float>, panelStride: Int, m: UnsafeMutablePointer<Float>, ldm: Int
  ) {
    let block = channelBlock(channels.count)
    var k0 = channels.lowerBound
    while k0 < channels.upperBound {
      let depth = min(block, channels.upperBound - k0)
      for panel in panels {
        let b = u + (panel - panels.lowerBound) * panelStride + (k0 - channels.lowerBound) * panelWidth
        var row = 0
        while row < rows {
          kernel(
            rows: min(rowsPerKernel, rows - row), depth: depth, a: v + row * lda + k0, lda: lda, b: b,
            c: m + row * ldm + panel * panelWidth, ldc: ldm, accumulate: k0 > 0)
          row += rowsPerKernel
        }
      }
      k0 += depth
    }
  }

  /// `C (R x 16) (+)= A (R x depth) · B (depth x 16)` for `R = H.rows` rows (at most six),
  /// in up to twelve vector accumulators; each `A` value is broadcast and multiplied into
  /// both halves of a `B` row. `A` is row-major with `lda` floats per row. Specialised per
  /// height, so a block's last rows cost what they compute instead of a whole six.
  @inline(__always)
  static func kernel<H: KernelHeight>(
    _: H.Type, depth: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
  ) {
    let rows = H.rows
    var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
    var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
    var pa = a
    var pb = UnsafeRawPointer(b)
    for _ in 0..<depth {
      let b0 = pb.loadUnaligned(as: V.self)
      let b1 = pb.loadUnaligned(fromByteOffset: 32, as: V.self)
      var x = V(repeating: pa[0])
      c00.addProduct(x, b0)
      c01.addProduct(x, b1)
      if rows > 1 {
        x = V(repeating: pa[lda])
        c10.addProduct(x, b0)
        c11.addProduct(x, b1)
      }
      if rows > 2 {
        x = V(repeating: pa[2 * lda])
        c20.addProduct(x, b0)
        c21.addProduct(x, b1)
      }
      if rows > 3 {
        x = V(repeating: pa[3 * lda])
        c30.addProduct(x, b0)
        c31.addProduct(x, b1)
      }
      if rows > 4 {
        x = V(repeating: pa[4 * lda])
        c40.addProduct(x, b0)
        c41.addProduct(x, b1)
      }
      if rows > 5 {
        x = V(repeating: pa[5 * lda])
        c50.addProduct(x, b0)
        c51.addProduct(x, b1)
      }
      pa += 1
      pb += 64
    }
    let out = UnsafeMutableRawPointer(c)
    let stride = ldc * MemoryLayout<Float>.stride
    @inline(__always) func put(_ row: Int, _ left: V, _ right: V) {
      var left = left
      var right = right
      if accumulate {
        left += out.loadUnaligned(fromByteOffset: row * stride, as: V.self)
        right += out.loadUnaligned(fromByteOffset: row * stride + 32, as: V.self)
      }
      out.storeBytes(of: left, toByteOffset: row * stride, as: V.self)
      out.storeBytes(of: right, toByteOffset: row * stride + 32, as: V.self)
    }
    put(0, c00, c01)
    if rows > 1 { put(1, c10, c11) }
    if rows > 2 { put(2, c20, c21) }
    if rows > 3 { put(3, c30, c31) }
    if rows > 4 { put(4, c40, c41) }
    if rows > 5 { put(5, c50, c51) }
  }

  /// One micro-kernel call for `rows` (1 to 6) rows.
  static func kernel(
    rows: Int, depth: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
    ldc: Int, accumulate: Bool
  ) {
    switch rows {
    case 6: kernel(SixRows.self, depth: depth, a: a, lda: lda, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 5: kernel(FiveRows.self, depth: depth, a: a, lda: lda, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 4: kernel(FourRows.self, depth: depth, a: a, lda: lda, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 3: kernel(ThreeRows.self, depth: depth, a: a, lda: lda, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 2: kernel(TwoRows.self, depth: depth, a: a, lda: lda, b: b, c: c, ldc: ldc, accumulate: accumulate)
    default: kernel(OneRow.self, depth: depth, a: a, lda: lda, b: b, c: c, ldc: ldc, accumulate: accumulate)
    }
  }
}

/// A micro-kernel height, as a type so that each height gets its own specialised loop.
protocol KernelHeight { static var rows: Int { get } }
enum OneRow: KernelHeight { static var rows: Int { 1 } }
enum TwoRows: KernelHeight { static var rows: Int { 2 } }
enum ThreeRows: KernelHeight { static var rows: Int { 3 } }
enum FourRows: KernelHeight { static var rows: Int { 4 } }
enum FiveRows: KernelHeight { static var rows: Int { 5 } }
enum SixRows: KernelHeight { static var rows: Int { 6 } }
