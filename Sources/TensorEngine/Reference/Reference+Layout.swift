extension Reference {
  /// Global average or maximum over each channel of `(N, H, W, C)`, giving `(N, C)`.
  public static func globalPool2d(_ x: DoubleTensor, kind: PoolKind) -> DoubleTensor {
    let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    var out = DoubleTensor(shape: [n, c])
    for b in 0..<n {
      for ch in 0..<c {
        let values = (0..<(h * w)).map { x.values[(b * h * w + $0) * c + ch] }
        switch kind {
        case .average: out.values[b * c + ch] = values.reduce(0, +) / Double(h * w)
        case .max: out.values[b * c + ch] = values.max()!
        case .min: out.values[b * c + ch] = values.min()!
        }
      }
    }
    return out
  }

  /// Its gradient: evenly spread, or all to the (first) extreme pixel.
  public static func globalPool2dBackward(input x: DoubleTensor, outputGradient dy: DoubleTensor, kind: PoolKind) -> DoubleTensor {
    let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    var out = DoubleTensor(shape: x.shape)
    for b in 0..<n {
      for ch in 0..<c {
        let index = { (cell: Int) in (b * h * w + cell) * c + ch }
        let g = dy.values[b * c + ch]
        if kind == .average {
          for cell in 0..<(h * w) { out.values[index(cell)] = g / Double(h * w) }
        } else {
          let values = (0..<(h * w)).map { x.values[index($0)] }
          let extreme = kind == .max ? values.max()! : values.min()!
          let best = values.firstIndex(of: extreme)!
          out.values[index(best)] = g
        }
      }
    }
    return out
  }

  /// Zero padding of `(N, H, W, C)`.
  public static func pad(_ x: DoubleTensor, top: Int, bottom: Int, left: Int, right: Int) -> DoubleTensor {
    let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (oh, ow) = (h + top + bottom, w + left + right)
    var out = DoubleTensor(shape: [n, oh, ow, c])
    for b in 0..<n {
      for i in 0..<h {
        for j in 0..<w {
          for ch in 0..<c { out.values[((b * oh + i + top) * ow + j + left) * c + ch] = x.values[((b * h + i) * w + j) * c + ch] }
        }
      }
    }
    return out
  }

  /// Its gradient: the output gradient at each input pixel's padded position.
  public static func padBackward(outputGradient dy: DoubleTensor, top: Int, bottom: Int, left: Int, right: Int) -> DoubleTensor {
    let (n, oh, ow, c) = (dy.shape[0], dy.shape[1], dy.shape[2], dy.shape[3])
    let (h, w) = (oh - top - bottom, ow - left - right)
    var out = DoubleTensor(shape: [n, h, w, c])
    for b in 0..<n {
      for i in 0..<h {
        for j in 0..<w {
          for ch in 0..<c { out.values[((b * h + i) * w + j) * c + ch] = dy.values[((b * oh + i + top) * ow + j + left) * c + ch] }
        }
      }
    }
    return out
  }

  /// Tensors joined along `axis`, element by element through multi-indices.
  public static func concatenate(_ pieces: [DoubleTensor], axis: Int) -> DoubleTensor {
    var shape = pieces[0].shape
    shape[axis] = pieces.reduce(0) { $0 + $1.shape[axis] }
    var out = DoubleTensor(shape: shape)
    var offset = 0
    for piece in pieces {
      for flat in 0..<piece.count {
        var index = multiIndex(flat, piece.shape)
        index[axis] += offset
        out.values[flatIndex(index, shape)] = piece.values[flat]
      }
      offset += piece.shape[axis]
    }
    return out
  }

  /// Its gradient: each piece reads its own range of the axis back.
  public static func concatenateBackward(outputGradient dy: DoubleTensor, sizes: [Int], axis: Int) -> [DoubleTensor] {
    var offset = 0
    return sizes.map { size in
      var shape = dy.shape
      shape[axis] = size
      var piece = DoubleTensor(shape: shape)
      for flat in 0..<piece.count {
        var index = multiIndex(flat, shape)
        index[axis] += offset
        piece.values[flat] = dy.values[flatIndex(index, dy.shape)]
      }
      offset += size
      return piece
    }
  }

  private static func multiIndex(_ flat: Int, _ shape: [Int]) -> [Int] {
    var rest = flat
    var index = [Int](repeating: 0, count: shape.count)
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
      index[axis] = rest % shape[axis]
      rest /= shape[axis]
    }
    return index
  }

  private static func flatIndex(_ index: [Int], _ shape: [Int]) -> Int {
    zip(index, shape).reduce(0) { $0 * $1.1 + $1.0 }
  }
}
