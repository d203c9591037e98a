import Glibc
import Synchronization

/// Direct convolution: a GEMM whose rows are output pixels (over N, OH, OW), whose columns
/// are filters, and whose reduction runs over `(kh, kw, c)` in the order of the Keras
/// kernel, so the kernel tensor already is the `K x filters` matrix. Patches are never
/// unfolded: each pixel of a register tile reads its window straight from the input (or,
/// when the layer pads, from a zero-padded copy of a band of rows) as runs of consecutive
/// values, and BLAS is not involved.
///
/// The work is cut into items, each a range of pixels (a band of output rows when the layer
/// pads) times a range of 16-filter panels, which the threads take in turn. Inside an item,
/// pixels go in blocks small enough that their outputs and one depth block of their inputs
/// stay in the core's L2 while the packed weights stream past them, 256 reduction steps at
/// a time (16 KiB of weights, which stay in L1 across the block's tiles).
struct DirectConvolution: Sendable {
  var p: ConvProblem
  /// Columns of the image the pixels read from: the input's, or the padded band's.
  var sourceWidth: Int
  var padded: Bool
  /// Output rows per band and bands per image (padded layers); pixels per item otherwise.
  var bandRows: Int
  var bandsPerImage: Int
  var itemPixels: Int
  /// 16-filter panels per group, the last one zero-filled past the group's filters.
  var panels: Int
  var panelsPerItem: Int
  var pixelBlock: Int
  var workers: Int

  static let depthBlock = 256

  var totalPanels: Int { p.groups * panels }
  var pixelItems: Int { padded ? p.batch * bandsPerImage : (p.pixels + itemPixels - 1) / itemPixels }
  var panelItems: Int { (totalPanels + panelsPerItem - 1) / panelsPerItem }

  init(problem p: ConvProblem, threads: Int) {
    self.p = p
    let neededRows = (p.outHeight - 1) * p.strideH + (p.kernelHeight - 1) * p.dilationH + 1
    let neededColumns = (p.outWidth - 1) * p.strideW + (p.kernelWidth - 1) * p.dilationW + 1
    padded = p.padTop > 0 || p.padLeft > 0 || neededRows > p.height || neededColumns > p.width
    sourceWidth = padded ? neededColumns : p.width
    panels = (p.groupFilters + ConvTile.columns - 1) / ConvTile.columns
    let totalPanels = p.groups * panels
    let float = MemoryLayout<Float>.stride
    // Threads share out filters when the weights outweigh the image, so that each core
    // reads only its own half of them; otherwise pixels.
    let weightBytes = totalPanels * p.patchLength * ConvTile.columns * float
    let imageBytes = p.batch * p.height * p.width * p.channels * float
    let splitFilters = threads > 1 && totalPanels >= threads && weightBytes > imageBytes
    panelsPerItem = splitFilters ? (totalPanels + threads - 1) / threads : totalPanels
    let bytesPerPixel = (panelsPerItem * ConvTile.columns + min(Self.depthBlock, p.patchLength)) * float
    pixelBlock = max(4 * ConvTile.rows, DirectTuning.l2Bytes / bytesPerPixel / ConvTile.rows * ConvTile.rows)
    // Several items per thread, so that a thread slowed by other work does not hold up the rest.
    let wantedItems = splitFilters ? 1 : 4 * threads
    if padded {
      let rowBytes = sourceWidth * p.channels * float
      let window = (p.kernelHeight - 1) * p.dilationH + 1
      var rows = max(1, (ConvolutionTuning.bandBytes / rowBytes - window) / p.strideH + 1)
      rows = min(rows, max(1, p.outHeight * p.batch / wantedItems))
      bandsPerImage = (p.outHeight + rows - 1) / rows
      bandRows = (p.outHeight + bandsPerImage - 1) / bandsPerImage
      itemPixels = 0
    } else {
      (bandRows, bandsPerImage) = (0, 0)
      let tiles = (p.pixels + ConvTile.rows - 1) / ConvTile.rows
      itemPixels = max(1, (tiles + wantedItems - 1) / wantedItems) * ConvTile.rows
    }
    let pixelItems = padded ? p.batch * bandsPerImage : (p.pixels + itemPixels - 1) / itemPixels
    workers = max(1, min(threads, pixelItems * ((totalPanels + panelsPerItem - 1) / panelsPerItem)))
  }

  /// Rows of the padded band a worker fills.
  var bandFloats: Int {
    padded ? ((bandRows - 1) * p.strideH + (p.kernelHeight - 1) * p.dilationH + 1) * sourceWidth * p.channels : 0
  }
  /// The packed weights: each depth block of each panel as rows of 16, then every panel's 16 biases.
  var packedFloats: Int { totalPanels * (p.patchLength + 1) * ConvTile.columns }
  /// A worker's scratch: its pixels' origins (two floats' room each), then its band.
  var originFloats: Int { 2 * (pixelBlock + 2 * ConvTile.rows) }
  var workspaceBytes: Int {
    (packedFloats + workers * (originFloats + bandFloats)) * MemoryLayout<Float>.stride + 8 * runCapacity
  }

  /// Runs before depth blocks cut them: one per window row, or one per window position when
  /// a position's channels are not next to the next position's.
  var mergedRows: Bool { p.dilationW == 1 && p.groupChannels == p.channels }
  var wholeRuns: (count: Int, length: Int) {
    mergedRows
      ? (p.kernelHeight, p.kernelWidth * p.channels) : (p.kernelHeight * p.kernelWidth, p.groupChannels)
  }
  /// Runs once cut at depth-block boundaries (an upper bound).
  var runPieces: Int { wholeRuns.count * ((wholeRuns.length + Self.depthBlock - 1) / Self.depthBlock) }
  /// The run table: `(offset, length)` per run, then `(first run, first index)` per block and a closing pair.
  var runCapacity: Int { 4 * runPieces + 2 }

  /// Writes the reduction into `table` as runs `(offset, length)`: `length` consecutive input
  /// values at `offset` from a pixel's window origin, in the kernel's `(kh, kw, c)` order,
  /// cut so that no depth block holds more than `depthBlock` values; then, from index
  /// `2 * runPieces`, each block's first run and first reduction index, and a closing pair.
  /// Returns the number of blocks.
  func segments(into table: UnsafeMutablePointer<Int>) -> Int {
    let (count, length) = wholeRuns
    let blocks = table + 2 * runPieces
    (blocks[0], blocks[1]) = (0, 0)
    var (runs, blockCount, filled, k) = (0, 1, 0, 0)
    for index in 0..<count {
      let (i, j) = mergedRows ? (index, 0) : (index / p.kernelWidth, index % p.kernelWidth)
      let offset = (i * p.dilationH * sourceWidth + j * p.dilationW) * p.channels
      var done = 0
      while done < length {
        let piece = min(length - done, Self.depthBlock)
        if filled > 0 && filled + piece > Self.depthBlock {
          (blocks[2 * blockCount], blocks[2 * blockCount + 1]) = (runs, k)
          blockCount += 1
          filled = 0
        }
        (table[2 * runs], table[2 * runs + 1]) = (offset + done, piece)
        runs += 1
        filled += piece
        done += piece
        k += piece
      }
    }
    (blocks[2 * blockCount], blocks[2 * blockCount + 1]) = (runs, k)
    return blockCount
  }

  func run(
    x: SharedPointer, w: SharedPointer, bias: SharedPointer?, out: SharedPointer, activation: Activation,
    cancellation: CancellationFlag?
  ) {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: runCapacity) { table in
      let table = SharedInts(table.baseAddress!)
      let blockCount = segments(into: table.base)
      let runs = table
      let blocks = SharedInts(table.base + 2 * runPieces)
      withWorkspace(packedFloats) { packed in
        Parallelism.forEachRange(totalPanels, grain: max(1, (256 << 10) / (p.patchLength * 64 + 64))) { range in
          for t in range {
            pack(panel: t, w: w.base, bias: bias?.base, blocks: blocks.base, blockCount: blockCount, into: packed.base)
          }
        }
        let items = pixelItems * panelItems
        let next = Atomic<Int>(0)
        Parallelism.forEachWorker(maximum: workers) { _, _ in
          withWorkspace(originFloats + bandFloats) { scratch in
            let context = Context(
              packed: packed.base, out: out.base, runs: runs.base, blocks: blocks.base, blockCount: blockCount,
              origins: UnsafeMutableRawPointer(scratch.base).assumingMemoryBound(to: UnsafePointer<Float>.self),
              activation: activation)
            let band = scratch.base + originFloats
            var loadedBand = -1
            while cancellation?.isCancelled != true {
              let item = next.wrappingAdd(1, ordering: .relaxed).oldValue
              guard item < items else { return }
              let pixelItem = item / panelItems
              let panelItem = item % panelItems
              let panelRange = panelItem * panelsPerItem..<min(totalPanels, (panelItem + 1) * panelsPerItem)
              if padded {
                let image = pixelItem / bandsPerImage
                let firstRow = (pixelItem % bandsPerImage) * bandRows
                let rows = min(bandRows, p.outHeight - firstRow)
                if loadedBand != pixelItem {
                  fillBand(image: image, firstRow: firstRow, rows: rows, from: x.base, into: band)
                  loadedBand = pixelItem
                }
                let first = (image * p.outHeight + firstRow) * p.outWidth
                compute(
                  pixels: first..<first + rows * p.outWidth, panels: panelRange, context,
                  origin: { _, oh, ow in
                    UnsafePointer(band + ((oh - firstRow) * p.strideH * sourceWidth + ow * p.strideW) * p.channels)
                  }, cancellation: cancellation)
              } else {
                let first = pixelItem * itemPixels
                compute(
                  pixels: first..<min(p.pixels, first + itemPixels), panels: panelRange, context,
                  origin: { n, oh, ow in
                    UnsafePointer(x.base + ((n * p.height + oh * p.strideH) * p.width + ow * p.strideW) * p.channels)
                  }, cancellation: cancellation)
              }
            }
          }
        }
      }
    }
  }

  /// Pointers one worker computes with.
  struct Context {
    var packed, out: UnsafeMutablePointer<Float>
    var runs, blocks: UnsafeMutablePointer<Int>
    var blockCount: Int
    var origins: UnsafeMutablePointer<UnsafePointer<Float>>
    var activation: Activation
  }

  /// The input rows that output rows `firstRow ..< firstRow + rows` of `image` read, with
  /// the padding written out as zeros.
  func fillBand(
    image: Int, firstRow: Int, rows: Int, from x: UnsafeMutablePointer<Float>, into band: UnsafeMutablePointer<Float>
  ) {
    let c = p.channels
    let w = sourceWidth
    let lines = (rows - 1) * p.strideH + (p.kernelHeight - 1) * p.dilationH + 1
    let left = min(p.padLeft, w)
    let copied = max(0, min(p.width, w - left))
    for line in 0..<lines {
      let dst = band + line * w * c
      let ih = firstRow * p.strideH + line - p.padTop
      guard ih >= 0, ih < p.height else {
        zeroFloats(dst, w * c)
        continue
      }
      let src = x + (image * p.height + ih) * p.width * c
      zeroFloats(dst, left * c)
      copyFloats(dst + left * c, src, copied * c)
      zeroFloats(dst + (left + copied) * c, (w - left - copied) * c)
    }
  }

  /// Where rows `k0 ..< k0 + depth` of panel `t` start in the packed weights: depth block
  /// after depth block, each holding every panel, so that the panel loop inside the depth
  /// loop reads the weights in order.
  @inline(__always)
  func packedOffset(panel t: Int, k0: Int, depth: Int) -> Int {
    (k0 * totalPanels + t * depth) * ConvTile.columns
  }

  /// Panel `t` (group `t / panels`, 16 of its filters) as rows of 16 weights, zeros past the
  /// group's filters, and its 16 biases after all the panels.
  func pack(
    panel t: Int, w: UnsafeMutablePointer<Float>, bias: UnsafeMutablePointer<Float>?, blocks: UnsafeMutablePointer<Int>,
    blockCount: Int, into packed: UnsafeMutablePointer<Float>
  ) {
    let first = (t % panels) * ConvTile.columns
    let width = min(ConvTile.columns, p.groupFilters - first)
    let column = (t / panels) * p.groupFilters + first
    for block in 0..<blockCount {
      let k0 = blocks[2 * block + 1]
      let depth = blocks[2 * block + 3] - k0
      let target = packed + packedOffset(panel: t, k0: k0, depth: depth)
      for row in 0..<depth {
        let source = w + (k0 + row) * p.filters + column
        let to = target + row * ConvTile.columns
        if width == ConvTile.columns {
          let from = UnsafeRawPointer(source)
          let into = UnsafeMutableRawPointer(to)
          into.storeBytes(of: from.loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
          into.storeBytes(
            of: from.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self), toByteOffset: 32, as: SIMD8<Float>.self)
        } else {
          for j in 0..<width { to[j] = source[j] }
          for j in width..<ConvTile.columns { to[j] = 0 }
        }
      }
    }
    let biases = packed + (totalPanels * p.patchLength + t) * ConvTile.columns
    for j in 0..<ConvTile.columns { biases[j] = j < width ? bias.map { $0[column + j] } ?? 0 : 0 }
  }

  @inline(__always)
  func compute(
    pixels: Range<Int>, panels panelRange: Range<Int>, _ ctx: Context,
    origin: (_ n: Int, _ oh: Int, _ ow: Int) -> UnsafePointer<Float>, cancellation: CancellationFlag?
  ) {
    guard !pixels.isEmpty, !panelRange.isEmpty else { return }
    let perImage = p.outHeight * p.outWidth
    // Blocks of near-equal size, whole tiles each, so that no block is a sliver that
    // streams every weight past a handful of pixels.
    let blockCount = (pixels.count + pixelBlock - 1) / pixelBlock
    let tiles = (pixels.count + ConvTile.rows - 1) / ConvTile.rows
    let block = (tiles + blockCount - 1) / blockCount * ConvTile.rows
    var m = pixels.lowerBound
    while m < pixels.upperBound {
      if cancellation?.isCancelled == true { return }
      let rows = min(block, pixels.upperBound - m)
      var n = m / perImage
      var oh = (m % perImage) / p.outWidth
      var ow = m % p.outWidth
      for r in 0..<rows {
        ctx.origins[r] = origin(n, oh, ow)
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
      // A short last tile repeats its last pixel; those rows are computed and not stored.
      for r in rows..<(rows + ConvTile.rows - 1) / ConvTile.rows * ConvTile.rows { ctx.origins[r] = ctx.origins[rows - 1] }
      for depthBlock in 0..<ctx.blockCount {
        let firstRun = ctx.blocks[2 * depthBlock]
        let runCount = ctx.blocks[2 * depthBlock + 2] - firstRun
        let k0 = ctx.blocks[2 * depthBlock + 1]
        let depth = ctx.blocks[2 * depthBlock + 3] - k0
        for t in panelRange {
          let group = t / panels
          let firstFilter = (t % panels) * ConvTile.columns
          let target = ctx.out + m * p.filters + group * p.groupFilters + firstFilter
          var r = 0
          while r < rows {
            tile(
              ctx.origins + r, shift: group * p.groupChannels, runs: ctx.runs + 2 * firstRun, runCount: runCount,
              weights: UnsafePointer(ctx.packed + packedOffset(panel: t, k0: k0, depth: depth)),
              bias: UnsafePointer(ctx.packed + (totalPanels * p.patchLength + t) * ConvTile.columns),
              c: target + r * p.filters, ldc: p.filters, rows: min(ConvTile.rows, rows - r),
              columns: min(ConvTile.columns, p.groupFilters - firstFilter), first: depthBlock == 0,
              last: depthBlock == ctx.blockCount - 1, activation: ctx.activation)
            r += ConvTile.rows
          }
        }
      }
      m += rows
    }
  }

  /// One register tile over one depth block. The first block starts from the bias, later
  /// ones from the partial sums stored before; the last applies the activation. Tiles cut
  /// short by the last pixels or filters go through a scratch tile.
  func tile(
    _ origins: UnsafeMutablePointer<UnsafePointer<Float>>, shift: Int, runs: UnsafeMutablePointer<Int>, runCount: Int,
    weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>, ldc: Int,
    rows: Int, columns: Int, first: Bool, last: Bool, activation: Activation
  ) {
    let full = rows == ConvTile.rows && columns == ConvTile.columns
    withUnsafeTemporaryAllocation(of: Float.self, capacity: ConvTile.rows * ConvTile.columns) { scratch in
      let scratch = scratch.baseAddress!
      let (target, stride) = full ? (c, ldc) : (scratch, ConvTile.columns)
      if !full && !first {
        for r in 0..<rows { for j in 0..<columns { scratch[r * ConvTile.columns + j] = c[r * ldc + j] } }
      }
      var acc: ConvTile
      if first {
        acc = ConvTile(
          UnsafeRawPointer(bias).loadUnaligned(as: SIMD8<Float>.self),
          UnsafeRawPointer(bias + 8).loadUnaligned(as: SIMD8<Float>.self))
      } else {
        acc = ConvTile(loading: target, stride: stride)
      }
      acc.accumulate(UnsafePointer(origins), shift: shift, segments: runs, count: runCount, weights: weights)
      if last { acc.activate(activation) }
      acc.store(target, stride: stride)
      if !full {
        for r in 0..<rows { for j in 0..<columns { c[r * ldc + j] = scratch[r * ConvTile.columns + j] } }
      }
    }
  }
}

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

/// Development knobs (environment overrides while measuring).
public enum DirectTuning {
  nonisolated(unsafe) static var l2Bytes: Int = env("DC_L2", 256 << 10)
  nonisolated(unsafe) static var strategy: Int = env("DC_STRATEGY", 1)

  static func env(_ name: String, _ fallback: Int) -> Int {
    guard let raw = getenv(name) else { return fallback }
    return Int(String(cString: raw)) ?? fallback
  }

  public static func apply(_ spec: String) {
    l2Bytes = env("DC_L2", 256 << 10)
    strategy = env("DC_STRATEGY", 1)
    for item in spec.split(separator: ",") {
      let kv = item.split(separator: "=")
      guard kv.count == 2, let v = Int(kv[1]) else { continue }
      switch kv[0] {
      case "DC_L2": l2Bytes = v
      case "DC_STRATEGY": strategy = v
      default: break
      }
    }
  }
}
