import Glibc

/// Direct convolution: a GEMM whose rows are output pixels (over N, OH, OW), whose columns
/// are filters, and whose reduction runs over `(kh, kw, c)` in the order of the Keras
/// kernel, so the kernel tensor already is the `K x filters` matrix. Patches are never
/// unfolded: each pixel of a register tile reads its window straight from the input (or,
/// when the layer pads, from a zero-padded copy of a band of rows), as runs of consecutive values.
struct DirectConvolution: Sendable {
  var p: ConvProblem
  /// Columns of the image the pixels read from: the input's, or the padded band's.
  var sourceWidth: Int
  var padded: Bool
  /// Output rows per band (padded layers only) and bands per image.
  var bandRows: Int
  var bandsPerImage: Int
  /// 16-filter panels per group, the last one zero-filled past the group's filters.
  var panels: Int
  var pixelBlock: Int
  var depthBlock: Int
  var workers: Int
  /// Whether the threads share out filter panels rather than pixels.
  var splitFilters: Bool

  init(problem p: ConvProblem, threads: Int) {
    self.p = p
    let neededRows = (p.outHeight - 1) * p.strideH + (p.kernelHeight - 1) * p.dilationH + 1
    let neededColumns = (p.outWidth - 1) * p.strideW + (p.kernelWidth - 1) * p.dilationW + 1
    padded = p.padTop > 0 || p.padLeft > 0 || neededRows > p.height || neededColumns > p.width
    sourceWidth = padded ? neededColumns : p.width
    panels = (p.groupFilters + ConvTile.columns - 1) / ConvTile.columns
    pixelBlock = DirectTuning.pixelBlock
    depthBlock = DirectTuning.depthBlock
    let totalPanels = p.groups * panels
    let weightBytes = totalPanels * p.patchLength * ConvTile.columns * MemoryLayout<Float>.stride
    let imageBytes = p.batch * p.height * p.width * p.channels * MemoryLayout<Float>.stride
    switch DirectTuning.split {
    case 1: splitFilters = false
    case 2: splitFilters = true
    default: splitFilters = totalPanels >= threads && weightBytes > imageBytes
    }
    if padded {
      let rowFloats = sourceWidth * p.channels
      let window = (p.kernelHeight - 1) * p.dilationH + 1
      var rows = max(1, (DirectTuning.bandBytes / (rowFloats * MemoryLayout<Float>.stride) - window) / p.strideH + 1)
      rows = min(rows, p.outHeight)
      if !splitFilters && p.batch * ((p.outHeight + rows - 1) / rows) < threads {
        rows = max(1, p.outHeight * p.batch / threads)
      }
      bandsPerImage = (p.outHeight + rows - 1) / rows
      bandRows = (p.outHeight + bandsPerImage - 1) / bandsPerImage
    } else {
      (bandRows, bandsPerImage) = (p.outHeight, 1)
    }
    let items = splitFilters ? totalPanels : padded ? p.batch * bandsPerImage : (p.pixels + 5) / 6
    workers = max(1, min(threads, items))
  }

  var bandFloats: Int {
    padded ? ((bandRows - 1) * p.strideH + (p.kernelHeight - 1) * p.dilationH + 1) * sourceWidth * p.channels : 0
  }
  var panelFloats: Int { min(depthBlock, p.patchLength) * ConvTile.columns }
  /// A worker's scratch: the packed weight panel, the pixels' origins (two floats' room each), the band.
  var workerFloats: Int { panelFloats + 2 * (pixelBlock + 2 * ConvTile.rows) + bandFloats }
  var workspaceBytes: Int {
    (workers * workerFloats + p.groups * panels * ConvTile.columns) * MemoryLayout<Float>.stride
  }

  /// The reduction cut into runs `(offset, length)` relative to a pixel's window origin, and
  /// those runs grouped into blocks of at most `depthBlock` values: returns the runs as
  /// flat pairs and, for each block, the index of its first run (plus a final end index).
  func segments() -> (runs: [Int], blocks: [Int]) {
    let c = p.channels
    var whole: [(Int, Int)] = []
    if p.dilationW == 1 && p.groupChannels == c {
      // A window row takes every channel of `kw` neighbouring pixels: one run.
      for i in 0..<p.kernelHeight { whole.append((i * p.dilationH * sourceWidth * c, p.kernelWidth * c)) }
    } else {
      for i in 0..<p.kernelHeight {
        for j in 0..<p.kernelWidth {
          whole.append(((i * p.dilationH * sourceWidth + j * p.dilationW) * c, p.groupChannels))
        }
      }
    }
    var runs: [Int] = []
    var blocks: [Int] = [0]
    var filled = 0
    for (offset, length) in whole {
      var done = 0
      while done < length {
        let piece = min(length - done, depthBlock)
        if filled > 0 && filled + piece > depthBlock {
          blocks.append(runs.count / 2)
          filled = 0
        }
        runs += [offset + done, piece]
        filled += piece
        done += piece
      }
    }
    blocks.append(runs.count / 2)
    return (runs, blocks)
  }

  func run(
    x: SharedPointer, w: SharedPointer, bias: SharedPointer?, out: SharedPointer, activation: Activation,
    cancellation: CancellationFlag?
  ) {
    let totalPanels = p.groups * panels
    let biases = SharedPointer(UnsafeMutablePointer<Float>.allocate(capacity: totalPanels * ConvTile.columns))
    defer { biases.base.deallocate() }
    for t in 0..<totalPanels {
      let first = (t % panels) * ConvTile.columns
      let width = min(ConvTile.columns, p.groupFilters - first)
      let column = (t / panels) * p.groupFilters + first
      for j in 0..<ConvTile.columns {
        biases.base[t * ConvTile.columns + j] = j < width ? bias.map { $0.base[column + j] } ?? 0 : 0
      }
    }
    let (runs, blocks) = segments()
    runs.withUnsafeBufferPointer { runs in
      blocks.withUnsafeBufferPointer { blocks in
        let blockCount = blocks.count - 1
        let runs = SharedInts(runs.baseAddress!)
        let blocks = SharedInts(blocks.baseAddress!)
        Parallelism.forEachWorker(maximum: workers) { worker, workers in
          let scratch = UnsafeMutableRawPointer.allocate(
            byteCount: workerFloats * MemoryLayout<Float>.stride, alignment: 64)
          defer { scratch.deallocate() }
          let panel = scratch.assumingMemoryBound(to: Float.self)
          let origins = UnsafeMutableRawPointer(panel + panelFloats).assumingMemoryBound(to: UnsafePointer<Float>.self)
          let band = panel + panelFloats + 2 * (pixelBlock + 2 * ConvTile.rows)
          let context = Context(
            x: x.base, w: w.base, biases: biases.base, out: out.base, runs: runs.base, blocks: blocks.base,
            blockCount: blockCount, panel: panel, band: band, origins: origins, activation: activation)
          let panelRange =
            splitFilters ? totalPanels * worker / workers..<totalPanels * (worker + 1) / workers : 0..<totalPanels
          if padded {
            let bands = p.batch * bandsPerImage
            let mine = splitFilters ? 0..<bands : bands * worker / workers..<bands * (worker + 1) / workers
            for index in mine {
              if cancellation?.isCancelled == true { return }
              let image = index / bandsPerImage
              let firstRow = (index % bandsPerImage) * bandRows
              let rows = min(bandRows, p.outHeight - firstRow)
              fillBand(image: image, firstRow: firstRow, rows: rows, from: x.base, into: band)
              let first = (image * p.outHeight + firstRow) * p.outWidth
              compute(
                pixels: first..<first + rows * p.outWidth, panels: panelRange, context,
                origin: { n, oh, ow in
                  UnsafePointer(band + ((oh - firstRow) * p.strideH * sourceWidth + ow * p.strideW) * p.channels)
                }, cancellation: cancellation)
            }
          } else {
            let tiles = (p.pixels + ConvTile.rows - 1) / ConvTile.rows
            let pixels =
              splitFilters
              ? 0..<p.pixels
              : min(p.pixels, tiles * worker / workers * ConvTile.rows)..<min(
                p.pixels, tiles * (worker + 1) / workers * ConvTile.rows)
            compute(
              pixels: pixels, panels: panelRange, context,
              origin: { n, oh, ow in
                UnsafePointer(x.base + ((n * p.height + oh * p.strideH) * p.width + ow * p.strideW) * p.channels)
              }, cancellation: cancellation)
          }
        }
      }
    }
  }

  /// Pointers one worker computes with.
  struct Context {
    var x, w, biases, out: UnsafeMutablePointer<Float>
    var runs, blocks: UnsafeMutablePointer<Int>
    var blockCount: Int
    var panel, band: UnsafeMutablePointer<Float>
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

  /// Rows `k0 ..< k0 + depth` of panel `t` packed as 16 consecutive weights per row, zeros
  /// past the group's filters.
  @inline(__always)
  func pack(panel t: Int, k0: Int, depth: Int, w: UnsafeMutablePointer<Float>, into target: UnsafeMutablePointer<Float>) {
    let first = (t % panels) * ConvTile.columns
    let width = min(ConvTile.columns, p.groupFilters - first)
    let from = w + k0 * p.filters + (t / panels) * p.groupFilters + first
    if width == ConvTile.columns {
      for row in 0..<depth {
        let source = UnsafeRawPointer(from + row * p.filters)
        let to = UnsafeMutableRawPointer(target + row * ConvTile.columns)
        to.storeBytes(of: source.loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
        to.storeBytes(of: source.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self), toByteOffset: 32, as: SIMD8<Float>.self)
      }
    } else {
      for row in 0..<depth {
        let source = from + row * p.filters
        let to = target + row * ConvTile.columns
        for j in 0..<width { to[j] = source[j] }
        for j in width..<ConvTile.columns { to[j] = 0 }
      }
    }
  }

  @inline(__always)
  func compute(
    pixels: Range<Int>, panels panelRange: Range<Int>, _ ctx: Context,
    origin: (_ n: Int, _ oh: Int, _ ow: Int) -> UnsafePointer<Float>, cancellation: CancellationFlag?
  ) {
    guard !pixels.isEmpty, !panelRange.isEmpty else { return }
    let perImage = p.outHeight * p.outWidth
    // Blocks of near-equal size, whole tiles each, so that no block is a sliver that
    // packs every weight again for a handful of pixels.
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
      var k0 = 0
      for block in 0..<ctx.blockCount {
        let firstRun = ctx.blocks[block]
        let runCount = ctx.blocks[block + 1] - firstRun
        var depth = 0
        for r in firstRun..<firstRun + runCount { depth += ctx.runs[2 * r + 1] }
        let isFirst = block == 0
        let isLast = block == ctx.blockCount - 1
        for t in panelRange {
          let group = t / panels
          let firstFilter = (t % panels) * ConvTile.columns
          let columns = min(ConvTile.columns, p.groupFilters - firstFilter)
          pack(panel: t, k0: k0, depth: depth, w: ctx.w, into: ctx.panel)
          let biases = UnsafePointer(ctx.biases + t * ConvTile.columns)
          let target = ctx.out + m * p.filters + group * p.groupFilters + firstFilter
          var r = 0
          while r < rows {
            tile(
              ctx.origins + r, shift: group * p.groupChannels, runs: ctx.runs + 2 * firstRun, runCount: runCount,
              weights: UnsafePointer(ctx.panel), bias: biases, c: target + r * p.filters, ldc: p.filters,
              rows: min(ConvTile.rows, rows - r), columns: columns, first: isFirst, last: isLast,
              activation: ctx.activation)
            r += ConvTile.rows
          }
        }
        k0 += depth
      }
      m += rows
    }
  }

  @inline(__always)
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

struct SharedInts: @unchecked Sendable {
  let base: UnsafeMutablePointer<Int>
  init(_ base: UnsafePointer<Int>) { self.base = UnsafeMutablePointer(mutating: base) }
}

/// Development knobs (environment overrides while measuring).
enum DirectTuning {
  static let pixelBlock: Int = env("DC_MC", 96)
  static let depthBlock: Int = env("DC_KC", 256)
  static let bandBytes: Int = env("DC_BAND", 512 << 10)
  static let split: Int = env("DC_SPLIT", 0)
  static let strategy: Int = env("DC_STRATEGY", 1)

  static func env(_ name: String, _ fallback: Int) -> Int {
    guard let raw = getenv(name) else { return fallback }
    return Int(String(cString: raw)) ?? fallback
  }
}
