import Synchronization

/// Knobs of the convolution's tiling, public so that the benchmark can sweep them.
public enum ConvolutionTuning {
  private static let panel = Atomic<Int>(512 << 10)
  private static let serial = Atomic<Int>(1 << 21)

  /// Target size in bytes of one thread's im2col panel (rows of patches). The panel is
  /// written and then read by GEMM on the same core, so it should stay in that core's cache.
  public static var panelBytes: Int {
    get { panel.load(ordering: .relaxed) }
    set { panel.store(max(4096, newValue), ordering: .relaxed) }
  }

  /// Below this many multiply-adds a convolution stays on the calling thread: waking a
  /// second core costs more than it saves on a LeNet-sized layer.
  public static var serialMACs: Int {
    get { serial.load(ordering: .relaxed) }
    set { serial.store(max(0, newValue), ordering: .relaxed) }
  }
}

extension Ops {
  /// 2-D cross-correlation (what deep learning calls convolution), channels-last.
  /// A `(kh, kw)` kernel on an `(H, W)` image gives an `(OH, OW)` map; a full kernel is
  /// Keras's `(kh, kw, C_in / groups, C_out)`. Runs as tiled im2col + SGEMM (see `ConvPlan`),
  /// adding the bias and applying `activation` while each tile is in cache.
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
    let plan = ConvPlan(problem: p)
    return try Tensor.make(operation: operation, shape: p.outputShape, workspaceBytes: plan.workspaceBytes) { out in
      try input.values.withUnsafeBufferPointer { x in
        try kernel.values.withUnsafeBufferPointer { w in
          try (bias?.values ?? []).withUnsafeBufferPointer { b in
            guard let x = x.baseAddress, let w = w.baseAddress else {
              // No input channels: every output is the bias alone.
              out.update(repeating: 0, count: p.pixels * p.filters)
              epilogue(out, rows: p.pixels, filters: p.filters, bias: bias == nil ? nil : b.baseAddress, activation: activation)
              return
            }
            let kernels = ConvKernels(
              p: p, plan: plan, x: SharedPointer(x), w: SharedPointer(w),
              bias: bias == nil ? nil : b.baseAddress.map(SharedPointer.init), out: SharedPointer(out),
              activation: activation, cancellation: cancellation)
            switch plan.strategy {
            case .rowTiles: kernels.runRowTiles()
            case .sharedPanel: kernels.runSharedPanel()
            case .channelsFirst: kernels.runChannelsFirst()
            case .shiftedRows: kernels.runShiftedRows()
            case .direct:
              plan.direct!.run(
                x: SharedPointer(x), w: SharedPointer(w), bias: bias == nil ? nil : b.baseAddress.map(SharedPointer.init),
                out: SharedPointer(out), activation: activation, cancellation: cancellation)
            }
            if cancellation?.isCancelled == true { throw TensorError.cancelled }
          }
        }
      }
    }
  }
}

/// How a convolution is cut into GEMM calls.
///
/// - `rowTiles`: each thread takes its own tiles of output pixels, unfolds their patches into
///   a panel that stays in its cache, and multiplies it by the whole kernel matrix. Best when
///   there are many pixels and few filters (early layers).
/// - `sharedPanel`: the threads unfold one panel of pixels together, then each multiplies it
///   by its own share of the filters. Best when there are more filters than pixels per thread
///   (late layers such as 14x14x512), where row tiles would make every thread pack the
///   whole kernel matrix.
///
/// - `channelsFirst`: for small layers with few channels and few filters (LeNet's first
///   layer), patches are unfolded transposed, one row per kernel tap holding every pixel, so
///   they are copied as whole image rows rather than a handful of floats at a time, and GEMM
///   runs with the long pixel axis as its wide side. The result is transposed back.
///
/// - `shiftedRows`: stride 1 without dilation needs no unfolding at all. In a zero-padded
///   copy of the input, the patches of every `kw`-th output position (counting along the
///   padded rows) lie side by side, so for each residue and each kernel row the patch matrix
///   is the padded input itself read with a row stride of `kw * C`. GEMM accumulates the `kh`
///   kernel rows into a band of outputs that includes `kw - 1` throw-away columns per row,
///   which are dropped when the band is copied out.
///
/// 1x1 stride-1 convolutions skip the unfolding: the input already is the patch matrix.
struct ConvPlan: Sendable {
  enum Strategy: Sendable { case rowTiles, sharedPanel, channelsFirst, shiftedRows, direct }

  var strategy: Strategy
  var pointwise: Bool
  var rowsPerTile: Int
  var tiles: Int
  var workers: Int
  var workspaceBytes: Int
  /// Output rows per band and bands per image (`shiftedRows` only).
  var bandRows = 0
  var bandsPerImage = 0
  var direct: DirectConvolution?

  /// A shared panel never grows past this; larger problems are cut into row chunks.
  static let sharedPanelLimit = 32 << 20

  /// Band size for `shiftedRows`, or nil when the layer does not suit it: strided, dilated or
  /// grouped layers, patch rows too short for GEMM (`kw * C` under 64), or bands too short to
  /// amortise BLAS packing the kernel rows on every call.
  static func shiftedBands(_ p: ConvProblem, threads: Int, pointwise: Bool) -> (rows: Int, perImage: Int)? {
    guard !pointwise, p.strideH == 1, p.strideW == 1, p.dilationH == 1, p.dilationW == 1, p.groups == 1,
      p.kernelWidth * p.channels >= 64, p.outHeight > 0, p.outWidth > 0
    else { return nil }
    let paddedWidth = p.outWidth + p.kernelWidth - 1
    let rowBytes = paddedWidth * p.filters * MemoryLayout<Float>.stride
    let wanted = max(1, ConvolutionTuning.panelBytes / rowBytes, (4 * p.filters * p.kernelWidth + paddedWidth - 1) / paddedWidth)
    var perImage = max(1, p.outHeight / min(wanted, p.outHeight))
    if p.batch * perImage < threads { perImage = min(p.outHeight, (threads + p.batch - 1) / p.batch) }
    let rows = (p.outHeight + perImage - 1) / perImage
    perImage = (p.outHeight + rows - 1) / rows
    guard rows * paddedWidth / p.kernelWidth >= 4 * p.filters else { return nil }
    return (rows, perImage)
  }

  init(problem p: ConvProblem) {
    pointwise =
      p.kernelHeight == 1 && p.kernelWidth == 1 && p.strideH == 1 && p.strideW == 1 && p.padTop == 0
      && p.padLeft == 0 && p.groups == 1
    let macs = p.pixels * p.filters * p.patchLength
    let threads = macs < ConvolutionTuning.serialMACs ? 1 : Parallelism.threadCount
    let rowBytes = max(p.patchLength * MemoryLayout<Float>.stride, 1)
    if DirectTuning.strategy == 1 {
      let d = DirectConvolution(problem: p, threads: threads)
      strategy = .direct
      direct = d
      (rowsPerTile, tiles, workers) = (0, 0, d.workers)
      workspaceBytes = d.workspaceBytes
      return
    }
    if threads == 1, p.groups == 1, p.filters < 16, p.groupChannels * p.kernelWidth < 16 {
      strategy = .channelsFirst
      (rowsPerTile, tiles, workers) = (p.pixels, 1, 1)
      workspaceBytes = (p.patchLength + p.filters) * p.pixels * MemoryLayout<Float>.stride
      return
    }
    if threads > 1, p.groupFilters >= 32 * threads, p.groupFilters * threads > p.pixels {
      strategy = .sharedPanel
      rowsPerTile = max(1, min(p.pixels, Self.sharedPanelLimit / rowBytes))
      tiles = (p.pixels + rowsPerTile - 1) / rowsPerTile
      workers = threads
      workspaceBytes = pointwise ? 0 : rowsPerTile * rowBytes
      return
    }
    if let bands = Self.shiftedBands(p, threads: threads, pointwise: pointwise) {
      strategy = .shiftedRows
      (bandRows, bandsPerImage) = bands
      (rowsPerTile, tiles) = (bandRows, p.batch * bandsPerImage)
      workers = min(threads, tiles)
      let paddedWidth = p.outWidth + p.kernelWidth - 1
      let padded = p.batch * (p.outHeight + p.kernelHeight - 1) * paddedWidth * p.channels + p.kernelWidth * p.channels
      workspaceBytes = (padded + workers * bandRows * paddedWidth * p.filters) * MemoryLayout<Float>.stride
      return
    }
    strategy = .rowTiles
    // BLAS packs the kernel matrix again on every call, so a tile needs at least about twice
    // as many rows as there are filters for that copy to stay small next to the arithmetic;
    // past that, rows only need to fill the panel size. The count is then evened out so
    // that every thread gets the same number of tiles.
    let target = max(32, ConvolutionTuning.panelBytes / rowBytes, 2 * p.groupFilters)
    let tilesPerThread = max(1, (p.pixels + threads * target - 1) / (threads * target))
    var rows = (p.pixels + threads * tilesPerThread - 1) / (threads * tilesPerThread)
    if rows > 16 { rows = (rows + 15) / 16 * 16 }
    rows = max(1, min(rows, p.pixels))
    rowsPerTile = rows
    tiles = (p.pixels + rows - 1) / rows
    workers = min(threads, tiles)
    workspaceBytes = pointwise ? 0 : workers * rows * rowBytes
  }
}
