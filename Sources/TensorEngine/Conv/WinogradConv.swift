extension Ops {
  /// A 3x3 stride-1 convolution as Winograd F(2x2, 3x3), laid out by `plan`; bias and
  /// activation are applied as each tile's outputs are written.
  static func convolveWinograd(
    _ p: ConvProblem, plan: WinogradPlan, _ input: Tensor, kernel: Tensor, bias: Tensor?, activation: Activation,
    cancellation: CancellationFlag?, operation: String
  ) throws -> Tensor {
    try Tensor.make(operation: operation, shape: p.outputShape, workspaceBytes: plan.workspaceBytes) { out in
      try input.values.withUnsafeBufferPointer { x in
        try kernel.values.withUnsafeBufferPointer { w in
          try (bias?.values ?? []).withUnsafeBufferPointer { b in
            // Eligibility asks for pixels, channels and filters, so neither buffer is empty.
            guard let x = x.baseAddress, let w = w.baseAddress else { return }
            let conv = WinogradConv(
              p: p, plan: plan, x: SharedPointer(x), w: SharedPointer(w),
              bias: bias == nil ? nil : b.baseAddress.map(SharedPointer.init), out: SharedPointer(out),
              activation: activation, cancellation: cancellation)
            let workspace = WinogradWorkspace.take(floats: plan.workspaceFloats)
            defer { WinogradWorkspace.give(workspace) }
            switch plan.strategy {
            case .tileBlocks: conv.runTileBlocks(workspace.base)
            case .splitFilters: conv.runSplitFilters(workspace.base)
            }
            if cancellation?.isCancelled == true { throw TensorError.cancelled }
          }
        }
      }
    }
  }
}

/// The work of one Winograd convolution call: the transformed weights `U[ξ]` (`C x F` for
/// each of the 16 positions ξ of a transformed 4x4 patch), and per block of tiles the
/// transformed input `V[ξ]` (`tiles x C`), the products `M[ξ] = V[ξ] · U[ξ]` and the outputs.
struct WinogradConv: Sendable {
  var p: ConvProblem
  var plan: WinogradPlan
  var x: SharedPointer
  var w: SharedPointer
  var bias: SharedPointer?
  var out: SharedPointer
  var activation: Activation
  var cancellation: CancellationFlag?

  private var cancelled: Bool { cancellation?.isCancelled == true }

  // Each thread: its own blocks of tiles, all three steps on one core.
  func runTileBlocks(_ workspace: UnsafeMutablePointer<Float>) {
    let (c, f) = (p.channels, p.filters)
    let u = SharedPointer(workspace)
    let buffers = SharedPointer(workspace + 16 * plan.weightSlice)
    Parallelism.forEachRange(plan.filterPanels, grain: max(1, 4096 / (c * 16))) { panels in
      WinogradTransforms.weights(
        WinogradWeights(kernel: w.base, channels: c, filters: f), channels: 0..<c, panels: panels,
        into: u.base + panels.lowerBound * c * WinogradGEMM.panelWidth, panelStride: c * WinogradGEMM.panelWidth,
        slice: plan.weightSlice)
    }
    Parallelism.forEachWorker(maximum: plan.workers) { worker, workers in
      let v = buffers.base + worker * plan.threadFloats
      let m = v + 16 * plan.inputSlice
      let patch = m + 16 * plan.productSlice
      for block in stride(from: worker, to: plan.blocks, by: workers) {
        if cancelled { return }
        let first = block * plan.tilesPerBlock
        let count = min(plan.tilesPerBlock, plan.tiles - first)
        transformInput(firstTile: first, count: count, into: v, patch: patch)
        for xi in 0..<16 {
          WinogradGEMM.multiply(
            rows: count, v: v + xi * plan.inputSlice, lda: c, channels: 0..<c, panels: 0..<plan.filterPanels,
            u: u.base + xi * plan.weightSlice, panelStride: c * WinogradGEMM.panelWidth,
            m: m + xi * plan.productSlice, ldm: plan.productStride)
        }
        transformOutput(firstTile: first, count: count, from: m, filters: 0..<f)
      }
    }
  }

  // All threads: one block's input transformed together, then each thread takes a share of
  // the filter panels. `U` is never stored whole: for each panel and each pass over the
  // channels, the thread transforms just that part of the weights for all 16 ξ into a
  // buffer that stays in its L2 and multiplies the block by it at once. Stored whole, `U`
  // would be 16/9 of the weights (16 MiB for 512 x 512), written to memory and read back
  // for only a few dozen tiles per thread. The taps are first regrouped by panels (each
  // thread copying whole rows of the kernel), see `WinogradTransforms.regroup`.
  func runSplitFilters(_ workspace: UnsafeMutablePointer<Float>) {
    let (c, f) = (p.channels, p.filters)
    let width = WinogradGEMM.panelWidth
    let v = SharedPointer(workspace)
    let m = SharedPointer(v.base + 16 * plan.inputSlice)
    let copy = SharedPointer(m.base + 16 * plan.productSlice)
    let perThread = SharedPointer(copy.base + plan.regroupFloats)
    for block in 0..<plan.blocks {
      if cancelled { return }
      let first = block * plan.tilesPerBlock
      let count = min(plan.tilesPerBlock, plan.tiles - first)
      Parallelism.forEachWorker(maximum: plan.workers) { worker, workers in
        // With the first block, each thread also regroups its share of the kernel's rows.
        if block == 0 {
          let rows = 9 * c * worker / workers..<9 * c * (worker + 1) / workers
          WinogradTransforms.regroup(w.base, channels: c, filters: f, rows: rows, into: copy.base)
        }
        let tiles = count * worker / workers..<count * (worker + 1) / workers
        transformInput(
          firstTile: first + tiles.lowerBound, count: tiles.count, into: v.base + tiles.lowerBound * c,
          patch: perThread.base + worker * plan.threadFloats)
      }
      Parallelism.forEachWorker(maximum: plan.workers) { worker, workers in
        let panels = plan.filterPanels * worker / workers..<plan.filterPanels * (worker + 1) / workers
        let staging = perThread.base + worker * plan.threadFloats + plan.patchFloats
        let source = WinogradWeights(regrouped: copy.base, channels: c, filters: f)
        for panel in panels {
          if cancelled { return }
          for k0 in stride(from: 0, to: c, by: plan.stagedDepth) {
            let channels = k0..<min(k0 + plan.stagedDepth, c)
            WinogradTransforms.weights(
              source, channels: channels, panels: panel..<panel + 1, into: staging, panelStride: 0,
              slice: plan.weightSlice)
            for xi in 0..<16 {
              WinogradGEMM.multiply(
                rows: count, v: v.base + xi * plan.inputSlice, lda: c, channels: channels, panels: panel..<panel + 1,
                u: staging + xi * plan.weightSlice, panelStride: 0, m: m.base + xi * plan.productSlice,
                ldm: plan.productStride)
            }
          }
        }
        let filters = min(f, panels.lowerBound * width)..<min(f, panels.upperBound * width)
        transformOutput(firstTile: first, count: count, from: m.base, filters: filters)
      }
    }
  }

  /// `V` for `count` tiles from `firstTile` on (counting over the batch): tile `t` is row `t`
  /// of each slice, at `v + t * C`. Patches that reach past the image are first copied into
  /// `patch` with zeros outside, which is what any padding means here.
  func transformInput(
    firstTile: Int, count: Int, into v: UnsafeMutablePointer<Float>, patch: UnsafeMutablePointer<Float>
  ) {
    let slice = plan.inputSlice
    let c = p.channels
    var tile = GridCursor(height: plan.tilesHigh, width: plan.tilesWide, first: firstTile)
    let rowStride = p.width * c
    for t in 0..<count {
      let n = tile.image
      let ih = 2 * tile.row - p.padTop
      let iw = 2 * tile.column - p.padLeft
      let dst = v + t * c
      if ih >= 0, ih + 4 <= p.height, iw >= 0, iw + 4 <= p.width {
        let r0 = UnsafePointer(x.base + ((n * p.height + ih) * p.width + iw) * c)
        WinogradTransforms.input(
          rows: r0, r0 + rowStride, r0 + 2 * rowStride, r0 + 3 * rowStride, pixelStride: c, channels: c, into: dst,
          slice: slice)
      } else {
        for r in 0..<4 {
          let row = ih + r
          let target = patch + 4 * r * c
          guard row >= 0, row < p.height else {
            zeroFloats(target, 4 * c)
            continue
          }
          let s0 = max(0, -iw)
          let s1 = min(4, p.width - iw)
          if s1 <= s0 {
            zeroFloats(target, 4 * c)
            continue
          }
          if s0 > 0 { zeroFloats(target, s0 * c) }
          copyFloats(target + s0 * c, x.base + ((n * p.height + row) * p.width + iw + s0) * c, (s1 - s0) * c)
          if s1 < 4 { zeroFloats(target + s1 * c, (4 - s1) * c) }
        }
        let r0 = UnsafePointer(patch)
        WinogradTransforms.input(
          rows: r0, r0 + 4 * c, r0 + 8 * c, r0 + 12 * c, pixelStride: c, channels: c, into: dst, slice: slice)
      }
      tile.advance()
    }
  }

  /// The outputs of `count` tiles for the filters `filters`, from products `M` laid out as
  /// `transformInput` laid out `V` (tile `t` at `m + t * productStride` in each slice).
  func transformOutput(firstTile: Int, count: Int, from m: UnsafePointer<Float>, filters: Range<Int>) {
    guard !filters.isEmpty else { return }
    let slice = plan.productSlice
    // One loop per activation, so that each is inlined into the transform.
    switch activation {
    case .linear: outputTiles(firstTile: firstTile, count: count, from: m, slice: slice, filters: filters) { $0 }
    case .relu:
      outputTiles(firstTile: firstTile, count: count, from: m, slice: slice, filters: filters) {
        $0.replacing(with: 0, where: $0 .<= 0)
      }
    case .leakyRelu(let alpha):
      outputTiles(firstTile: firstTile, count: count, from: m, slice: slice, filters: filters) {
        $0.replacing(with: $0 * alpha, where: $0 .< 0)
      }
    case .tanh:
      outputTiles(firstTile: firstTile, count: count, from: m, slice: slice, filters: filters) { VectorMath.tanh($0) }
    case .sigmoid:
      outputTiles(firstTile: firstTile, count: count, from: m, slice: slice, filters: filters) {
        VectorMath.sigmoid($0)
      }
    }
  }

  @inline(__always)
  private func outputTiles(
    firstTile: Int, count: Int, from m: UnsafePointer<Float>, slice: Int, filters: Range<Int>,
    activation: (SIMD8<Float>) -> SIMD8<Float>
  ) {
    let f = p.filters
    var tile = GridCursor(height: plan.tilesHigh, width: plan.tilesWide, first: firstTile)
    let biasBase = bias.map { UnsafePointer($0.base + filters.lowerBound) }
    for t in 0..<count {
      let n = tile.image
      let oh = 2 * tile.row
      let ow = 2 * tile.column
      WinogradTransforms.output(
        m + t * plan.productStride + filters.lowerBound, slice: slice, filters: filters.count, bias: biasBase,
        into: out.base + ((n * p.outHeight + oh) * p.outWidth + ow) * f + filters.lowerBound, pixelStride: f,
        rowStride: p.outWidth * f, height: min(2, p.outHeight - oh), width: min(2, p.outWidth - ow),
        activation: activation)
      tile.advance()
    }
  }
}
