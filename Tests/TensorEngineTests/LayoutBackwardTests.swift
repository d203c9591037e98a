import TensorEngine
import TestSupport
import Testing

/// Global pooling, pad, reshape, add and concatenate backward: references against central
/// differences, fast paths against references.
@Suite struct LayoutBackwardTests {
  static let images: [[Int]] = [[1, 4, 4, 1], [2, 3, 5, 4], [3, 1, 1, 2], [2, 7, 3, 3]]

  @Test(arguments: [PoolKind.average, .max, .min], images)
  func globalPooling(_ kind: PoolKind, shape: [Int]) throws {
    let x = randomDoubles(shape, seed: UInt64(shape.reduce(5, *)))
    let outShape = [shape[0], shape[3]]
    let r = GradientCheck.weights(count: Tensor.count(of: outShape), seed: 2)
    let dy = DoubleTensor(shape: outShape, values: r)
    let analytic = Reference.globalPool2dBackward(input: x, outputGradient: dy, kind: kind)
    try expectGradient(analytic.values, at: x.values, "global \(kind) \(shape)") { v in
      weighted(Reference.globalPool2d(DoubleTensor(shape: shape, values: v), kind: kind), r)
    }
    let fast = try Ops.globalPool2dBackward(input: x.float, outputGradient: dy.float, kind: kind)
    expectClose(fast, Reference.globalPool2dBackward(input: DoubleTensor(x.float), outputGradient: dy, kind: kind).float,
                atol: 1e-4, rtol: 1e-3, "global \(kind) \(shape)")
  }

  @Test func globalMaxGivesTiesToTheFirstPixel() throws {
    let x = Tensor(shape: [1, 2, 2, 1], values: [0, 3, 3, 1])
    let dx = try Ops.globalPool2dBackward(input: x, outputGradient: Tensor(shape: [1, 1], values: [5]), kind: .max)
    #expect(dx.values == [0, 5, 0, 0])
    // Rank 3 (one image) gives (C) and takes (C) back.
    let image = try Ops.globalPool2dBackward(input: Tensor(shape: [2, 2, 1], values: [1, 2, 3, 4]),
                                             outputGradient: Tensor(shape: [1], values: [4]), kind: .average)
    #expect(image.values == [1, 1, 1, 1] && image.shape == [2, 2, 1])
  }

  @Test(arguments: [(0, 0, 0, 0), (1, 1, 1, 1), (0, 2, 1, 0), (3, 1, 0, 2)])
  func pad(_ sides: (Int, Int, Int, Int)) throws {
    let (top, bottom, left, right) = sides
    for shape in Self.images {
      let x = randomDoubles(shape, seed: UInt64(shape.reduce(top + 7, *)))
      let padded = Reference.pad(x, top: top, bottom: bottom, left: left, right: right)
      let r = GradientCheck.weights(count: padded.count, seed: 4)
      let dy = DoubleTensor(shape: padded.shape, values: r)
      let analytic = Reference.padBackward(outputGradient: dy, top: top, bottom: bottom, left: left, right: right)
      try expectGradient(analytic.values, at: x.values, "pad \(sides) \(shape)") { v in
        weighted(Reference.pad(DoubleTensor(shape: shape, values: v), top: top, bottom: bottom, left: left, right: right), r)
      }
      let fast = try Ops.padBackward(outputGradient: dy.float, top: top, bottom: bottom, left: left, right: right)
      #expect(fast == analytic.float, "pad \(sides) \(shape)")
      // The reference pad agrees with the engine's, so the crop undoes the engine's padding.
      #expect(try Ops.pad(x.float, top: top, bottom: bottom, left: left, right: right) == padded.float)
    }
  }

  @Test func reshapeBackwardIsAReshape() throws {
    let dy = Tensor(shape: [2, 12], values: (0..<24).map(Float.init))
    let dx = try Ops.reshapeBackward(outputGradient: dy, inputShape: [2, 2, 3, 2])
    #expect(dx.shape == [2, 2, 3, 2] && dx.values == dy.values)
    #expect(throws: TensorError.self) { try Ops.reshapeBackward(outputGradient: dy, inputShape: [5, 5]) }
  }

  @Test func addGivesEachInputTheWholeGradient() throws {
    // f = Σ r·(a + b + c): ∂f/∂a = ∂f/∂b = ∂f/∂c = r, checked numerically on a.
    let shape = [2, 3, 3, 2]
    let (a, b, c) = (randomDoubles(shape, seed: 1), randomDoubles(shape, seed: 2), randomDoubles(shape, seed: 3))
    let r = GradientCheck.weights(count: a.count, seed: 6)
    try expectGradient(r, at: a.values, "add") { v in
      var total = 0.0
      for i in v.indices { total += r[i] * (v[i] + b.values[i] + c.values[i]) }
      return total
    }
    let upstream = DoubleTensor(shape: shape, values: r).float
    let grads = try Ops.addBackward(outputGradient: upstream, inputCount: 3)
    #expect(grads == [upstream, upstream, upstream])
    #expect(throws: TensorError.self) { try Ops.addBackward(outputGradient: upstream, inputCount: 0) }
  }

  @Test(arguments: [([2, 3], [1, 4, 2], 1), ([3, 2, 4], [2, 1], 0), ([2, 3, 3, 1], [1, 2, 5], 3), ([1, 5], [5], 1)])
  func concatenate(_ base: [Int], _ sizes: [Int], _ axis: Int) throws {
    let pieces = sizes.enumerated().map { i, size -> DoubleTensor in
      var shape = base
      shape[axis] = size
      return randomDoubles(shape, seed: UInt64(10 + i))
    }
    let joined = Reference.concatenate(pieces, axis: axis)
    #expect(try Tensor.concatenate(pieces.map(\.float), axis: axis) == joined.float)
    let r = GradientCheck.weights(count: joined.count, seed: 8)
    let dy = DoubleTensor(shape: joined.shape, values: r)
    let analytic = Reference.concatenateBackward(outputGradient: dy, sizes: sizes, axis: axis)
    for (k, piece) in pieces.enumerated() {
      try expectGradient(analytic[k].values, at: piece.values, "concat piece \(k)") { v in
        var changed = pieces
        changed[k] = DoubleTensor(shape: piece.shape, values: v)
        return weighted(Reference.concatenate(changed, axis: axis), r)
      }
    }
    let fast = try Ops.concatenateBackward(outputGradient: dy.float, sizes: sizes, axis: axis - base.count)
    #expect(fast == analytic.map(\.float))
    #expect(throws: TensorError.self) { try Ops.concatenateBackward(outputGradient: dy.float, sizes: [1], axis: axis) }
  }
}
