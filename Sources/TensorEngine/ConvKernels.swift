/// The work of one convolution call under a `ConvPlan`: unfolding patches (im2col), the
/// GEMM calls, and the bias/activation epilogue.
struct ConvKernels: Sendable {
  var p: ConvProblem
  var plan: ConvPlan
  var x: SharedPointer
  var w: SharedPointer
  var bias: SharedPointer?
  var out: SharedPointer
  var activation: Activation
  var cancellation: CancellationFlag?

  private var cancelled: Bool { cancellation?.isCancelled == true }

  // Each thread: its own tiles of output pixels, each unfolded and multiplied on that core.
  func runRowTiles() {
    Parallelism.forEachWorker(maximum: plan.workers) { worker, workers in
      let panel =
        plan.pointwise ? nil : UnsafeMutablePointer<Float>.allocate(capacity: plan.rowsPerTile * p.patchLength)
      defer { panel?.deallocate() }
      for tile in stride(from: worker, to: plan.tiles, by: workers) {
        if cancelled { return }
        let first = tile * plan.rowsPerTile
        let rows = min(plan.rowsPerTile, p.pixels - first)
        let target = out.base + first * p.filters
        for group in 0..<p.groups {
          let a: UnsafePointer<Float>
          if let panel {
            im2col(group: group, firstPixel: first, rows: rows, into: panel)
            a = UnsafePointer(panel)
          } else {
            a = UnsafePointer(x.base + first * p.channels)
          }
          BLAS.gemm(
            m: rows, n: p.groupFilters, k: p.patchLength, a: a, lda: p.patchLength,
            b: w.base + group * p.groupFilters, ldb: p.filters, c: target + group * p.groupFilters, ldc: p.filters)
        }
        Ops.epilogue(target, rows: rows, filters: p.filters, bias: bias?.base, activation: activation)
      }
    }
  }

  // All threads: one panel unfolded together, then each thread multiplies it by its filters.
  func runSharedPanel() {
    let panel = plan.pointwise ? nil : SharedPointer(UnsafeMutablePointer<Float>.allocate(capacity: plan.rowsPerTile * p.patchLength))
    defer { panel?.base.deallocate() }
    let k = p.patchLength
    let blocks = (p.groupFilters + 15) / 16
    for tile in 0..<plan.tiles {
      if cancelled { return }
      let first = tile * plan.rowsPerTile
      let rows = min(plan.rowsPerTile, p.pixels - first)
      let target = SharedPointer(out.base + first * p.filters)
      for group in 0..<p.groups {
        let a: UnsafePointer<Float>
        if let panel {
          Parallelism.forEachRange(rows, grain: 8) { range in
            im2col(group: group, firstPixel: first + range.lowerBound, rows: range.count, into: panel.base + range.lowerBound * k)
          }
          a = UnsafePointer(panel.base)
        } else {
          a = UnsafePointer(x.base + first * p.channels)
        }
        let shared = SharedPointer(a)
        // Filters in blocks of 16, the width of BLAS's packed panels.
        Parallelism.forEachRange(blocks, grain: 1) { range in
          let column = range.lowerBound * 16
          let width = min(range.upperBound * 16, p.groupFilters) - column
          let offset = group * p.groupFilters + column
          BLAS.gemm(
            m: rows, n: width, k: k, a: shared.base, lda: k, b: w.base + offset, ldb: p.filters,
            c: target.base + offset, ldc: p.filters)
        }
      }
      Parallelism.forEachRange(rows, grain: 16) { range in
        Ops.epilogue(
          target.base + range.lowerBound * p.filters, rows: range.count, filters: p.filters, bias: bias?.base,
          activation: activation)
      }
    }
  }

  // One thread: patches unfolded as (k x pixels), GEMM gives (filters x pixels), transposed back.
  func runChannelsFirst() {
    let pixels = p.pixels
    let k = p.patchLength
    let panel = UnsafeMutablePointer<Float>.allocate(capacity: k * pixels)
    let product = UnsafeMutablePointer<Float>.allocate(capacity: p.filters * pixels)
    defer {
      panel.deallocate()
      product.deallocate()
    }
    for i in 0..<p.kernelHeight {
      for j in 0..<p.kernelWidth {
        for c in 0..<p.channels {
          let row = panel + ((i * p.kernelWidth + j) * p.channels + c) * pixels
          for n in 0..<p.batch {
            for oh in 0..<p.outHeight {
              let dst = row + (n * p.outHeight + oh) * p.outWidth
              let ih = oh * p.strideH - p.padTop + i * p.dilationH
              if ih < 0 || ih >= p.height {
                zeroFloats(dst, p.outWidth)
                continue
              }
              let source = x.base + (n * p.height + ih) * p.width * p.channels + c
              let shift = j * p.dilationW - p.padLeft
              for ow in 0..<p.outWidth {
                let iw = ow * p.strideW + shift
                dst[ow] = iw >= 0 && iw < p.width ? source[iw * p.channels] : 0
              }
            }
          }
        }
      }
    }
    BLAS.gemmTransposedA(
      m: p.filters, n: pixels, k: k, a: w.base, lda: p.filters, b: panel, ldb: pixels, c: product, ldc: pixels)
    for f in 0..<p.filters {
      for m in 0..<pixels { out.base[m * p.filters + f] = product[f * pixels + m] }
    }
    Ops.epilogue(out.base, rows: pixels, filters: p.filters, bias: bias?.base, activation: activation)
  }

  // Stride 1: GEMM reads the patches straight from a zero-padded copy of the input.
  func runShiftedRows() {
    let (kh, kw, c, n) = (p.kernelHeight, p.kernelWidth, p.channels, p.filters)
    let paddedHeight = p.outHeight + kh - 1
    let paddedWidth = p.outWidth + kw - 1
    let image = paddedHeight * paddedWidth * c
    // The tail absorbs reads of the last band's throw-away columns past the last image.
    let padded = SharedPointer(UnsafeMutablePointer<Float>.allocate(capacity: p.batch * image + kw * c))
    defer { padded.base.deallocate() }
    zeroFloats(padded.base + p.batch * image, kw * c)
    Parallelism.forEachRange(p.batch * paddedHeight, grain: 16) { lines in
      for line in lines {
        let dst = padded.base + line * paddedWidth * c
        let ih = line % paddedHeight - p.padTop
        guard ih >= 0, ih < p.height else {
          zeroFloats(dst, paddedWidth * c)
          continue
        }
        let source = x.base + ((line / paddedHeight) * p.height + ih) * p.width * c
        zeroFloats(dst, p.padLeft * c)
        copyFloats(dst + p.padLeft * c, source, p.width * c)
        zeroFloats(dst + (p.padLeft + p.width) * c, (paddedWidth - p.padLeft - p.width) * c)
      }
    }
    Parallelism.forEachWorker(maximum: plan.workers) { worker, workers in
      let band = UnsafeMutablePointer<Float>.allocate(capacity: plan.bandRows * paddedWidth * n)
      defer { band.deallocate() }
      for tile in stride(from: worker, to: plan.tiles, by: workers) {
        if cancelled { return }
        let imageIndex = tile / plan.bandsPerImage
        let y0 = (tile % plan.bandsPerImage) * plan.bandRows
        let rows = min(plan.bandRows, p.outHeight - y0)
        // Output positions of the band along the padded rows, throw-away columns included.
        let span = rows * paddedWidth
        for residue in 0..<min(kw, span) {
          let m = (span - residue + kw - 1) / kw
          for i in 0..<kh {
            let a = padded.base + imageIndex * image + ((y0 + i) * paddedWidth + residue) * c
            BLAS.gemm(
              m: m, n: n, k: kw * c, a: a, lda: kw * c, b: w.base + i * kw * c * n, ldb: n,
              c: band + residue * n, ldc: kw * n, beta: i == 0 ? 0 : 1)
          }
        }
        for y in 0..<rows {
          let target = out.base + ((imageIndex * p.outHeight + y0 + y) * p.outWidth) * n
          target.update(from: band + y * paddedWidth * n, count: p.outWidth * n)
          Ops.epilogue(target, rows: p.outWidth, filters: n, bias: bias?.base, activation: activation)
        }
      }
    }
  }

  /// Writes the patches of `rows` output pixels, starting at `firstPixel`, for one group:
  /// one row of `kh * kw * C / groups` values per pixel, in the kernel's `(kh, kw, c)` order,
  /// zeros where the window hangs over the padding.
  func im2col(group: Int, firstPixel: Int, rows: Int, into panel: UnsafeMutablePointer<Float>) {
    let cg = p.groupChannels
    let k = p.patchLength
    let rowSpan = p.kernelWidth * cg
    // A window row is one contiguous run of the input when it takes every channel and is not dilated.
    let contiguous = p.dilationW == 1 && cg == p.channels
    let perImage = p.outHeight * p.outWidth
    var n = firstPixel / perImage
    var oh = (firstPixel % perImage) / p.outWidth
    var ow = firstPixel % p.outWidth
    for r in 0..<rows {
      let destination = panel + r * k
      let iw0 = ow * p.strideW - p.padLeft
      for i in 0..<p.kernelHeight {
        let dst = destination + i * rowSpan
        let ih = oh * p.strideH - p.padTop + i * p.dilationH
        if ih < 0 || ih >= p.height {
          zeroFloats(dst, rowSpan)
          continue
        }
        let source = x.base + (n * p.height + ih) * p.width * p.channels + group * cg
        if contiguous {
          let j0 = max(0, -iw0)
          let j1 = min(p.kernelWidth, p.width - iw0)
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
      ow += 1
      if ow == p.outWidth {
        ow = 0
        oh += 1
        if oh == p.outHeight {
          oh = 0
          n += 1
        }
      }
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
  while i < count {
    destination[i] = source[i]
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
