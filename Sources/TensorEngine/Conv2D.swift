import Synchronization

/// Knobs of the convolution's tiling, public so that the benchmark can sweep them.
public enum ConvolutionTuning {
  private static let panel = Atomic<Int>(512 << 10)

  /// Target size in bytes of one thread's im2col panel (rows of patches). The panel is
  /// written and then read by GEMM on the same core, so it should stay in that core's L2.
  public static var panelBytes: Int {
    get { panel.load(ordering: .relaxed) }
    set { panel.store(max(4096, newValue), ordering: .relaxed) }
  }
}

extension Ops {
  /// 2-D cross-correlation (what deep learning calls convolution), channels-last.
  /// A `(kh, kw)` kernel on an `(H, W)` image gives an `(OH, OW)` map; a full kernel is
  /// Keras's `(kh, kw, C_in / groups, C_out)`. Runs as tiled im2col + SGEMM: each thread
  /// unfolds a panel of output pixels' patches and multiplies it by the kernel matrix, then
  /// adds the bias and applies `activation` while the tile is in cache.
  // input (N, H, W, C), kernel (kh, kw, C / groups, C_out), bias (C_out) → output (N, OH, OW, C_out)
  public static func conv2d(
    _ input: Tensor, kernel: Tensor, bias: Tensor? = nil, strides: Size2 = 1, padding: Padding = .valid,
    dilation: Size2 = 1, groups: Int = 1, activation: Activation = .linear,
    cancellation: CancellationFlag? = nil
  ) throws -> Tensor {
    let p = try ConvProblem(
      operation: "conv2d", input: input.shape, kernel: kernel.shape, bias: bias?.shape, strides: strides,
      padding: padding, dilation: dilation, groups: groups)
    return try convolve(p, input, kernel: kernel, bias: bias, activation: activation, cancellation: cancellation)
  }

  static func convolve(
    _ p: ConvProblem, _ input: Tensor, kernel: Tensor, bias: Tensor?, activation: Activation,
    cancellation: CancellationFlag?, operation: String = "conv2d"
  ) throws -> Tensor {
    let pointwise =
      p.kernelHeight == 1 && p.kernelWidth == 1 && p.strideH == 1 && p.strideW == 1 && p.padTop == 0
      && p.padLeft == 0 && p.groups == 1
    let plan = TilePlan(problem: p, pointwise: pointwise)
    return try Tensor.make(operation: operation, shape: p.outputShape, workspaceBytes: plan.workspaceBytes) { out in
      try input.values.withUnsafeBufferPointer { x in
        try kernel.values.withUnsafeBufferPointer { w in
          try (bias?.values ?? []).withUnsafeBufferPointer { b in
            guard let x = x.baseAddress, let w = w.baseAddress else { return }
            try run(
              p, plan: plan, x: SharedPointer(x), w: SharedPointer(w), bias: bias == nil ? nil : b.baseAddress.map(SharedPointer.init),
              out: SharedPointer(out), activation: activation, cancellation: cancellation)
          }
        }
      }
    }
  }

  /// Rows of output pixels per tile, and how much scratch the threads need.
  struct TilePlan: Sendable {
    var rowsPerTile: Int
    var tiles: Int
    var workers: Int
    var workspaceBytes: Int

    init(problem p: ConvProblem, pointwise: Bool) {
      let threads = Parallelism.threadCount
      let rowBytes = p.patchLength * MemoryLayout<Float>.stride
      // Enough rows that GEMM amortises packing the kernel, few enough that the panel
      // stays in cache, and never so many that a thread is left without a tile.
      var rows = max(32, ConvolutionTuning.panelBytes / max(rowBytes, 1))
      rows = min(rows, (p.pixels + threads - 1) / threads)
      rows = max(1, rows)
      if rows > 16 { rows -= rows % 16 }
      rowsPerTile = rows
      tiles = (p.pixels + rows - 1) / rows
      workers = min(threads, tiles)
      workspaceBytes = pointwise ? 0 : workers * rows * rowBytes
    }
  }

  private static func run(
    _ p: ConvProblem, plan: TilePlan, x: SharedPointer, w: SharedPointer, bias: SharedPointer?,
    out: SharedPointer, activation: Activation, cancellation: CancellationFlag?
  ) throws {
    let pointwise = plan.workspaceBytes == 0
    Parallelism.forEachWorker(maximum: plan.workers) { worker, workers in
      let panel = pointwise ? nil : UnsafeMutablePointer<Float>.allocate(capacity: plan.rowsPerTile * p.patchLength)
      defer { panel?.deallocate() }
      for tile in stride(from: worker, to: plan.tiles, by: workers) {
        if cancellation?.isCancelled == true { return }
        let first = tile * plan.rowsPerTile
        let rows = min(plan.rowsPerTile, p.pixels - first)
        let target = out.base + first * p.filters
        for group in 0..<p.groups {
          let a: UnsafePointer<Float>
          if let panel {
            im2col(p, x: x.base, group: group, firstPixel: first, rows: rows, into: panel)
            a = UnsafePointer(panel)
          } else {
            a = UnsafePointer(x.base + first * p.channels)
          }
          BLAS.gemm(
            m: rows, n: p.groupFilters, k: p.patchLength, a: a, lda: p.patchLength,
            b: w.base + group * p.groupFilters, ldb: p.filters, c: target + group * p.groupFilters, ldc: p.filters)
        }
        epilogue(target, rows: rows, filters: p.filters, bias: bias?.base, activation: activation)
      }
    }
    if cancellation?.isCancelled == true { throw TensorError.cancelled }
  }

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

  /// Writes the patches of `rows` output pixels, starting at `firstPixel`, for one group:
  /// one row of `kh * kw * C / groups` values per pixel, in the kernel's `(kh, kw, c)` order,
  /// zeros where the window hangs over the padding.
  static func im2col(
    _ p: ConvProblem, x: UnsafePointer<Float>, group: Int, firstPixel: Int, rows: Int,
    into panel: UnsafeMutablePointer<Float>
  ) {
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
          dst.update(repeating: 0, count: rowSpan)
          continue
        }
        let source = x + (n * p.height + ih) * p.width * p.channels + group * cg
        if contiguous {
          let j0 = max(0, -iw0)
          let j1 = min(p.kernelWidth, p.width - iw0)
          if j1 <= j0 {
            dst.update(repeating: 0, count: rowSpan)
            continue
          }
          if j0 > 0 { dst.update(repeating: 0, count: j0 * cg) }
          (dst + j0 * cg).update(from: source + (iw0 + j0) * cg, count: (j1 - j0) * cg)
          if j1 < p.kernelWidth { (dst + j1 * cg).update(repeating: 0, count: (p.kernelWidth - j1) * cg) }
        } else {
          for j in 0..<p.kernelWidth {
            let iw = iw0 + j * p.dilationW
            if iw < 0 || iw >= p.width {
              (dst + j * cg).update(repeating: 0, count: cg)
            } else {
              (dst + j * cg).update(from: source + iw * p.channels, count: cg)
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
