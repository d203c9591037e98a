import TensorEngine

/// numpy's advanced indexing, for reading and for assignment: `x[None]` and `x[:, np.newaxis]`
/// (a new axis of size 1), `x[..., 0]` (as many whole axes as needed), a boolean mask
/// (`x[x > 0.5]`, the values where it is True, in order), and one list or tensor of positions
/// on one axis (`x[[0, 3, 5]]`). Plain indices and slices keep the engine's fast path.
enum TensorSelection {
  private enum Selector {
    case newAxis
    case position(Int)
    case picks([Int])  // a slice's positions, keeping the axis
    case array([Int])  // positions given as a list or tensor
    case mask(Tensor)
  }

  static func isAdvanced(_ index: Index) -> Bool {
    index.parts.contains { part in
      switch part {
      case .ellipsis: return true
      case .single(let v, _):
        switch v {
        case .none, .list, .tuple, .tensor: return true
        default: return false
        }
      case .slice: return false
      }
    }
  }

  /// The storage offsets selected (row-major over the result) and the result's shape.
  static func select(_ shape: [Int], _ index: Index) throws(RuntimeError) -> (offsets: [Int], shape: [Int]) {
    // How many axes each part consumes, so `...` can take the rest.
    var consumed = 0
    var ellipses = 0
    for part in index.parts {
      switch part {
      case .ellipsis: ellipses += 1
      case .single(.none, _): break
      case .single(let v, _) where v.isBooleanTensor:
        if case .tensor(let m, _) = v { consumed += m.rank }
      default: consumed += 1
      }
    }
    guard ellipses <= 1 else {
      throw RuntimeError(.tensorProblem(.ellipsisTwice))
    }
    guard consumed <= shape.count else {
      throw RuntimeError(.engine(.invalidArgument(operation: "index", reason: .tooManyIndices(given: consumed, rank: shape.count))))
    }
    var selectors: [Selector] = []
    var axis = 0
    for part in index.parts {
      switch part {
      case .ellipsis:
        for _ in 0..<(shape.count - consumed) {
          selectors.append(.picks(Array(0..<shape[axis])))
          axis += 1
        }
      case .slice(let lower, let upper, let step):
        selectors.append(.picks(try Indexing.sliceIndices(count: shape[axis], lower, upper, step)))
        axis += 1
      case .single(let v, _):
        switch v {
        case .none:
          selectors.append(.newAxis)
        case .tensor(let m, _) where v.isBooleanTensor:
          let covered = Array(shape[axis..<(axis + m.rank)])
          guard m.shape == covered else {
            throw RuntimeError(.tensorProblem(.maskShape(covered: covered, mask: m.shape)))
          }
          selectors.append(.mask(m))
          axis += m.rank
        case .list, .tuple, .tensor:
          let positions = try TensorValues.tensor(from: v, function: "index")
          guard positions.rank == 1 else {
            throw RuntimeError(.tensorProblem(.nestedPositions))
          }
          var picks: [Int] = []
          for p in positions.values {
            let i = try Indexing.position(.number(Double(p)), count: shape[axis], type: "tensor axis \(axis)")
            picks.append(i)
          }
          selectors.append(.array(picks))
          axis += 1
        default:
          let i = try Indexing.wholeIndex(v, "tensor")
          let size = shape[axis]
          guard i >= -size && i < size else { throw RuntimeError(.axisIndexOutOfRange(result: false, axis: axis, index: i, count: size)) }
          selectors.append(.position(i < 0 ? i + size : i))
          axis += 1
        }
      }
    }
    while axis < shape.count {
      selectors.append(.picks(Array(0..<shape[axis])))
      axis += 1
    }
    let advanced = selectors.filter { if case .array = $0 { return true }; if case .mask = $0 { return true }; return false }
    guard advanced.count <= 1 else {
      throw RuntimeError(.tensorProblem(.oneAdvancedIndex))
    }
    var strides = [Int](repeating: 1, count: shape.count)
    for a in stride(from: shape.count - 2, through: 0, by: -1) { strides[a] = strides[a + 1] * shape[a + 1] }
    var offsets = [0]
    var resultShape: [Int] = []
    axis = 0
    for selector in selectors {
      switch selector {
      case .newAxis:
        resultShape.append(1)
      case .position(let i):
        offsets = offsets.map { $0 + i * strides[axis] }
        axis += 1
      case .picks(let picks), .array(let picks):
        let step = strides[axis]
        offsets = offsets.flatMap { base in picks.map { base + $0 * step } }
        resultShape.append(picks.count)
        axis += 1
      case .mask(let m):
        // The positions where the mask is True, over the axes it covers, in row-major order.
        var chosen: [Int] = []
        let inner = strides[axis + m.rank - 1]
        for (k, v) in m.values.enumerated() where v != 0 { chosen.append(k * inner) }
        offsets = offsets.flatMap { base in chosen.map { base + $0 } }
        resultShape.append(chosen.count)
        axis += m.rank
      }
    }
    return (offsets, resultShape)
  }
}
