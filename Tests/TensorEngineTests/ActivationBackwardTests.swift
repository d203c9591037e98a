import TensorEngine
import TestSupport
import Testing

/// Activation and softmax backward passes: the Double reference against central differences,
/// the fast float32 path (which works from the output) against the reference.
@Suite struct ActivationBackwardTests {
  static let activations: [Activation] = [.linear, .relu, .leakyRelu(alpha: 0.3), .leakyRelu(alpha: 0.05), .tanh, .sigmoid]
  static let shapes: [[Int]] = [[7], [2, 5, 3], [3, 4, 4, 6], [1, 9]]

  /// Inputs in [-3, 3] kept 0.01 away from 0, where ReLU's derivative jumps.
  static func input(_ shape: [Int], seed: UInt64) -> DoubleTensor {
    var x = randomDoubles(shape, seed: seed, in: -3...3)
    for i in x.values.indices where abs(x.values[i]) < 0.01 { x.values[i] += 0.05 }
    return x
  }

  @Test(arguments: activations, shapes)
  func referenceMatchesCentralDifferences(_ activation: Activation, shape: [Int]) throws {
    let x = Self.input(shape, seed: UInt64(shape.reduce(3, *)))
    let r = GradientCheck.weights(count: x.count, seed: 5)
    let analytic = Reference.activationBackward(input: x, outputGradient: DoubleTensor(shape: shape, values: r), activation)
    try expectGradient(analytic.values, at: x.values, "\(activation) \(shape)") { v in
      weighted(Reference.activation(DoubleTensor(shape: shape, values: v), activation), r)
    }
  }

  @Test(arguments: activations, shapes + [[32, 28, 28, 6]])
  func fastMatchesReference(_ activation: Activation, shape: [Int]) throws {
    let x = Self.input(shape, seed: UInt64(shape.reduce(13, *)))
    let dy = DoubleTensor(shape: shape, values: GradientCheck.weights(count: x.count, seed: 9))
    let y = try Ops.activation(x.float, activation)
    let fast = try Ops.activationBackward(output: y, outputGradient: dy.float, activation: activation)
    let naive = Reference.activationBackward(input: DoubleTensor(x.float), outputGradient: DoubleTensor(dy.float), activation)
    expectClose(fast, naive.float, atol: 1e-4, rtol: 1e-3, "\(activation) \(shape)")
  }

  @Test func reluAndLeakyReluAtZeroTakeTheNegativeSide() throws {
    let y = Tensor(shape: [3], values: [0, 2, -0.6])
    let dy = Tensor(shape: [3], values: [1, 1, 1])
    #expect(try Ops.activationBackward(output: y, outputGradient: dy, activation: .relu).values == [0, 1, 0])
    #expect(try Ops.activationBackward(output: y, outputGradient: dy, activation: .leakyRelu(alpha: 0.3)).values == [0.3, 1, 0.3])
  }

  @Test(arguments: [[1, 3], [2, 5], [3, 10], [2, 2, 7]])
  func softmax(shape: [Int]) throws {
    let x = randomDoubles(shape, seed: UInt64(shape.reduce(17, *)), in: -3...3)
    let r = GradientCheck.weights(count: x.count, seed: 21)
    let dy = DoubleTensor(shape: shape, values: r)
    let analytic = Reference.softmaxBackward(input: x, outputGradient: dy)
    try expectGradient(analytic.values, at: x.values, "softmax \(shape)") { v in
      weighted(Reference.softmax(DoubleTensor(shape: shape, values: v)), r)
    }
    let y = try Ops.softmax(x.float)
    let fast = try Ops.softmaxBackward(output: y, outputGradient: dy.float)
    expectClose(fast, Reference.softmaxBackward(input: DoubleTensor(x.float), outputGradient: dy).float, atol: 1e-4, rtol: 1e-3, "softmax \(shape)")
  }

  @Test func softmaxAlongAnotherAxis() throws {
    // Along axis 0 of (3, 2) is along the last axis of the transpose.
    let x = Tensor(shape: [3, 2], values: [0.5, -1, 2, 0, -0.3, 1.5])
    let dy = Tensor(shape: [3, 2], values: [1, -2, 0.5, 0.25, -1, 3])
    let along0 = try Ops.softmaxBackward(output: try Ops.softmax(x, axis: 0), outputGradient: dy, axis: 0)
    let viaLast = try Ops.softmaxBackward(
      output: try Ops.softmax(try x.transposed()), outputGradient: try dy.transposed())
    expectClose(along0, try viaLast.transposed(), atol: 1e-6, rtol: 1e-5, "axis 0")
  }

  @Test func softmaxThenCrossEntropyEqualsTheFusedLogitsForm() throws {
    // Away from the clip, softmax's backward of the probability loss's gradient is the
    // fused gradient softmax - labels (per sample): the two routes agree.
    let z = randomDoubles([4, 5], seed: 3).float
    let labels = Tensor(shape: [4], values: [0, 4, 2, 2])
    let p = try Ops.softmax(z)
    let viaProbabilities = try Loss.sparseCategoricalCrossentropy().evaluate(predictions: p, labels: labels)
    let chained = try Ops.softmaxBackward(output: p, outputGradient: viaProbabilities.gradient)
    let fused = try Loss.sparseCategoricalCrossentropy().onLogits.evaluate(predictions: z, labels: labels)
    expectClose(chained, fused.gradient, atol: 1e-5, rtol: 1e-3, "softmax + CE")
    #expect(abs(viaProbabilities.value - fused.value) < 1e-5)
  }
}
