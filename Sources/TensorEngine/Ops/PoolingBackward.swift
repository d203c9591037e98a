extension Ops {
  /// The backward pass of `pool2d`, with the forward pass's padding rules: max and min hand
  /// each output's gradient to the cell the forward pass kept (the first of equal values in
  /// row-major window order, see `PoolSelect`), found again from the input; average shares
  /// it equally among the window's cells that lie inside the image. Where windows overlap
  /// (strides smaller than the pool) the shares add up. Images are split over cores.
  // input (N, H, W, C), outputGradient (N, OH, OW, C) → input gradient (N, H, W, C)
  public static func pool2dBackward(
    _ input: Tensor, outputGradient: Tensor, kind: PoolKind, poolSize: Size2 = 2, strides: Size2? = nil,
    padding: Padding = .valid, cancellation: CancellationFlag? = nil
  ) throws -> Tensor {
    let name = "\(kind.rawValue)_pool backward"
    let view = try ImageView(operation: name, shape: input.shape)
    let window = try PoolWindow(operation: name, view: view, poolSize: poolSize, strides: strides, padding: padding)
    guard outputGradient.shape == window.outputShape(view) else {
      throw TensorError.shapeMismatch(operation: name, lhs: window.outputShape(view), rhs: outputGradient.shape)
    }
    let result = try Tensor.make(operation: name, shape: input.shape, workspaceBytes: view.channels * 16) { dx in
      dx.update(repeating: 0, count: input.count)
      input.values.withUnsafeBufferPointer { x in
        outputGradient.values.withUnsafeBufferPointer { dy in
          guard let x = x.baseAddress, let dy = dy.baseAddress else { return }
          let (source, gradient, target) = (SharedPointer(x), SharedPointer(dy), SharedPointer(dx))
          let end = SharedPointer(x + input.count)
          let valuesPerImage = view.height * view.width * view.channels * 2
          let grain = Parallelism.grain(workPerItem: valuesPerImage, threshold: Parallelism.serialValues)
          Parallelism.forEachRange(view.batch, grain: grain) { images in
            for image in images {
              if cancellation?.isCancelled == true { return }
              switch kind {
              case .max: routeImage(image, Maximum.self, window, view, source, end, gradient, target)
              case .min: routeImage(image, Minimum.self, window, view, source, end, gradient, target)
              case .average: shareImage(image, window, view, gradient, target)
              }
            }
          }
        }
      }
    }
    if cancellation?.isCancelled == true { throw TensorError.cancelled }
    return result
  }

  /// Max or min pooling's backward over one image: each window's winner per channel, found
  /// by the forward pass's rule, receives the window's gradient.
  private static func routeImage<Select: PoolSelect>(
    _ n: Int, _: Select.Type, _ w: PoolWindow, _ view: ImageView, _ x: SharedPointer, _ end: SharedPointer,
    _ dy: SharedPointer, _ dx: SharedPointer
  ) {
    let channels = view.channels
    let imageBase = n * w.height * w.width
    withUnsafeTemporaryAllocation(of: Float.self, capacity: channels) { best in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: channels) { winner in
        for oh in 0..<w.rows.output {
          let (h0, h1) = w.rowSpan(oh)
          for ow in 0..<w.columns.output {
            let (w0, w1) = w.columnSpan(ow)
            let first = imageBase + h0 * w.width + w0
            let start = x.base + first * channels
            let last = start + ((h1 - 1 - h0) * w.width + (w1 - 1 - w0)) * channels
            let window = Window(start: start, rows: h1 - h0, columns: w1 - w0, rowStride: w.width)
            let g = dy.base + ((n * w.rows.output + oh) * w.columns.output + ow) * channels
            let target = dx.base + first * channels
            if channels < 8, last + 8 <= end.base {
              let chosen = narrowWinners(window, Select.self, channels: channels)
              for c in 0..<channels { target[Int(chosen[c]) * channels + c] += g[c] }
            } else {
              wideWinners(window, Select.self, channels: channels, best: best.baseAddress!, winner: winner.baseAddress!)
              for c in 0..<channels { target[Int(winner[c]) * channels + c] += g[c] }
            }
          }
        }
      }
    }
  }

  /// A pooling window's cells in the input: `rows` x `columns` from `start`, whose rows lie
  /// `rowStride` cells apart. Cells are numbered from the window's first, so a cell's number
  /// fits in 32 bits.
  private struct Window {
    var start: UnsafeMutablePointer<Float>
    var rows, columns, rowStride: Int
  }

  /// The winning cell of each channel, over channels in order: the comparison and both
  /// selections vectorise over channels without a branch (when there are 8 or more).
  @inline(__always)
  private static func wideWinners<Select: PoolSelect>(
    _ window: Window, _: Select.Type, channels: Int, best: UnsafeMutablePointer<Float>,
    winner: UnsafeMutablePointer<Int32>
  ) {
    for c in 0..<channels {
      best[c] = window.start[c]
      winner[c] = 0
    }
    for i in 0..<window.rows {
      for j in 0..<window.columns {
        let offset = i * window.rowStride + j
        if offset == 0 { continue }
        let s = window.start + offset * channels
        let cell = Int32(offset)
        for c in 0..<channels {
          let takes = Select.prefers(s[c], over: best[c])
          best[c] = takes ? s[c] : best[c]
          winner[c] = takes ? cell : winner[c]
        }
      }
    }
  }

  /// The winning cell of each of fewer than 8 channels, where the loops over channels are too
  /// short to vectorise and their data-dependent branches mispredict: each cell's channels
  /// are read as one 8-lane vector (the lanes past the channels belong to the next cell and
  /// are ignored; the caller makes sure they exist), and the winner is chosen lane by lane.
  @inline(__always)
  private static func narrowWinners<Select: PoolSelect>(_ window: Window, _: Select.Type, channels: Int) -> SIMD8<Int32>
  {
    typealias V = SIMD8<Float>
    var best = UnsafeRawPointer(window.start).loadUnaligned(as: V.self)
    var winner = SIMD8<Int32>(repeating: 0)
    for i in 0..<window.rows {
      for j in 0..<window.columns {
        let offset = i * window.rowStride + j
        if offset == 0 { continue }
        let v = UnsafeRawPointer(window.start + offset * channels).loadUnaligned(as: V.self)
        let takes = Select.prefers(v, over: best)
        best.replace(with: v, where: takes)
        winner.replace(with: SIMD8(repeating: Int32(offset)), where: takes)
      }
    }
    return winner
  }

  /// Average pooling's backward over one image: each window's gradient divided by the
  /// cells inside the image, added to each of them.
  private static func shareImage(_ n: Int, _ w: PoolWindow, _ view: ImageView, _ dy: SharedPointer, _ dx: SharedPointer)
  {
    let channels = view.channels
    for oh in 0..<w.rows.output {
      let (h0, h1) = w.rowSpan(oh)
      for ow in 0..<w.columns.output {
        let (w0, w1) = w.columnSpan(ow)
        let scale = 1 / Float((h1 - h0) * (w1 - w0))
        let g = dy.base + ((n * w.rows.output + oh) * w.columns.output + ow) * channels
        for ih in h0..<h1 {
          for iw in w0..<w1 {
            let cell = dx.base + ((n * w.height + ih) * w.width + iw) * channels
            for c in 0..<channels { cell[c] += g[c] * scale }
          }
        }
      }
    }
  }
}
