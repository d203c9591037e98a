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
  var workers: Int

  /// Bytes of one panel of patches: large enough that each SGEMM sums over a few hundred
  /// pixels, small enough to stay in a core's L2 between its unfolding and its product.
  static let panelBytes = 512 << 10

  init(problem p: ConvProblem, scattersInput: Bool) {
    self.p = p
    self.scattersInput = scattersInput
    unfold = Im2colConvolution(problem: p)
    let rowBytes = max(p.patchLength, 1) * MemoryLayout<Float>.stride
    rowsPerPanel = max(1, min(p.outHeight * p.outWidth, max(16, Self.panelBytes / rowBytes)))
    let macs = p.pixels * p.filters * p.patchLength * (scattersInput ? 2 : 1)
    let units = scattersInput ? p.batch : (p.pixels + rowsPerPanel - 1) / rowsPerPanel
    workers = macs < 2 * Parallelism.serialMultiplyAdds ? 1 : max(1, min(Parallelism.threadCount, units))
  }

  /// Whether a thread needs a panel of unfolded patches (1x1 stride-1 layers read the input as it is).
  var unfolds: Bool { !unfold.pointwise }
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
          for image in stride(from: worker, to: p.batch, by: workers) {
            for chunk in 0..<chunksPerImage {
              if cancellation?.isCancelled == true { return }
              let first = image * perImage + chunk * rowsPerPanel
              let rows = min(rowsPerPanel, (image + 1) * perImage - first)
              accumulate(first: first, rows: rows, x: x, w: w, dy: dy, dw: target, panel: panel, scattered: scattered, dx: dx)
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
        for i in 0..<kernelFloats { dw.base[i] += partial[i] }
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
        BLAS.gemmTransposedB(m: rows, n: k, k: fg, a: gradient, lda: f, b: w.base + group * fg, ldb: f, c: scattered, ldc: k)
        col2im(scattered, group: group, firstPixel: first, rows: rows, into: dx.base)
      }
    }
  }

  /// Adds each row of `panel` (one pixel's patch gradient, in the kernel's `(kh, kw, c)`
  /// order) into the input cells its window read: `im2col` run backwards. Cells in the
  /// padding receive nothing.
  func col2im(
    _ panel: UnsafePointer<Float>, group: Int, firstPixel: Int, rows: Int, into dx: UnsafeMutablePointer<Float>
  ) {
    let cg = p.groupChannels
    let k = p.patchLength
    var cursor = GridCursor(pixelsOf: p, first: firstPixel)
    for r in 0..<rows {
      let source = panel + r * k
      let (n, oh) = (cursor.image, cursor.row)
      let iw0 = cursor.column * p.strideW - p.padLeft
      for i in 0..<p.kernelHeight {
        let ih = oh * p.strideH - p.padTop + i * p.dilationH
        if ih < 0 || ih >= p.height { continue }
        let line = dx + (n * p.height + ih) * p.width * p.channels + group * cg
        for j in 0..<p.kernelWidth {
          let iw = iw0 + j * p.dilationW
          if iw < 0 || iw >= p.width { continue }
          let cell = line + iw * p.channels
          let values = source + (i * p.kernelWidth + j) * cg
          for c in 0..<cg { cell[c] += values[c] }
        }
      }
      cursor.advance()
    }
  }
}
