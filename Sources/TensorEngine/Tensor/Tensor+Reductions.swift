/// A reduction over one axis or over every element.
public enum Reduction: String, Sendable, CaseIterable {
  case sum, mean, max, min
  /// The position of the largest value (the first one on ties), as a float.
  case argmax
}

extension Tensor {
  /// Reduces every element (`axis: nil`, giving a rank-0 tensor) or one axis, which then
  /// disappears unless `keepDimensions` leaves it with size 1.
  // input (..., d_axis, ...) → output (..., [1 if keepDimensions], ...)
  public func reduced(_ reduction: Reduction, axis: Int? = nil, keepDimensions: Bool = false) throws -> Tensor {
    let name = reduction.rawValue
    let (outer, size, inner, outShape): (Int, Int, Int, [Int])
    if let axis {
      let a = try Tensor.normalize(axis: axis, rank: rank, operation: name)
      outer = shape[..<a].reduce(1, *)
      size = shape[a]
      inner = shape[(a + 1)...].reduce(1, *)
      var kept = shape
      if keepDimensions { kept[a] = 1 } else { kept.remove(at: a) }
      outShape = kept
    } else {
      (outer, size, inner) = (1, count, 1)
      outShape = keepDimensions ? [Int](repeating: 1, count: rank) : []
    }
    if size == 0, reduction != .sum {
      throw TensorError.invalidArgument(operation: name, reason: .emptyReduction(name: name))
    }
    return try Tensor.make(operation: name, shape: outShape) { out in
      values.withUnsafeBufferPointer { source in
        guard let source = source.baseAddress else {
          for i in 0..<(outer * inner) { out[i] = 0 }
          return
        }
        for o in 0..<outer {
          for i in 0..<inner {
            let base = source + o * size * inner + i
            out[o * inner + i] = Tensor.reduceLine(base, count: size, step: inner, reduction)
          }
        }
      }
    }
  }

  /// One reduction along a strided line. Sums accumulate in Double so that a mean over a
  /// large image does not drift from numpy's pairwise float32 sum.
  private static func reduceLine(_ p: UnsafePointer<Float>, count: Int, step: Int, _ reduction: Reduction) -> Float {
    switch reduction {
    case .sum, .mean:
      var total = 0.0
      for k in 0..<count { total += Double(p[k * step]) }
      return Float(reduction == .mean ? total / Double(count) : total)
    case .max, .min, .argmax:
      var best = p[0]
      var position = 0
      for k in 1..<max(count, 1) {
        let v = p[k * step]
        if reduction == .min ? v < best : v > best {
          best = v
          position = k
        }
      }
      return reduction == .argmax ? Float(position) : best
    }
  }
}
