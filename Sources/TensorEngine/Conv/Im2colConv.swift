/// The convolution as im2col + SGEMM, kept for layers whose weights far outweigh their
/// pixels (a 3x3x512x512 kernel on a 14x14 map, a 1x1 output): there the direct path would
/// pack megabytes of weights for a few hundred pixels, while OpenBLAS streams them with
/// prefetching, and a single pixel becomes a matrix-vector product.
///
/// The threads unfold one panel of pixels together (patches in the kernel's `(kh, kw, c)`
/// order), then each multiplies it by its own share of the filters, in blocks of 16 (the
/// width of BLAS's packed panels). 1x1 stride-1 layers skip the unfolding: the input
/// already is the patch matrix.
struct Im2colConvolution: Sendable {
  var p: ConvProblem
  var pointwise: Bool
  /// Pixels per panel; a panel never grows past `panelLimit` bytes.
  var rowsPerPanel: Int

  static let panelLimit = 32 << 20

  init(problem p: ConvProblem) {
    self.p = p
    pointwise =
      p.kernelHeight == 1 && p.kernelWidth == 1 && p.strideH == 1 && p.strideW == 1 && p.padTop == 0
      && p.padLeft == 0 && p.groups == 1
    let rowBytes = max(p.patchLength * MemoryLayout<Float>.stride, 1)
    rowsPerPanel = max(1, min(p.pixels, Self.panelLimit / rowBytes))
  }

  var workspaceBytes: Int { pointwise ? 0 : rowsPerPanel * p.patchLength * MemoryLayout<Float>.stride }

  func run(
    x: SharedPointer, w: SharedPointer, bias: SharedPointer?, out: SharedPointer, activation: Activation,
    cancellation: CancellationFlag?
  ) {
    let panel = pointwise ? nil : SharedPointer(UnsafeMutablePointer<Float>.allocate(capacity: rowsPerPanel * p.patchLength))
    defer { panel?.base.deallocate() }
    let k = p.patchLength
    let blocks = (p.groupFilters + 15) / 16
    for first in stride(from: 0, to: p.pixels, by: rowsPerPanel) {
      if cancellation?.isCancelled == true { return }
      let rows = min(rowsPerPanel, p.pixels - first)
      let target = SharedPointer(out.base + first * p.filters)
      for group in 0..<p.groups {
        let a: UnsafePointer<Float>
        if let panel {
          let grain = Parallelism.grain(workPerItem: k, threshold: Parallelism.serialValues, atLeast: 8)
          Parallelism.forEachRange(rows, grain: grain) { range in
            im2col(
              x: x.base, group: group, firstPixel: first + range.lowerBound, rows: range.count,
              into: panel.base + range.lowerBound * k)
          }
          a = UnsafePointer(panel.base)
        } else {
          a = UnsafePointer(x.base + first * p.channels)
        }
        let shared = SharedPointer(a)
        let grain = Parallelism.grain(workPerItem: rows * 16 * k, threshold: Parallelism.serialMultiplyAdds)
        Parallelism.forEachRange(blocks, grain: grain) { range in
          let column = range.lowerBound * 16
          let width = min(range.upperBound * 16, p.groupFilters) - column
          let offset = group * p.groupFilters + column
          BLAS.gemm(
            m: rows, n: width, k: k, a: shared.base, lda: k, b: w.base + offset, ldb: p.filters,
            c: target.base + offset, ldc: p.filters)
        }
      }
      let grain = Parallelism.grain(workPerItem: p.filters, threshold: Parallelism.serialValues, atLeast: 16)
      Parallelism.forEachRange(rows, grain: grain) { range in
        Ops.epilogue(
          target.base + range.lowerBound * p.filters, rows: range.count, filters: p.filters, bias: bias?.base,
          activation: activation)
      }
    }
  }

  /// Writes the patches of `rows` output pixels, starting at `firstPixel`, for one group:
  /// one row of `kh * kw * C / groups` values per pixel, in the kernel's `(kh, kw, c)` order,
  /// zeros where the window hangs over the padding.
  func im2col(
    x: UnsafeMutablePointer<Float>, group: Int, firstPixel: Int, rows: Int, into panel: UnsafeMutablePointer<Float>
  ) {
    let cg = p.groupChannels
    let k = p.patchLength
    let rowSpan = p.kernelWidth * cg
    // A window row is one contiguous run of the input when it takes every channel and is not dilated.
    let contiguous = p.dilationW == 1 && cg == p.channels
    // A window row of at most 8 values (a first layer's 3x3 or 5x5 on one channel) is moved
    // as one 8-wide load and store; the values written past its end belong to the next
    // window row or pixel, which is written after it, so only the panel's and the input's
    // last floats need the short copy.
    let shortRuns = contiguous && rowSpan <= 8
    let inputEnd = x + p.batch * p.height * p.width * p.channels
    let panelEnd = panel + rows * k
    var cursor = GridCursor(pixelsOf: p, first: firstPixel)
    for r in 0..<rows {
      let destination = panel + r * k
      let (n, oh) = (cursor.image, cursor.row)
      let iw0 = cursor.column * p.strideW - p.padLeft
      for i in 0..<p.kernelHeight {
        let dst = destination + i * rowSpan
        let ih = oh * p.strideH - p.padTop + i * p.dilationH
        if ih < 0 || ih >= p.height {
          zeroFloats(dst, rowSpan)
          continue
        }
        let source = x + (n * p.height + ih) * p.width * p.channels + group * cg
        if contiguous {
          let j0 = max(0, -iw0)
          let j1 = min(p.kernelWidth, p.width - iw0)
          if shortRuns, j0 == 0, j1 == p.kernelWidth, source + iw0 * cg + 8 <= inputEnd, dst + 8 <= panelEnd {
            UnsafeMutableRawPointer(dst).storeBytes(
              of: UnsafeRawPointer(source + iw0 * cg).loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
            continue
          }
          if j1 <= j0 {
            zeroFloats(dst, rowSpan)
            continue
          }
          if j0 > 0 { zeroFloats(dst, j0 * cg) }
          copyFloats(dst + j0 * cg, source + (iw0 + j0) * cg, (j1 - j0) * cg)
          if j1 < p.kernelWidth { zeroFloats(dst + j1 * cg, (p.kernelWidth - j1) * cg) }
        } else {
          for j in 0..<p.kernelWidth {
            let iw = iw0 + j * p.dilationW
            if iw < 0 || iw >= p.width {
              zeroFloats(dst + j * cg, cg)
            } else {
              copyFloats(dst + j * cg, source + iw * p.channels, cg)
            }
          }
        }
      }
      cursor.advance()
    }
  }
}

/// Copies `count` floats. Patches of few channels are copied a few floats at a time, where a
/// call to memmove costs more than the copy itself; long runs still go to memmove.
@inline(__always)
func copyFloats(_ destination: UnsafeMutablePointer<Float>, _ source: UnsafePointer<Float>, _ count: Int) {
  if count >= 64 {
    destination.update(from: source, count: count)
    return
  }
  let to = UnsafeMutableRawPointer(destination)
  let from = UnsafeRawPointer(source)
  var i = 0
  while i + 8 <= count {
    to.storeBytes(of: from.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self), toByteOffset: i * 4, as: SIMD8<Float>.self)
    i += 8
  }
  // A run of 8 or more ends with the 8 values before its end, some of them copied twice
  // (a window row of 30 values is four vector copies, not three and six single ones).
  if i < count, count >= 8 {
    let last = (count - 8) * 4
    to.storeBytes(of: from.loadUnaligned(fromByteOffset: last, as: SIMD8<Float>.self), toByteOffset: last, as: SIMD8<Float>.self)
    return
  }
  while i < count {
    destination[i] = source[i]
    i += 1
  }
}

/// Adds `count` floats of `source` into `destination`, eight at a time.
@inline(__always)
func addFloats(_ destination: UnsafeMutablePointer<Float>, _ source: UnsafePointer<Float>, _ count: Int) {
  let to = UnsafeMutableRawPointer(destination)
  let from = UnsafeRawPointer(source)
  var i = 0
  while i + 8 <= count {
    let sum = to.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      + from.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
    to.storeBytes(of: sum, toByteOffset: i * 4, as: SIMD8<Float>.self)
    i += 8
  }
  while i < count {
    destination[i] += source[i]
    i += 1
  }
}

/// Sets `count` floats to zero, short runs inline as in `copyFloats`.
@inline(__always)
func zeroFloats(_ destination: UnsafeMutablePointer<Float>, _ count: Int) {
  if count >= 64 {
    destination.update(repeating: 0, count: count)
    return
  }
  let to = UnsafeMutableRawPointer(destination)
  var i = 0
  while i + 8 <= count {
    to.storeBytes(of: SIMD8<Float>(), toByteOffset: i * 4, as: SIMD8<Float>.self)
    i += 8
  }
  if i < count, count >= 8 {
    to.storeBytes(of: SIMD8<Float>(), toByteOffset: (count - 8) * 4, as: SIMD8<Float>.self)
    return
  }
  while i < count {
    destination[i] = 0
    i += 1
  }
}

extension Ops {
  /// Bias and activation over `rows` finished output pixels.
  static func epilogue(
    _ target: UnsafeMutablePointer<Float>, rows: Int, filters: Int, bias: UnsafePointer<Float>?, activation: Activation
  ) {
    if let bias {
      for r in 0..<rows {
        let row = target + r * filters
        for f in 0..<filters { row[f] += bias[f] }
      }
    }
    activation.apply(target, count: rows * filters)
  }
}
