extension Reference {
  /// Max, average or min pooling in Double, one output value at a time: padded cells are
  /// never candidates; max and min keep the first winning cell in row-major window order
  /// (a later cell must be strictly larger, or smaller, to take over); average divides by
  /// the cells inside the image.
  // input (N, H, W, C) → output (N, OH, OW, C)
  public static func pool2d(
    _ input: DoubleTensor, kind: PoolKind, poolSize: Size2 = 2, strides: Size2? = nil, padding: Padding = .valid
  ) throws -> DoubleTensor {
    let pool = try ReferencePool(input.shape, kind: kind, poolSize: poolSize, strides: strides, padding: padding)
    var out = [Double](repeating: 0, count: Tensor.count(of: pool.outputShape))
    pool.forEachWindow { o, cells in
      switch kind {
      case .average: out[o] = cells.reduce(0) { $0 + input.values[$1] } / Double(cells.count)
      case .max, .min: out[o] = input.values[pool.winner(cells, input.values)]
      }
    }
    return DoubleTensor(shape: pool.outputShape, values: out)
  }

  /// The backward pass of `pool2d`: max and min hand each output's gradient to the cell
  /// that won (the first in row-major order on ties, as the forward pass picks); average
  /// shares it equally among the window's cells inside the image. Overlapping windows add up.
  // input (N, H, W, C), outputGradient (N, OH, OW, C) → input gradient (N, H, W, C)
  public static func pool2dBackward(
    _ input: DoubleTensor, outputGradient: DoubleTensor, kind: PoolKind, poolSize: Size2 = 2, strides: Size2? = nil,
    padding: Padding = .valid
  ) throws -> DoubleTensor {
    let pool = try ReferencePool(input.shape, kind: kind, poolSize: poolSize, strides: strides, padding: padding)
    guard outputGradient.shape == pool.outputShape else {
      throw TensorError.shapeMismatch(operation: "pool backward", lhs: pool.outputShape, rhs: outputGradient.shape)
    }
    var dx = [Double](repeating: 0, count: input.count)
    pool.forEachWindow { o, cells in
      let g = outputGradient.values[o]
      switch kind {
      case .average: for cell in cells { dx[cell] += g / Double(cells.count) }
      case .max, .min: dx[pool.winner(cells, input.values)] += g
      }
    }
    return DoubleTensor(shape: input.shape, values: dx)
  }
}

/// A pooling's windows listed cell by cell, for the reference loops. Only the argument
/// checks and the window placement come from the fast path (`PoolWindow`).
private struct ReferencePool {
  var kind: PoolKind
  var view: ImageView
  var window: PoolWindow
  var outputShape: [Int]

  init(_ shape: [Int], kind: PoolKind, poolSize: Size2, strides: Size2?, padding: Padding) throws {
    let name = "\(kind.rawValue)_pool"
    self.kind = kind
    view = try ImageView(operation: name, shape: shape)
    window = try PoolWindow(operation: name, view: view, poolSize: poolSize, strides: strides, padding: padding)
    outputShape = window.outputShape(view)
  }

  /// Calls `body(output index, flat input indices of the window's cells inside the image)`.
  func forEachWindow(_ body: (Int, [Int]) -> Void) {
    let (oh, ow) = (window.rows.output, window.columns.output)
    for n in 0..<view.batch {
      for y in 0..<oh {
        for x in 0..<ow {
          for c in 0..<view.channels {
            var cells: [Int] = []
            for i in 0..<window.kernel.height {
              let ih = y * window.stride.height - window.rows.padBefore + i
              if ih < 0 || ih >= view.height { continue }
              for j in 0..<window.kernel.width {
                let iw = x * window.stride.width - window.columns.padBefore + j
                if iw < 0 || iw >= view.width { continue }
                cells.append(((n * view.height + ih) * view.width + iw) * view.channels + c)
              }
            }
            body(((n * oh + y) * ow + x) * view.channels + c, cells)
          }
        }
      }
    }
  }

  /// The cell max or min pooling keeps: the first extreme one in row-major order.
  func winner(_ cells: [Int], _ x: [Double]) -> Int {
    var best = cells[0]
    for cell in cells.dropFirst() {
      if kind == .max ? x[cell] > x[best] : x[cell] < x[best] { best = cell }
    }
    return best
  }
}
