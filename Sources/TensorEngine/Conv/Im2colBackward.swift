/// The backward pass of a convolution through im2col panels and OpenBLAS: the kernel's
/// gradient `dW (K x F) = Σ patchesᵀ · dY` over panels of output pixels, and, for strided
/// layers, the input's gradient by scattering each panel's `dY · Wᵀ` back through the
/// windows it came from (col2im). The panels are unfolded by the forward pass's own
/// `Im2colConvolution.im2col`.
///
/// Each thread takes its own panels and sums into its own copy of `dW` (added up at the
/// end), so no two threads write the same weights. When it also scatters into the input's
/// gradient, a thread takes whole images, whose windows no other thread touches.
struct Im2colBackward: Sendable {
  var p: ConvProblem
  var unfold: Im2colConvolution
  var scattersInput: Bool
  var rowsPerPanel: Int
  /// Whole images in a panel (1 when an image takes several panels).
  var imagesPerPanel: Int
  var workers: Int

  /// Bytes of one panel of patches: large enough that each SGEMM sums over a few hundred
  /// pixels, small enough to stay in a core's L2 between its unfolding and its product.
  static let panelBytes = 512 << 10

  init(problem p: ConvProblem, scattersInput: Bool) {
    self.p = p
    self.scattersInput = scattersInput
    unfold = Im2colConvolution(problem: p)
    let rowBytes = max(p.patchLength, 1) * MemoryLayout<Float>.stride
    let panelRows = max(16, Self.panelBytes / rowBytes)
    let perImage = p.outHeight * p.outWidth
    // Small maps take several whole images per panel, so that each SGEMM sums over hundreds
    // of pixels (LeNet's second layer has 100 per image; one SGEMM per image spent more on
    // OpenBLAS's packing and calls than on the products).
    imagesPerPanel = perImage <= panelRows ? max(1, min(p.batch, panelRows / max(1, perImage))) : 1
    rowsPerPanel = max(1, perImage <= panelRows ? imagesPerPanel * perImage : panelRows)
    let macs = p.pixels * p.filters * p.patchLength * (scattersInput ? 2 : 1)
    let units = scattersInput ? (p.batch + imagesPerPanel - 1) / imagesPerPanel : (p.pixels + rowsPerPanel - 1) / rowsPerPanel
    workers = macs < 2 * Parallelism.serialMultiplyAdds ? 1 : max(1, min(Parallelism.threadCount, units))
  }

  /// A first layer on one channel with at most 32 filters (LeNet's, Keras's MNIST convnet's)
  /// sums its kernel gradient straight from the input: its windows are a few values each,
  /// and unfolding them cost more than the product itself.
  var oneChannel: Bool { p.channels == 1 && p.groups == 1 && p.filters <= 32 }
  /// Whether a thread needs a panel of unfolded patches (1x1 stride-1 layers read the input
  /// as it is; one-channel layers read their windows in place).
  var unfolds: Bool { !unfold.pointwise && !oneChannel }
  var panelFloats: Int { rowsPerPanel * p.patchLength }
  var kernelFloats: Int { p.patchLength * p.filters }
  var workerFloats: Int { (unfolds ? panelFloats : 0) + (scattersInput ? panelFloats : 0) }
  var workspaceBytes: Int {
    (workers * workerFloats + (workers - 1) * kernelFloats) * MemoryLayout<Float>.stride
  }

  /// Adds the kernel's gradient into `dw` (zeroed by the caller) and, when `dx` is given
  /// (zeroed too), the input's gradient.
  func run(
    x: SharedPointer, w: SharedPointer, dy: SharedPointer, dw: SharedPointer, dx: SharedPointer?,
    cancellation: CancellationFlag?
  ) {
    withWorkspace(workers * workerFloats + (workers - 1) * kernelFloats) { space in
      let partials = SharedPointer(space.base + workers * workerFloats)
      zeroFloats(partials.base, (workers - 1) * kernelFloats)
      let perImage = p.outHeight * p.outWidth
      let chunksPerImage = (perImage + rowsPerPanel - 1) / rowsPerPanel
      Parallelism.forEachWorker(maximum: workers) { worker, workers in
        let buffers = space.base + worker * workerFloats
        let panel = unfolds ? buffers : nil
        let scattered = buffers + (unfolds ? panelFloats : 0)
        let target = worker == 0 ? dw.base : partials.base + (worker - 1) * kernelFloats
        if scattersInput {
          // A thread's panels hold whole images, whose windows no other thread's touch.
          let groups = (p.batch + imagesPerPanel - 1) / imagesPerPanel
          for group in stride(from: worker, to: groups, by: workers) {
            let image = group * imagesPerPanel
            let end = min(p.batch, image + imagesPerPanel) * perImage
            for chunk in 0..<(imagesPerPanel > 1 ? 1 : chunksPerImage) {
              if cancellation?.isCancelled == true { return }
              let first = image * perImage + chunk * rowsPerPanel
              let rows = min(rowsPerPanel, end - first)
              accumulate(
                first: first, rows: rows, x: x, w: w, dy: dy, dw: target, panel: panel, scattered: scattered, dx: dx)
            }
          }
        } else {
          let chunks = (p.pixels + rowsPerPanel - 1) / rowsPerPanel
          for chunk in chunks * worker / workers..<chunks * (worker + 1) / workers {
            if cancellation?.isCancelled == true { return }
            let first = chunk * rowsPerPanel
            let rows = min(rowsPerPanel, p.pixels - first)
            accumulate(first: first, rows: rows, x: x, w: w, dy: dy, dw: target, panel: panel, scattered: nil, dx: nil)
          }
        }
      }
      for worker in 1..<max(workers, 1) {
        let partial = partials.base + (worker - 1) * kernelFloats
        addFloats(dw.base, partial, kernelFloats)
      }
    }
  }

  /// One panel of `rows` output pixels from `first`, every group.
  private func accumulate(
    first: Int, rows: Int, x: SharedPointer, w: SharedPointer, dy: SharedPointer, dw: UnsafeMutablePointer<Float>,
    panel: UnsafeMutablePointer<Float>?, scattered: UnsafeMutablePointer<Float>?, dx: SharedPointer?
  ) {
    let k = p.patchLength
    let (fg, f) = (p.groupFilters, p.filters)
    if oneChannel {
      accumulateOneChannel(first: first, rows: rows, x: x.base, dy: dy.base, dw: dw)
      if let scattered, let dx {
        BLAS.gemmTransposedB(
          m: rows, n: k, k: f, a: dy.base + first * f, lda: f, b: w.base, ldb: f, c: scattered, ldc: k)
        col2im(scattered, group: 0, firstPixel: first, rows: rows, into: dx.base)
      }
      return
    }
    for group in 0..<p.groups {
      let patches: UnsafePointer<Float>
      let lda: Int
      if let panel {
        unfold.im2col(x: x.base, group: group, firstPixel: first, rows: rows, into: panel)
        (patches, lda) = (UnsafePointer(panel), k)
      } else {
        (patches, lda) = (UnsafePointer(x.base + first * p.channels), p.channels)
      }
      let gradient = UnsafePointer(dy.base + first * f + group * fg)
      BLAS.gemmTransposedA(
        m: k, n: fg, k: rows, a: patches, lda: lda, b: gradient, ldb: f, c: dw + group * fg, ldc: f, beta: 1)
      if let scattered, let dx {
        BLAS.gemmTransposedB(
          m: rows, n: k, k: fg, a: gradient, lda: f, b: w.base + group * fg, ldb: f, c: scattered, ldc: k)
        col2im(scattered, group: group, firstPixel: first, rows: rows, into: dx.base)
      }
    }
  }

  /// The kernel gradient of a one-channel layer over `rows` output pixels from `first`:
  /// each pixel's gradient row (up to 32 filters, as 8-wide vectors) times each input value
  /// its window reads, summed per tap, then added to `dw`. Each image is first copied into
  /// a zero border as wide as the padding (when it has one), so that no window needs
  /// clipping: 4 KiB for LeNet's 28x28, far less than the windows' clipping cost per pixel.
  private func accumulateOneChannel(
    first: Int, rows: Int, x: UnsafeMutablePointer<Float>, dy: UnsafeMutablePointer<Float>,
    dw: UnsafeMutablePointer<Float>
  ) {
    let f = p.filters
    let lanes = (f + 7) / 8
    let taps = p.patchLength
    let gradientEnd = dy + p.pixels * f
    let paddedHeight = (p.outHeight - 1) * p.strideH + (p.kernelHeight - 1) * p.dilationH + 1
    let paddedWidth = (p.outWidth - 1) * p.strideW + (p.kernelWidth - 1) * p.dilationW + 1
    let inPlace = p.padTop == 0 && p.padLeft == 0 && paddedHeight <= p.height && paddedWidth <= p.width
    let rowStride = inPlace ? p.width : paddedWidth
    let perImage = p.outHeight * p.outWidth
    withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: taps * lanes + lanes) { buffer in
      withUnsafeTemporaryAllocation(of: Float.self, capacity: inPlace ? 0 : paddedHeight * paddedWidth) { padded in
        let sums = buffer.baseAddress!
        let g = sums + taps * lanes
        for i in 0..<(taps * lanes) { sums[i] = SIMD8() }
        var pixel = first
        while pixel < first + rows {
          let image = pixel / perImage
          let segmentEnd = min(first + rows, (image + 1) * perImage)
          let source = x + image * p.height * p.width
          let view: UnsafeMutablePointer<Float>
          if inPlace {
            view = source
          } else {
            view = padded.baseAddress!
            copyIntoZeroBorder(p, image: image, from: x, height: paddedHeight, width: paddedWidth, into: view)
          }
          let segment = (pixel - image * perImage)..<(segmentEnd - image * perImage)
          if lanes == 1, p.kernelWidth == 5, p.dilationW == 1 {
            accumulateFiveWide(
              segment, image: view, rowStride: rowStride, dy: dy + image * perImage * f, end: gradientEnd, sums: sums)
          } else {
            for q in segment {
              let row = dy + (image * perImage + q) * f
              for lane in 0..<lanes {
                g[lane] = Self.gradientVector(row + lane * 8, filters: f - lane * 8, end: gradientEnd)
              }
              let window = view + (q / p.outWidth) * p.strideH * rowStride + (q % p.outWidth) * p.strideW
              for i in 0..<p.kernelHeight {
                let line = window + i * p.dilationH * rowStride
                let tapRow = sums + i * p.kernelWidth * lanes
                for j in 0..<p.kernelWidth {
                  let value = SIMD8<Float>(repeating: line[j * p.dilationW])
                  let tap = tapRow + j * lanes
                  for lane in 0..<lanes { tap[lane] = tap[lane].addingProduct(value, g[lane]) }
                }
              }
            }
          }
          pixel = segmentEnd
        }
        for t in 0..<taps {
          for c in 0..<f { dw[t * f + c] += sums[t * lanes + c / 8][c % 8] }
        }
      }
    }
  }

  /// One pixel's gradient row as 8 lanes. Lanes past the last filter read the next pixel's
  /// values (or zeros at the very end); they are summed into lanes that are never read back.
  @inline(__always)
  private static func gradientVector(
    _ start: UnsafeMutablePointer<Float>, filters: Int, end: UnsafeMutablePointer<Float>
  ) -> SIMD8<Float> {
    if start + 8 <= end { return UnsafeRawPointer(start).loadUnaligned(as: SIMD8<Float>.self) }
    var v = SIMD8<Float>()
    for c in 0..<min(8, filters) { v[c] = start[c] }
    return v
  }

  /// The tap sums of windows 5 columns wide and consecutive (LeNet's 5x5) with at most 8
  /// filters, two kernel rows at a time: their ten sums stay in registers over the image's
  /// `pixels`, and each tap costs one broadcast load at a fixed distance from the row's start
  /// and one multiply-add, where summing in memory waited on the store of the pixel before.
  /// The pixels whose gradient row can be read as a whole vector run in a loop of their own,
  /// without the end-of-tensor check: with that check's slow path in the same loop, the
  /// compiler kept four of the ten sums on the stack.
  private func accumulateFiveWide(
    _ pixels: Range<Int>, image: UnsafeMutablePointer<Float>, rowStride: Int, dy: UnsafeMutablePointer<Float>,
    end: UnsafeMutablePointer<Float>, sums: UnsafeMutablePointer<SIMD8<Float>>
  ) {
    let f = p.filters
    // Pixels before `whole` have 8 readable values from their gradient row's start.
    let readable = end - dy - 8
    let whole = readable < 0 ? 0 : readable / f + 1
    for top in stride(from: 0, to: p.kernelHeight, by: 2) {
      // A last single row reads itself twice; the second copy's sums are not kept.
      let second = min(top + 1, p.kernelHeight - 1)
      let (upper, lower) = (image + top * p.dilationH * rowStride, image + second * p.dilationH * rowStride)
      var taps = FiveWideSums()
      var q = pixels.lowerBound
      while q < pixels.upperBound {
        let rowEnd = min(pixels.upperBound, (q / p.outWidth + 1) * p.outWidth)
        let offset = (q / p.outWidth) * p.strideH * rowStride + (q % p.outWidth) * p.strideW
        var (r, s) = (UnsafePointer(upper + offset), UnsafePointer(lower + offset))
        var g = UnsafePointer(dy + q * f)
        let split = min(rowEnd, max(q, whole))
        for _ in q..<split {
          taps.add(UnsafeRawPointer(g).loadUnaligned(as: SIMD8<Float>.self), r, s)
          (r, s, g) = (r + p.strideW, s + p.strideW, g + f)
        }
        for pixel in split..<rowEnd {
          taps.add(Self.gradientVector(dy + pixel * f, filters: f, end: end), r, s)
          (r, s) = (r + p.strideW, s + p.strideW)
        }
        q = rowEnd
      }
      let row = sums + top * 5
      (row[0], row[1], row[2], row[3], row[4]) = (row[0] + taps.a0, row[1] + taps.a1, row[2] + taps.a2, row[3] + taps.a3, row[4] + taps.a4)
      if second > top {
        (row[5], row[6], row[7], row[8], row[9]) = (row[5] + taps.b0, row[6] + taps.b1, row[7] + taps.b2, row[8] + taps.b3, row[9] + taps.b4)
      }
    }
  }

  /// Adds each row of `panel` (one pixel's patch gradient, in the kernel's `(kh, kw, c)`
  /// order) into the input cells its window read: `im2col` run backwards. Cells in the
  /// padding receive nothing.
  func col2im(
    _ panel: UnsafePointer<Float>, group: Int, firstPixel: Int, rows: Int, into dx: UnsafeMutablePointer<Float>
  ) {
    var cursor = GridCursor(pixelsOf: p, first: firstPixel)
    for r in 0..<rows {
      scatter(panel + r * p.patchLength, group: group, image: cursor.image, row: cursor.row, column: cursor.column, into: dx)
      cursor.advance()
    }
  }

  /// One pixel's patch gradient added into the cells of its window.
  @inline(__always)
  private func scatter(
    _ source: UnsafePointer<Float>, group: Int, image n: Int, row oh: Int, column ow: Int,
    into dx: UnsafeMutablePointer<Float>
  ) {
    let cg = p.groupChannels
    // As in `im2col`: a window row taking every channel, undilated, is one run of the input.
    let contiguous = p.dilationW == 1 && cg == p.channels
    let iw0 = ow * p.strideW - p.padLeft
    for i in 0..<p.kernelHeight {
      let ih = oh * p.strideH - p.padTop + i * p.dilationH
      if ih < 0 || ih >= p.height { continue }
      let line = dx + (n * p.height + ih) * p.width * p.channels + group * cg
      if contiguous {
        let j0 = max(0, -iw0)
        let j1 = min(p.kernelWidth, p.width - iw0)
        if j1 > j0 {
          addFloats(line + (iw0 + j0) * cg, source + (i * p.kernelWidth + j0) * cg, (j1 - j0) * cg)
        }
        continue
      }
      for j in 0..<p.kernelWidth {
        let iw = iw0 + j * p.dilationW
        if iw < 0 || iw >= p.width { continue }
        let cell = line + iw * p.channels
        let values = source + (i * p.kernelWidth + j) * cg
        for c in 0..<cg { cell[c] += values[c] }
      }
    }
  }
}

/// Ten tap sums of `accumulateFiveWide`: five taps of a kernel row (`a`) and of the next (`b`).
private struct FiveWideSums {
  typealias V = SIMD8<Float>
  var a0 = V(), a1 = V(), a2 = V(), a3 = V(), a4 = V()
  var b0 = V(), b1 = V(), b2 = V(), b3 = V(), b4 = V()

  /// One pixel: its gradient row `g` times the five values at `r` and the five at `s`.
  @inline(__always)
  mutating func add(_ g: V, _ r: UnsafePointer<Float>, _ s: UnsafePointer<Float>) {
    a0 = a0.addingProduct(V(repeating: r[0]), g)
    a1 = a1.addingProduct(V(repeating: r[1]), g)
    a2 = a2.addingProduct(V(repeating: r[2]), g)
    a3 = a3.addingProduct(V(repeating: r[3]), g)
    a4 = a4.addingProduct(V(repeating: r[4]), g)
    b0 = b0.addingProduct(V(repeating: s[0]), g)
    b1 = b1.addingProduct(V(repeating: s[1]), g)
    b2 = b2.addingProduct(V(repeating: s[2]), g)
    b3 = b3.addingProduct(V(repeating: s[3]), g)
    b4 = b4.addingProduct(V(repeating: s[4]), g)
  }
}
