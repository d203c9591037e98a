import TensorEngine
import TestSupport
import Testing

/// Batch normalization and dropout in training mode.
@Suite struct TrainingModeTests {
  static let shapes: [[Int]] = [[1, 3, 3, 2], [2, 4, 4, 3], [3, 2, 5, 5], [2, 1], [5, 4], [3, 1, 1, 7]]

  @Test(arguments: shapes)
  func batchNormalizationGradients(shape: [Int]) throws {
    let c = shape.last!
    let x = randomDoubles(shape, seed: UInt64(shape.reduce(19, *)))
    let gamma = randomDoubles([c], seed: 4, in: 0.5...2)
    let beta = randomDoubles([c], seed: 5)
    let r = GradientCheck.weights(count: x.count, seed: 12)
    let dy = DoubleTensor(shape: shape, values: r)
    let analytic = Reference.batchNormalizationBackward(x, gamma: gamma, outputGradient: dy)
    let forward = { (x: DoubleTensor, gamma: DoubleTensor, beta: DoubleTensor) in
      weighted(Reference.batchNormalizationTraining(x, gamma: gamma, beta: beta).output, r)
    }
    try expectGradient(analytic.input.values, at: x.values, "bn x \(shape)") { forward(DoubleTensor(shape: shape, values: $0), gamma, beta) }
    try expectGradient(analytic.gamma, at: gamma.values, "bn gamma \(shape)") { forward(x, DoubleTensor(shape: [c], values: $0), beta) }
    try expectGradient(analytic.beta, at: beta.values, "bn beta \(shape)") { forward(x, gamma, DoubleTensor(shape: [c], values: $0)) }

    let moving = Tensor(shape: [c], repeating: 0)
    let fast = try Ops.batchNormalizationTraining(
      x.float, gamma: gamma.float, beta: beta.float, movingMean: moving, movingVariance: Tensor(shape: [c], repeating: 1))
    let reference = Reference.batchNormalizationTraining(DoubleTensor(x.float), gamma: DoubleTensor(gamma.float), beta: DoubleTensor(beta.float))
    expectClose(fast.output, reference.output.float, atol: 1e-4, rtol: 1e-3, "bn forward \(shape)")
    let grads = try Ops.batchNormalizationBackward(input: x.float, outputGradient: dy.float, gamma: gamma.float, forward: fast)
    let naive = Reference.batchNormalizationBackward(DoubleTensor(x.float), gamma: DoubleTensor(gamma.float), outputGradient: DoubleTensor(dy.float))
    expectClose(grads.input, naive.input.float, atol: 1e-4, rtol: 1e-3, "bn dx \(shape)")
    expectClose(grads.gamma, DoubleTensor(shape: [c], values: naive.gamma).float, atol: 1e-4, rtol: 1e-3, "bn dgamma \(shape)")
    expectClose(grads.beta, DoubleTensor(shape: [c], values: naive.beta).float, atol: 1e-4, rtol: 1e-3, "bn dbeta \(shape)")
  }

  @Test func batchNormalizationStatisticsByHand() throws {
    // One channel holding 1, 2, 3, 6: mean 3, biased variance (4 + 1 + 0 + 9) / 4 = 3.5.
    let x = Tensor(shape: [2, 2, 1], values: [1, 2, 3, 6])
    let result = try Ops.batchNormalizationTraining(
      x, gamma: Tensor(shape: [1], values: [2]), beta: Tensor(shape: [1], values: [0.5]),
      movingMean: Tensor(shape: [1], values: [1]), movingVariance: Tensor(shape: [1], values: [2]))
    expectNear(result.mean, [3])
    expectNear(result.variance, [3.5])
    // Keras: moving = moving · 0.99 + batch · 0.01.
    expectNear(result.movingMean, [1 * 0.99 + 3 * 0.01])
    expectNear(result.movingVariance, [2 * 0.99 + 3.5 * 0.01])
    let inv = 1 / (3.5 + 1e-3).squareRoot()
    expectNear(result.output, [1, 2, 3, 6].map { 2 * ($0 - 3) * inv + 0.5 })
    // Inference mode is unchanged: the moving statistics, not the batch's.
    let inference = try Ops.batchNormalization(x, mean: Tensor(shape: [1], values: [1]), variance: Tensor(shape: [1], values: [2]))
    expectNear(inference, [1, 2, 3, 6].map { ($0 - 1) / (2 + 1e-3).squareRoot() })
  }

  @Test func dropoutKeepsAboutOneMinusRateAndScales() throws {
    let x = Tensor(shape: [100, 100], repeating: 3)
    var generator = SeededGenerator(seed: 42)
    let (y, mask) = try Ops.dropoutTraining(x, rate: 0.25, generator: &generator)
    let kept = mask.kept.values.filter { $0 == 1 }.count
    // 10,000 draws at p = 0.75: the standard deviation is about 43.
    #expect(abs(kept - 7500) < 250, "kept \(kept)")
    for (value, keep) in zip(y.values, mask.kept.values) { #expect(value == (keep == 1 ? 4 : 0)) }
    // Seeded: the same seed gives the same mask; the generator moved on.
    var again = SeededGenerator(seed: 42)
    #expect(try Ops.dropoutTraining(x, rate: 0.25, generator: &again).mask.kept == mask.kept)
    #expect(try Ops.dropoutTraining(x, rate: 0.25, generator: &generator).mask.kept != mask.kept)
    // Backward goes through the same mask and scale.
    let dy = Tensor(shape: [100, 100], repeating: 1.5)
    let dx = try Ops.dropoutBackward(outputGradient: dy, mask: mask)
    for (g, keep) in zip(dx.values, mask.kept.values) { #expect(g == (keep == 1 ? 2 : 0)) }
  }

  @Test func dropoutGradientMatchesCentralDifferences() throws {
    let shape = [3, 5, 2]
    var generator = SeededGenerator(seed: 7)
    let x = randomDoubles(shape, seed: 3)
    let (_, mask) = try Ops.dropoutTraining(x.float, rate: 0.4, generator: &generator)
    let kept = DoubleTensor(mask.kept)
    let r = GradientCheck.weights(count: x.count, seed: 1)
    let fast = try Ops.dropoutBackward(outputGradient: DoubleTensor(shape: shape, values: r).float, mask: mask)
    let reference = Reference.dropout(DoubleTensor(shape: shape, values: r), kept: kept, rate: Double(Float(0.4)))
    expectClose(fast, reference.float, atol: 1e-6, rtol: 1e-5, "dropout backward")
    try expectGradient(reference.values, at: x.values, "dropout") { v in
      weighted(Reference.dropout(DoubleTensor(shape: shape, values: v), kept: kept, rate: Double(Float(0.4))), r)
    }
  }

  @Test func dropoutRateZeroIsTheIdentityAndBadRatesAreRefused() throws {
    var generator = SeededGenerator(seed: 1)
    let x = Tensor(shape: [4], values: [1, 2, 3, 4])
    #expect(try Ops.dropoutTraining(x, rate: 0, generator: &generator).output == x)
    #expect(throws: TensorError.self) { try Ops.dropoutTraining(x, rate: 1, generator: &generator) }
    // Inference stays the identity.
    #expect(try Ops.dropout(x, rate: 0.5) == x)
  }
}
