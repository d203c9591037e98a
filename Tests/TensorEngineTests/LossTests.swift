import Glibc
import TensorEngine
import TestSupport
import Testing

/// Every loss: its Double reference against central differences, the float32 path against
/// the reference, hand-computed values (clipping included), and the learner's errors.
@Suite struct LossTests {
  static let all: [Loss] = [
    .sparseCategoricalCrossentropy(fromLogits: false), .sparseCategoricalCrossentropy(fromLogits: true),
    .categoricalCrossentropy(fromLogits: false), .categoricalCrossentropy(fromLogits: true),
    .binaryCrossentropy(fromLogits: false), .binaryCrossentropy(fromLogits: true),
    .meanSquaredError, .meanAbsoluteError,
  ]

  /// Predictions and labels that fit `loss`, away from the clip edges and from MAE's kink.
  static func problem(_ loss: Loss, shape: [Int], seed: UInt64) -> (DoubleTensor, DoubleTensor) {
    var generator = SeededGenerator(seed: seed)
    let classes = shape.last!
    let samples = Tensor.count(of: shape) / classes
    switch loss {
    case .sparseCategoricalCrossentropy(let fromLogits):
      let p = fromLogits ? randomDoubles(shape, seed: seed) : randomDoubles(shape, seed: seed, in: 0.05...1)
      let labels = (0..<samples).map { _ in Double(generator.next() % UInt64(classes)) }
      return (p, DoubleTensor(shape: Array(shape.dropLast()), values: labels))
    case .categoricalCrossentropy(let fromLogits):
      let p = fromLogits ? randomDoubles(shape, seed: seed) : randomDoubles(shape, seed: seed, in: 0.05...1)
      // Soft labels whose rows do not sum to 1 exercise the general formula.
      return (p, randomDoubles(shape, seed: seed + 1, in: 0...1))
    case .binaryCrossentropy(let fromLogits):
      let p = fromLogits ? randomDoubles(shape, seed: seed) : randomDoubles(shape, seed: seed, in: 0.05...0.95)
      return (p, randomDoubles(shape, seed: seed + 1, in: 0...1))
    case .meanSquaredError, .meanAbsoluteError:
      var p = randomDoubles(shape, seed: seed)
      let t = randomDoubles(shape, seed: seed + 1)
      // Keep |p - t| ≥ 0.01 so that MAE's central differences never straddle its kink.
      for i in p.values.indices where abs(p.values[i] - t.values[i]) < 0.01 { p.values[i] += 0.05 }
      return (p, t)
    }
  }

  @Test(arguments: all, [[1, 3], [2, 5], [3, 10], [2, 3, 4]])
  func referenceGradientMatchesCentralDifferences(_ loss: Loss, shape: [Int]) throws {
    let (p, t) = Self.problem(loss, shape: shape, seed: UInt64(shape.reduce(7, *)))
    let analytic = try Reference.lossGradient(loss, predictions: p, labels: t)
    try expectGradient(analytic.values, at: p.values, "\(loss.name) \(shape)") { x in
      try Reference.loss(loss, predictions: DoubleTensor(shape: shape, values: x), labels: t)
    }
  }

  @Test(arguments: all, [[1, 3], [3, 10], [32, 10], [2, 3, 4]])
  func fastPathMatchesReference(_ loss: Loss, shape: [Int]) throws {
    let (p, t) = Self.problem(loss, shape: shape, seed: UInt64(shape.reduce(11, *)))
    let fast = try loss.evaluate(predictions: p.float, labels: t.float)
    // The reference runs on the float32 inputs, so only the arithmetic differs.
    let p32 = DoubleTensor(p.float)
    let t32 = DoubleTensor(t.float)
    let value = try Reference.loss(loss, predictions: p32, labels: t32)
    let gradient = try Reference.lossGradient(loss, predictions: p32, labels: t32)
    #expect(abs(Double(fast.value) - value) <= 1e-4 + 1e-3 * abs(value), "\(loss.name): \(fast.value) vs \(value)")
    expectClose(fast.gradient, gradient.float, atol: 1e-4, rtol: 1e-3, "\(loss.name) \(shape)")
  }

  @Test func sparseFromProbabilitiesByHand() throws {
    // Rows already sum to 1, so Keras's normalisation leaves them; loss = -(ln 0.7 + ln 0.8) / 2.
    let p = Tensor(shape: [2, 3], values: [0.7, 0.2, 0.1, 0.1, 0.1, 0.8])
    let result = try Loss.sparseCategoricalCrossentropy().evaluate(predictions: p, labels: Tensor(shape: [2], values: [0, 2]))
    expectNear(result.value, -(log(0.7) + log(0.8)) / 2)
    // Through the normalisation: ∂/∂p_j = (g'_j - Σ g'_k q_k) / S with g' = -t/q, S = 1, then / 2 samples.
    // Row 0: g' = (-1/0.7, 0, 0), Σ g'q = -1. Row 1: g' = (0, 0, -1/0.8), Σ g'q = -1.
    expectNear(result.gradient, [(-1 / 0.7 + 1) / 2, 0.5, 0.5, 0.5, 0.5, (-1 / 0.8 + 1) / 2], tolerance: 1e-6)
  }

  @Test func sparseClipsAtExactlyZeroAndOne() throws {
    let p = Tensor(shape: [2, 3], values: [1, 0, 0, 1, 0, 0])
    let result = try Loss.sparseCategoricalCrossentropy().evaluate(predictions: p, labels: Tensor(shape: [2, 1], values: [0, 1]))
    // Sample 0: 1 is clipped to 1 - 1e-7 (0.99999988 in float32); sample 1: 0 is clipped to 1e-7.
    let high = Double(Float(1) - Float(1e-7))
    expectNear(result.value, (-log(high) - log(1e-7)) / 2, tolerance: 1e-6)
    // Both label entries lie outside the clip range, every other entry has label 0: no gradient.
    #expect(result.gradient.values == [0, 0, 0, 0, 0, 0])
  }

  @Test func categoricalFromLogitsByHand() throws {
    let z = Tensor(shape: [1, 3], values: [1, 2, 3])
    let result = try Loss.categoricalCrossentropy(fromLogits: true).evaluate(predictions: z, labels: Tensor(shape: [1, 3], values: [0, 0, 1]))
    let sum = exp(1.0) + exp(2.0) + exp(3.0)
    expectNear(result.value, log(sum) - 3)
    expectNear(result.gradient, [exp(1.0) / sum, exp(2.0) / sum, exp(3.0) / sum - 1])
  }

  @Test func categoricalFromUnnormalisedProbabilitiesByHand() throws {
    // Keras divides by the row sum 2 first: q = (0.25, 0.75); loss = -ln 0.75.
    let p = Tensor(shape: [1, 2], values: [0.5, 1.5])
    let result = try Loss.categoricalCrossentropy().evaluate(predictions: p, labels: Tensor(shape: [1, 2], values: [0, 1]))
    expectNear(result.value, -log(0.75))
    // g' = (0, -1/0.75), Σ g'q = -1: ∂/∂p = ((0 + 1) / 2, (-1/0.75 + 1) / 2).
    expectNear(result.gradient, [0.5, (-1 / 0.75 + 1) / 2])
  }

  @Test func binaryFromProbabilitiesByHandWithClipping() throws {
    let p = Tensor(shape: [2, 2], values: [0.9, 0.2, 0, 1])
    let t = Tensor(shape: [2, 2], values: [1, 0, 1, 1])
    let result = try Loss.binaryCrossentropy().evaluate(predictions: p, labels: t)
    let high = Double(Float(1) - Float(1e-7))
    expectNear(result.value, (-log(0.9) - log(0.8) - log(1e-7) - log(high)) / 4, tolerance: 1e-6)
    expectNear(result.gradient, [-1 / 0.9 / 4, 1 / 0.8 / 4, 0, 0])
  }

  @Test func binaryFromLogitsByHand() throws {
    // Labels (2,) against predictions (2, 1): Keras expands the labels.
    let z = Tensor(shape: [2, 1], values: [0, 2])
    let result = try Loss.binaryCrossentropy(fromLogits: true).evaluate(predictions: z, labels: Tensor(shape: [2], values: [1, 0]))
    expectNear(result.value, (log(2.0) + 2 + log(1 + exp(-2.0))) / 2)
    expectNear(result.gradient, [(0.5 - 1) / 2, (1 / (1 + exp(-2.0))) / 2])
  }

  @Test func meanSquaredAndAbsoluteErrorByHand() throws {
    let p = Tensor(shape: [2, 2], values: [1, 2, 3, 4])
    let t = Tensor(shape: [2, 2], values: [0, 2, 5, 4])
    let mse = try Loss.meanSquaredError.evaluate(predictions: p, labels: t)
    expectNear(mse.value, ((1 + 0) / 2 + (4 + 0) / 2) / 2)
    expectNear(mse.gradient, [2 * 1 / 4, 0, 2 * -2 / 4, 0])
    let mae = try Loss.meanAbsoluteError.evaluate(predictions: p, labels: t)
    expectNear(mae.value, ((1 + 0) / 2 + (2 + 0) / 2) / 2)
    expectNear(mae.gradient, [0.25, 0, -0.25, 0])
  }

  @Test func labelsThatDoNotFitAreLearnerFacingErrors() throws {
    let p = Tensor(shape: [2, 10], repeating: 0.1)
    let sparse = Loss.sparseCategoricalCrossentropy()
    #expect(throws: TensorError.invalidArgument(
      operation: "sparse_categorical_crossentropy", reason: .labelNotClass(label: 10, sample: 1, classes: 10)
    )) { try sparse.evaluate(predictions: p, labels: Tensor(shape: [2], values: [3, 10])) }
    #expect(throws: TensorError.invalidArgument(
      operation: "sparse_categorical_crossentropy", reason: .labelNotWhole(label: 2.5, sample: 0, classes: 10)
    )) { try sparse.evaluate(predictions: p, labels: Tensor(shape: [2], values: [2.5, 1])) }
    #expect(ArgumentProblem.labelNotClass(label: 10, sample: 1, classes: 10).description
      == "label 10 of sample 1 is not a class: the predictions have 10 classes, so labels go from 0 to 9")
    #expect(ArgumentProblem.labelNotWhole(label: 2.5, sample: 0, classes: 10).description
      == "label 2.5 of sample 0 is not a whole number: sparse labels are class numbers from 0 to 9")
    do {
      _ = try sparse.evaluate(predictions: p, labels: p)
      Issue.record("one-hot labels were accepted by the sparse loss")
    } catch let error as TensorError {
      #expect(error.description.contains("one-hot labels go with categorical_crossentropy"), "\(error)")
    }
    do {
      _ = try Loss.categoricalCrossentropy().evaluate(predictions: p, labels: Tensor(shape: [2], values: [1, 2]))
      Issue.record("class numbers were accepted by the one-hot loss")
    } catch let error as TensorError {
      #expect(error.description == "categorical_crossentropy expects one-hot labels of the predictions' shape (2, 10) "
        + "(class numbers go with sparse_categorical_crossentropy); got (2,)")
    }
    #expect(throws: TensorError.self) {
      try Loss.meanSquaredError.evaluate(predictions: p, labels: Tensor(shape: [2, 9], repeating: 0))
    }
  }

  @Test func onLogitsIsTheLogitsFormOfEachCrossEntropy() {
    #expect(Loss.sparseCategoricalCrossentropy().onLogits == .sparseCategoricalCrossentropy(fromLogits: true))
    #expect(Loss.binaryCrossentropy().onLogits == .binaryCrossentropy(fromLogits: true))
    #expect(Loss.meanSquaredError.onLogits == .meanSquaredError)
  }
}
