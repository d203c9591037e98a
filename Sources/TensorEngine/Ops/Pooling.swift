/// Which value a pooling window keeps.
public enum PoolKind: String, Sendable, CaseIterable {
  case max, average, min
}

extension Ops {
  /// Max, average or min pooling, channels-last. Padding follows Keras: padded cells are
  /// never candidates, so max and min ignore them and average divides by the number of
  /// cells that lie inside the image. `strides: nil` means the pool size.
  // input (N, H, W, C) → output (N, OH, OW, C)
  public static func pool2d(
    _ input: Tensor, kind: PoolKind, poolSize: Size2 = 2, strides: Size2? = nil, padding: Padding = .valid,
    cancellation: CancellationFlag? = nil
  ) throws -> Tensor {
    let name = "\(kind.rawValue)_pool"
    let view = try ImageView(operation: name, shape: input.shape)
    let window = try PoolWindow(operation: name, view: view, poolSize: poolSize, strides: strides, padding: padding)
    let (r, c) = (window.rows, window.columns)
    let outShape = window.outputShape(view)
    return try Tensor.make(operation: name, shape: outShape) { out in
      input.values.withUnsafeBufferPointer { x in
        guard let x = x.baseAddress else { return }
        let source = SharedPointer(x)
        let target = SharedPointer(out)
        // Windows are clipped to the image, so a huge pool size with `same` padding costs no more.
        let cells = min(poolSize.height, view.height) * min(poolSize.width, view.width)
        let valuesPerLine = c.output * view.channels * cells
        let grain = Parallelism.grain(workPerItem: valuesPerLine, threshold: Parallelism.serialValues, atLeast: 4)
        Parallelism.forEachRange(view.batch * r.output, grain: grain) { lines in
          for line in lines {
            if cancellation?.isCancelled == true { return }
            switch kind {
            case .max: poolLine(line, Maximum.self, window, view, source, target)
            case .min: poolLine(line, Minimum.self, window, view, source, target)
            case .average: poolLine(line, Mean.self, window, view, source, target)
            }
          }
        }
      }
      if cancellation?.isCancelled == true { throw TensorError.cancelled }
    }
  }

  public static func maxPool2d(
    _ input: Tensor, poolSize: Size2 = 2, strides: Size2? = nil, padding: Padding = .valid,
    cancellation: CancellationFlag? = nil
  ) throws -> Tensor {
    try pool2d(input, kind: .max, poolSize: poolSize, strides: strides, padding: padding, cancellation: cancellation)
  }

  public static func avgPool2d(
    _ input: Tensor, poolSize: Size2 = 2, strides: Size2? = nil, padding: Padding = .valid,
    cancellation: CancellationFlag? = nil
  ) throws -> Tensor {
    try pool2d(input, kind: .average, poolSize: poolSize, strides: strides, padding: padding, cancellation: cancellation)
  }

  public static func minPool2d(
    _ input: Tensor, poolSize: Size2 = 2, strides: Size2? = nil, padding: Padding = .valid,
    cancellation: CancellationFlag? = nil
  ) throws -> Tensor {
    try pool2d(input, kind: .min, poolSize: poolSize, strides: strides, padding: padding, cancellation: cancellation)
  }

  /// One row of output pixels: every window clipped to the image, combined channel-wise,
  /// eight channels at a time. A last group of fewer than eight channels is still read and
  /// written as eight lanes when that stays inside the line: the lanes past the pixel's
  /// channels belong to the next pixels of the line, which are written after it and
  /// overwrite them (another thread may be writing the next line).
  private static func poolLine<Combine: PoolCombine>(
    _ line: Int, _: Combine.Type, _ w: PoolWindow, _ view: ImageView, _ x: SharedPointer, _ out: SharedPointer
  ) {
    typealias V = SIMD8<Float>
    let n = line / w.rows.output
    let oh = line % w.rows.output
    let channels = view.channels
    let (h0, h1) = w.rowSpan(oh)
    let inputEnd = x.base + view.batch * w.height * w.width * channels
    let lineEnd = out.base + (line + 1) * w.columns.output * channels
    for ow in 0..<w.columns.output {
      let (w0, w1) = w.columnSpan(ow)
      let o = out.base + (line * w.columns.output + ow) * channels
      let corner = x.base + ((n * w.height + h0) * w.width + w0) * channels
      let lastCell = x.base + ((n * w.height + h1 - 1) * w.width + w1 - 1) * channels
      var c = 0
      while c < channels {
        let wide = c + 8 <= channels || (o + c + 8 <= lineEnd && lastCell + c + 8 <= inputEnd)
        guard wide else {
          for ch in c..<channels {
            var value = corner[ch]
            for ih in h0..<h1 {
              for iw in w0..<w1 where ih != h0 || iw != w0 {
                value = Combine.combine(value, x.base[((n * w.height + ih) * w.width + iw) * channels + ch])
              }
            }
            o[ch] = value
          }
          break
        }
        var value = UnsafeRawPointer(corner + c).loadUnaligned(as: V.self)
        for ih in h0..<h1 {
          for iw in w0..<w1 where ih != h0 || iw != w0 {
            let cell = x.base + ((n * w.height + ih) * w.width + iw) * channels + c
            value = Combine.combine(value, UnsafeRawPointer(cell).loadUnaligned(as: V.self))
          }
        }
        UnsafeMutableRawPointer(o + c).storeBytes(of: value, as: V.self)
        c += 8
      }
      Combine.finish(o, count: channels, cells: (h1 - h0) * (w1 - w0))
    }
  }
}

/// A pooling window's placement along both axes.
struct PoolWindow: Sendable {
  var rows, columns: WindowGeometry.Resolved
  var kernel, stride: Size2
  var height, width: Int

  /// The arguments checked and resolved, for the forward and backward passes and the
  /// reference loops alike. `strides: nil` means the pool size.
  init(operation name: String, view: ImageView, poolSize: Size2, strides: Size2?, padding: Padding) throws {
    let step = strides ?? poolSize
    guard poolSize.height >= 1, poolSize.width >= 1, step.height >= 1, step.width >= 1 else {
      throw TensorError.invalidArgument(operation: name, reason: .poolSizeAndStrides)
    }
    if case .explicit(let before, let after) = padding,
      before < 0 || after < 0 || max(before, after) >= min(poolSize.height, poolSize.width)
    {
      throw TensorError.invalidArgument(
        operation: name, reason: .poolPadding)
    }
    let rowGeometry = WindowGeometry(kernel: poolSize.height, stride: step.height, padding: padding)
    let columnGeometry = WindowGeometry(kernel: poolSize.width, stride: step.width, padding: padding)
    guard let r = rowGeometry.resolve(input: view.height), let c = columnGeometry.resolve(input: view.width) else {
      throw TensorError.windowDoesNotFit(
        operation: name, input: [view.height, view.width], window: [poolSize.height, poolSize.width])
    }
    (rows, columns, kernel, stride, height, width) = (r, c, poolSize, step, view.height, view.width)
  }

  func outputShape(_ view: ImageView) -> [Int] {
    view.shape(height: rows.output, width: columns.output, channels: view.channels)
  }

  /// The input rows `h0 ..< h1` that output row `oh` covers, clipped to the image.
  @inline(__always) func rowSpan(_ oh: Int) -> (Int, Int) {
    let top = oh * stride.height - rows.padBefore
    return (max(top, 0), min(top + kernel.height, height))
  }

  /// The input columns `w0 ..< w1` that output column `ow` covers, clipped to the image.
  @inline(__always) func columnSpan(_ ow: Int) -> (Int, Int) {
    let left = ow * stride.width - columns.padBefore
    return (max(left, 0), min(left + kernel.width, width))
  }
}

/// How a pooling window folds its cells; static so each kind gets its own specialised loop.
protocol PoolCombine {
  static func combine(_ a: Float, _ b: Float) -> Float
  /// The same, lane by lane.
  static func combine(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float>
  static func finish(_ o: UnsafeMutablePointer<Float>, count: Int, cells: Int)
}

/// Max and min pooling keep one cell: the window's cells are visited in row-major order and
/// a later cell takes over only when `prefers` it, so on a tie the first cell wins. The
/// backward pass routes the gradient to that same cell by the same rule.
protocol PoolSelect: PoolCombine {
  static func prefers(_ candidate: Float, over best: Float) -> Bool
  /// The same rule lane by lane.
  static func prefers(_ candidate: SIMD8<Float>, over best: SIMD8<Float>) -> SIMDMask<SIMD8<Int32>>
}

extension PoolSelect {
  @inline(__always) static func combine(_ a: Float, _ b: Float) -> Float { prefers(b, over: a) ? b : a }
  @inline(__always) static func combine(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
    a.replacing(with: b, where: prefers(b, over: a))
  }
  static func finish(_ o: UnsafeMutablePointer<Float>, count: Int, cells: Int) {}
}

enum Maximum: PoolSelect {
  @inline(__always) static func prefers(_ candidate: Float, over best: Float) -> Bool { candidate > best }
  @inline(__always) static func prefers(_ candidate: SIMD8<Float>, over best: SIMD8<Float>) -> SIMDMask<SIMD8<Int32>> {
    candidate .> best
  }
}

enum Minimum: PoolSelect {
  @inline(__always) static func prefers(_ candidate: Float, over best: Float) -> Bool { candidate < best }
  @inline(__always) static func prefers(_ candidate: SIMD8<Float>, over best: SIMD8<Float>) -> SIMDMask<SIMD8<Int32>> {
    candidate .< best
  }
}

enum Mean: PoolCombine {
  @inline(__always) static func combine(_ a: Float, _ b: Float) -> Float { a + b }
  @inline(__always) static func combine(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { a + b }
  static func finish(_ o: UnsafeMutablePointer<Float>, count: Int, cells: Int) {
    let scale = 1 / Float(cells)
    for i in 0..<count { o[i] *= scale }
  }
}

/// An image-shaped tensor seen as `(N, H, W, C)`, remembering how to give results back in
/// the caller's rank: `(H, W)` stays `(H, W)`, `(H, W, C)` stays rank 3.
struct ImageView: Sendable {
  var batch, height, width, channels: Int
  var rank: Int

  init(operation: String, shape: [Int]) throws {
    rank = shape.count
    switch shape.count {
    case 2: (batch, height, width, channels) = (1, shape[0], shape[1], 1)
    case 3: (batch, height, width, channels) = (1, shape[0], shape[1], shape[2])
    case 4: (batch, height, width, channels) = (shape[0], shape[1], shape[2], shape[3])
    default:
      throw TensorError.invalidShape(
        operation: operation, shape: shape, expected: .image)
    }
  }

  func shape(height: Int, width: Int, channels: Int) -> [Int] {
    switch rank {
    case 2: return [height, width]
    case 3: return [height, width, channels]
    default: return [batch, height, width, channels]
    }
  }
}
