import Synchronization

/// Direct convolution: a GEMM whose rows are output pixels (over N, OH, OW), whose columns
/// are filters, and whose reduction runs over `(kh, kw, c)` in the order of the Keras
/// kernel, so the kernel tensor already is the `K x filters` matrix. Patches are not
/// unfolded: each pixel of a 6 x 16 register tile (`ConvTile`) reads its window straight
/// from the channels-last input, as runs of consecutive values (a whole window row when the
/// layer is neither dilated nor grouped). Only pixels whose window hangs over the padding
/// have their window copied, zeros included, into a small buffer, and read from there.
///
/// Weights are packed into panels of 16 filters (the last one of each group zero-filled),
/// once per kernel (`PackedWeightsCache` keeps them for the next call), cut into depth
/// blocks of 256 reduction steps: 16 KiB, which stay in L1 while a block of pixels runs
/// through them. A pixel block is sized so that its outputs
/// and one depth block of its inputs stay in the core's L2. Threads take work items (a
/// pixel block times a range of panels) in turn from a shared counter.
struct DirectConvolution: Sendable {
  var p: ConvProblem
  /// Filters per panel: the register tile's width, 8 for groups of at most 8 filters
  /// (`NarrowConvTile`), 16 otherwise (`ConvTile`).
  var width: Int
  /// Panels per group.
  var panels: Int
  var panelsPerItem: Int
  var pixelBlock: Int
  /// Border pixels unfolded at a time (0 when every window lies inside the image).
  var edgeBlock: Int
  var workers: Int

  static let depthBlock = 256

  var totalPanels: Int { p.groups * panels }
  var pixelItems: Int { (p.pixels + pixelBlock - 1) / pixelBlock }
  var panelItems: Int { (totalPanels + panelsPerItem - 1) / panelsPerItem }

  init(problem p: ConvProblem, threads: Int) {
    self.p = p
    width = p.groupFilters <= NarrowConvTile.columns ? NarrowConvTile.columns : ConvTile.columns
    panels = (p.groupFilters + width - 1) / width
    let totalPanels = p.groups * panels
    let float = MemoryLayout<Float>.stride
    // Threads share out filters when the weights outweigh the image, so that each core
    // streams only its own part of them; otherwise pixels.
    let weightBytes = totalPanels * p.patchLength * width * float
    let imageBytes = p.batch * p.height * p.width * p.channels * float
    let splitFilters = threads > 1 && totalPanels >= threads && weightBytes > imageBytes
    panelsPerItem = splitFilters ? (totalPanels + threads - 1) / threads : totalPanels
    let bytesPerPixel = (panelsPerItem * width + min(Self.depthBlock, p.patchLength)) * float
    let block = max(4 * ConvTile.rows, ConvolutionTuning.blockBytes / bytesPerPixel / ConvTile.rows * ConvTile.rows)
    // When pixels are what the threads share: at least a few blocks per thread, so that a
    // thread slowed by other work does not hold up the rest, and a multiple of the thread
    // count. Blocks of near-equal size in any case.
    var blocks = max(1, (p.pixels + block - 1) / block)
    if !splitFilters && threads > 1 { blocks = (max(blocks, 4 * threads) + threads - 1) / threads * threads }
    let tiles = (p.pixels + ConvTile.rows - 1) / ConvTile.rows
    blocks = min(blocks, tiles)
    pixelBlock = max(1, (tiles + blocks - 1) / blocks) * ConvTile.rows
    // Windows reach past the image only with padding, or when the last window of a row or
    // column does (explicit padding after the image); otherwise no pixel is unfolded.
    let border =
      p.padTop > 0 || p.padLeft > 0
      || (p.outHeight - 1) * p.strideH - p.padTop + (p.kernelHeight - 1) * p.dilationH >= p.height
      || (p.outWidth - 1) * p.strideW - p.padLeft + (p.kernelWidth - 1) * p.dilationW >= p.width
    let windowBytes = p.kernelHeight * p.kernelWidth * p.channels * float
    edgeBlock = border ? min(pixelBlock, max(ConvTile.rows, ConvolutionTuning.blockBytes / max(1, windowBytes))) : 0
    let items = ((p.pixels + pixelBlock - 1) / pixelBlock) * ((totalPanels + panelsPerItem - 1) / panelsPerItem)
    workers = max(1, min(threads, items))
  }

  /// A worker's scratch: origins and outputs of a pixel block and of a batch of border
  /// pixels, then those border pixels' unfolded windows.
  var workerFloats: Int {
    2 * pointerFloats(pixelBlock) + 2 * pointerFloats(edgeBlock) + edgeBlock * windowFloats
  }
  /// One unfolded window: `(kh, kw, C)`, every group's channels.
  var windowFloats: Int { p.kernelHeight * p.kernelWidth * p.channels }
  /// The packed weights (each depth block of each panel as rows of `width`), then every panel's biases.
  var packedFloats: Int { totalPanels * (p.patchLength + 1) * width }
  var workspaceBytes: Int {
    (packedFloats + workers * workerFloats) * MemoryLayout<Float>.stride + MemoryLayout<Int>.stride * runCapacity
  }

  /// Whether a window row is one run: all channels of `kw` neighbouring pixels.
  var mergedRows: Bool { p.dilationW == 1 && p.groupChannels == p.channels }
  /// Runs before depth blocks cut them: per window row, or per window position.
  var wholeRuns: (count: Int, length: Int) {
    mergedRows ? (p.kernelHeight, p.kernelWidth * p.channels) : (p.kernelHeight * p.kernelWidth, p.groupChannels)
  }
  /// Runs once cut at depth-block boundaries (an upper bound).
  var runPieces: Int { wholeRuns.count * ((wholeRuns.length + Self.depthBlock - 1) / Self.depthBlock) }
  /// The run tables: `(offset, length)` per run in the input, the same in an unfolded
  /// window, then `(first run, first reduction index)` per depth block and a closing pair.
  var runCapacity: Int { 6 * runPieces + 2 }

  /// Writes the reduction into `table` as runs `(offset, length)`: `length` consecutive
  /// values at `offset` from a pixel's window origin, in the kernel's `(kh, kw, c)` order,
  /// cut so that no depth block holds more than `depthBlock` values. The input's runs come
  /// first; from `2 * runPieces`, the same runs in a window unfolded as `(kh, kw, C)`; from
  /// `4 * runPieces`, the blocks. Returns the number of blocks.
  func segments(into table: UnsafeMutablePointer<Int>) -> Int {
    let (count, length) = wholeRuns
    let unfolded = table + 2 * runPieces
    let blocks = table + 4 * runPieces
    (blocks[0], blocks[1]) = (0, 0)
    var (runs, blockCount, filled, k) = (0, 1, 0, 0)
    for index in 0..<count {
      let (i, j) = mergedRows ? (index, 0) : (index / p.kernelWidth, index % p.kernelWidth)
      let offset = (i * p.dilationH * p.width + j * p.dilationW) * p.channels
      let compact = (i * p.kernelWidth + j) * p.channels
      var done = 0
      while done < length {
        let piece = min(length - done, Self.depthBlock)
        if filled > 0 && filled + piece > Self.depthBlock {
          (blocks[2 * blockCount], blocks[2 * blockCount + 1]) = (runs, k)
          blockCount += 1
          filled = 0
        }
        (table[2 * runs], table[2 * runs + 1]) = (offset + done, piece)
        (unfolded[2 * runs], unfolded[2 * runs + 1]) = (compact + done, piece)
        runs += 1
        filled += piece
        done += piece
        k += piece
      }
    }
    (blocks[2 * blockCount], blocks[2 * blockCount + 1]) = (runs, k)
    return blockCount
  }

  /// What the packed weights depend on besides their values: the key under which
  /// `PackedWeightsCache` keeps them.
  var packingLayout: [Int] { [width, p.groups, p.kernelHeight, p.kernelWidth, p.channels, p.filters, p.dilationW] }

  /// Packs the weights and biases into `packedFloats` floats at `packed`, as `run` reads them.
  func packWeights(w: SharedPointer, bias: SharedPointer?, into packed: UnsafeMutablePointer<Float>) {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: runCapacity) { table in
      let blockCount = segments(into: table.baseAddress!)
      let blocks = SharedInts(table.baseAddress! + 4 * runPieces)
      let target = SharedPointer(packed)
      // Packing a few hundred KiB is not worth waking a second core for.
      Parallelism.forEachRange(totalPanels, grain: max(1, (256 << 10) / ((p.patchLength + 1) * width * 4))) { range in
        for t in range {
          pack(panel: t, w: w.base, bias: bias?.base, blocks: blocks.base, blockCount: blockCount, into: target.base)
        }
      }
    }
  }

  func run(x: SharedPointer, packed: SharedPointer, out: SharedPointer, activation: Activation, cancellation: CancellationFlag?) {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: runCapacity) { table in
      let table = SharedInts(table.baseAddress!)
      let blockCount = segments(into: table.base)
      let items = pixelItems * panelItems
      let next = Atomic<Int>(0)
      Parallelism.forEachWorker(maximum: workers) { _, _ in
        withWorkspace(workerFloats) { scratch in
          let worker = Worker(
            self, x: x.base, packed: packed.base, out: out.base, table: table.base, blockCount: blockCount,
            scratch: scratch.base, activation: activation)
          while cancellation?.isCancelled != true {
            let item = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard item < items else { return }
            let first = (item / panelItems) * pixelBlock
            let panelItem = item % panelItems
            compute(
              pixels: first..<min(p.pixels, first + pixelBlock),
              panels: panelItem * panelsPerItem..<min(totalPanels, (panelItem + 1) * panelsPerItem), worker)
          }
        }
      }
    }
  }

  /// What one thread computes with: shared tables, and its own lists of pixels.
  struct Worker {
    var x, packed, out: UnsafeMutablePointer<Float>
    var table: UnsafeMutablePointer<Int>
    var blockCount: Int
    var origins, outputs, edgeOrigins, edgeOutputs: UnsafeMutablePointer<UnsafeMutablePointer<Float>>
    var windows: UnsafeMutablePointer<Float>
    var activation: Activation

    /// Carves `scratch` (`workerFloats` of the plan) into the pointer lists and the windows.
    init(
      _ plan: DirectConvolution, x: UnsafeMutablePointer<Float>, packed: UnsafeMutablePointer<Float>,
      out: UnsafeMutablePointer<Float>, table: UnsafeMutablePointer<Int>, blockCount: Int,
      scratch: UnsafeMutablePointer<Float>, activation: Activation
    ) {
      (self.x, self.packed, self.out, self.table, self.blockCount) = (x, packed, out, table, blockCount)
      self.activation = activation
      func list(_ at: UnsafeMutablePointer<Float>) -> UnsafeMutablePointer<UnsafeMutablePointer<Float>> {
        UnsafeMutableRawPointer(at).assumingMemoryBound(to: UnsafeMutablePointer<Float>.self)
      }
      let (block, edge) = (pointerFloats(plan.pixelBlock), pointerFloats(plan.edgeBlock))
      origins = list(scratch)
      outputs = list(scratch + block)
      edgeOrigins = list(scratch + 2 * block)
      edgeOutputs = list(scratch + 2 * block + edge)
      windows = scratch + 2 * block + 2 * edge
    }
  }

  /// Panel `t` (group `t / panels`, 16 of its filters) as rows of 16 weights, zeros past the
  /// group's filters, depth block after depth block (each holding every panel, so that the
  /// panel loop inside the depth loop reads them in order), and its 16 biases after all the panels.
  func pack(
    panel t: Int, w: UnsafeMutablePointer<Float>, bias: UnsafeMutablePointer<Float>?, blocks: UnsafeMutablePointer<Int>,
    blockCount: Int, into packed: UnsafeMutablePointer<Float>
  ) {
    let first = (t % panels) * width
    let filled = min(width, p.groupFilters - first)
    let column = (t / panels) * p.groupFilters + first
    for block in 0..<blockCount {
      let k0 = blocks[2 * block + 1]
      let depth = blocks[2 * block + 3] - k0
      let target = packed + packedOffset(panel: t, k0: k0, depth: depth)
      for row in 0..<depth {
        let source = w + (k0 + row) * p.filters + column
        let to = target + row * width
        if filled % 8 == 0 {
          for v in stride(from: 0, to: filled, by: 8) {
            UnsafeMutableRawPointer(to + v).storeBytes(
              of: UnsafeRawPointer(source + v).loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
          }
        } else {
          for j in 0..<filled { to[j] = source[j] }
        }
        for j in filled..<width { to[j] = 0 }
      }
    }
    let biases = packed + (totalPanels * p.patchLength + t) * width
    for j in 0..<width { biases[j] = j < filled ? bias.map { $0[column + j] } ?? 0 : 0 }
  }

  @inline(__always)
  func packedOffset(panel t: Int, k0: Int, depth: Int) -> Int { (k0 * totalPanels + t * depth) * width }

  /// Output pixels `pixels` for filter panels `panelRange`: pixels whose window lies inside
  /// the image read it in place; the others are unfolded first, a batch at a time.
  func compute(pixels: Range<Int>, panels panelRange: Range<Int>, _ worker: Worker) {
    var cursor = GridCursor(pixelsOf: p, first: pixels.lowerBound)
    var (inside, outside) = (0, 0)
    for m in pixels {
      let n = cursor.image
      let top = cursor.row * p.strideH - p.padTop
      let left = cursor.column * p.strideW - p.padLeft
      let output = worker.out + m * p.filters
      if top >= 0, left >= 0, top + (p.kernelHeight - 1) * p.dilationH < p.height,
        left + (p.kernelWidth - 1) * p.dilationW < p.width
      {
        worker.origins[inside] = worker.x + ((n * p.height + top) * p.width + left) * p.channels
        worker.outputs[inside] = output
        inside += 1
      } else {
        let window = worker.windows + outside * windowFloats
        unfold(image: n, top: top, left: left, from: worker.x, into: window)
        worker.edgeOrigins[outside] = window
        worker.edgeOutputs[outside] = output
        outside += 1
        if outside == edgeBlock {
          multiply(worker.edgeOrigins, worker.edgeOutputs, count: outside, unfolded: true, panelRange, worker)
          outside = 0
        }
      }
      cursor.advance()
    }
    multiply(worker.origins, worker.outputs, count: inside, unfolded: false, panelRange, worker)
    multiply(worker.edgeOrigins, worker.edgeOutputs, count: outside, unfolded: true, panelRange, worker)
  }

  /// The window of the pixel whose window starts at row `top`, column `left` of `image`,
  /// as `(kh, kw, C)` values with zeros where it hangs over the padding.
  func unfold(image: Int, top: Int, left: Int, from x: UnsafeMutablePointer<Float>, into window: UnsafeMutablePointer<Float>) {
    let c = p.channels
    for i in 0..<p.kernelHeight {
      let ih = top + i * p.dilationH
      for j in 0..<p.kernelWidth {
        let iw = left + j * p.dilationW
        let target = window + (i * p.kernelWidth + j) * c
        if ih >= 0, ih < p.height, iw >= 0, iw < p.width {
          copyFloats(target, x + ((image * p.height + ih) * p.width + iw) * c, c)
        } else {
          zeroFloats(target, c)
        }
      }
    }
  }

  /// Runs a list of pixels (their window origins and output rows) through every depth block
  /// and panel. The list is padded to whole tiles by repeating its last pixel, which only
  /// writes that pixel's outputs a second time with the same values.
  func multiply(
    _ origins: UnsafeMutablePointer<UnsafeMutablePointer<Float>>, _ outputs: UnsafeMutablePointer<UnsafeMutablePointer<Float>>,
    count: Int, unfolded: Bool, _ panelRange: Range<Int>, _ worker: Worker
  ) {
    guard count > 0 else { return }
    if width == ConvTile.columns {
      multiply(ConvTile.self, origins, outputs, count: count, unfolded: unfolded, panelRange, worker)
    } else {
      multiply(NarrowConvTile.self, origins, outputs, count: count, unfolded: unfolded, panelRange, worker)
    }
  }

  /// `multiply` with the tile type fixed, so the compiler specialises the loop for each width.
  func multiply<T: RegisterTile>(
    _ type: T.Type, _ origins: UnsafeMutablePointer<UnsafeMutablePointer<Float>>,
    _ outputs: UnsafeMutablePointer<UnsafeMutablePointer<Float>>, count: Int, unfolded: Bool, _ panelRange: Range<Int>,
    _ worker: Worker
  ) {
    let tiles = (count + ConvTile.rows - 1) / ConvTile.rows
    for r in count..<tiles * ConvTile.rows {
      origins[r] = origins[count - 1]
      outputs[r] = outputs[count - 1]
    }
    let runs = worker.table + (unfolded ? 2 * runPieces : 0)
    let blocks = worker.table + 4 * runPieces
    for block in 0..<worker.blockCount {
      let firstRun = blocks[2 * block]
      let runCount = blocks[2 * block + 2] - firstRun
      let k0 = blocks[2 * block + 1]
      let depth = blocks[2 * block + 3] - k0
      for t in panelRange {
        let group = t / panels
        let firstFilter = (t % panels) * width
        let weights = UnsafePointer(worker.packed + packedOffset(panel: t, k0: k0, depth: depth))
        let bias = UnsafePointer(worker.packed + (totalPanels * p.patchLength + t) * width)
        for tile in 0..<tiles {
          let r = tile * ConvTile.rows
          Self.tile(
            T.self, UnsafeRawPointer(origins + r).assumingMemoryBound(to: UnsafePointer<Float>.self), outputs + r,
            shift: group * p.groupChannels, runs: runs + 2 * firstRun, runCount: runCount, weights: weights, bias: bias,
            column: group * p.groupFilters + firstFilter, columns: min(width, p.groupFilters - firstFilter),
            first: block == 0, last: block == worker.blockCount - 1, activation: worker.activation)
        }
      }
    }
  }

  /// One register tile over one depth block. The first block starts from the bias, later
  /// ones from the partial sums stored before; the last applies the activation. A panel cut
  /// short by the group's last filter stores only its filters, and goes through a scratch
  /// tile when its reduction takes several depth blocks.
  @inline(__always)
  static func tile<T: RegisterTile>(
    _ type: T.Type, _ origins: UnsafePointer<UnsafePointer<Float>>, _ outputs: UnsafeMutablePointer<UnsafeMutablePointer<Float>>,
    shift: Int, runs: UnsafeMutablePointer<Int>, runCount: Int, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    column: Int, columns: Int, first: Bool, last: Bool, activation: Activation
  ) {
    if columns == T.columns {
      var acc = first ? T(bias: bias) : T(loading: outputs, offset: column)
      acc.accumulate(origins, shift: shift, segments: runs, count: runCount, weights: weights)
      if last { acc.activate(activation) }
      acc.store(outputs, offset: column)
      return
    }
    if first && last {
      var acc = T(bias: bias)
      acc.accumulate(origins, shift: shift, segments: runs, count: runCount, weights: weights)
      acc.activate(activation)
      acc.store(outputs, offset: column, count: columns)
      return
    }
    withUnsafeTemporaryAllocation(of: Float.self, capacity: T.rows * T.columns) { scratch in
      withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<Float>.self, capacity: T.rows) { rows in
        let (scratch, rows) = (scratch.baseAddress!, rows.baseAddress!)
        for r in 0..<T.rows {
          rows[r] = scratch + r * T.columns
          if !first { for j in 0..<columns { rows[r][j] = outputs[r][column + j] } }
        }
        var acc = first ? T(bias: bias) : T(loading: rows, offset: 0)
        acc.accumulate(origins, shift: shift, segments: runs, count: runCount, weights: weights)
        if last { acc.activate(activation) }
        acc.store(rows, offset: 0)
        for r in 0..<T.rows { for j in 0..<columns { outputs[r][column + j] = rows[r][j] } }
      }
    }
  }
}

/// Room for the pointers of a list of `count` pixels (two floats each), rounded up to whole tiles.
private func pointerFloats(_ count: Int) -> Int { 2 * (count + 2 * ConvTile.rows) }

/// Scratch memory for `floats` values, on the stack when it is small, aligned to a cache line.
@inline(__always)
func withWorkspace<R>(_ floats: Int, _ body: (SharedPointer) -> R) -> R {
  withUnsafeTemporaryAllocation(byteCount: max(floats, 1) * MemoryLayout<Float>.stride, alignment: 64) {
    body(SharedPointer($0.baseAddress!.assumingMemoryBound(to: Float.self)))
  }
}

struct SharedInts: @unchecked Sendable {
  let base: UnsafeMutablePointer<Int>
  init(_ base: UnsafeMutablePointer<Int>) { self.base = base }
}
