import Glibc
import TensorEngine
import Testing

// The fixtures of this target have a `Parameter` of their own.
private typealias Weight = TensorEngine.Parameter

/// Each optimizer for three steps on f(w) = ½‖w - target‖², whose gradient is w - target,
/// against Keras's update formulas written out here in Double; then the all-or-nothing rule.
@Suite struct OptimizerTests {
  static let start: [Double] = [1.0, -2.0, 0.5, 3.0, -0.25, 0.0, 2.0, -1.0, 0.75]  // 9 values: one vector and a tail
  static let target: [Double] = [0.0, 1.0, 0.5, -1.0, 2.0, 0.3, 0.0, 0.0, -3.0]

  /// Runs `optimizer` three steps from `start` and compares each step with `expected(w, g, step)`,
  /// which returns the next weights from the previous (Double) ones.
  func check(
    _ optimizer: Optimizer, _ label: String, tolerance: Double = 2e-6,
    sourceLocation: SourceLocation = #_sourceLocation,
    expected: (_ w: [Double], _ g: [Double], _ step: Int) -> [Double]
  ) throws {
    let parameter = Weight(Tensor(shape: [3, 3], values: Self.start.map(Float.init)), name: "w")
    var w = Self.start
    for step in 1...3 {
      parameter.gradient = Tensor(shape: [3, 3], values: zip(parameter.value.values, Self.target).map { $0 - Float($1) })
      try optimizer.apply(to: [parameter])
      w = expected(w, zip(w, Self.target).map { $0 - $1 }, step)
      for i in w.indices {
        let got = Double(parameter.value.values[i])
        #expect(abs(got - w[i]) <= tolerance, "\(label) step \(step) [\(i)]: \(got) vs \(w[i])", sourceLocation: sourceLocation)
      }
      #expect(parameter.version == UInt64(step), sourceLocation: sourceLocation)
      #expect(optimizer.iterations == step, sourceLocation: sourceLocation)
    }
  }

  @Test func sgdPlain() throws {
    try check(try .sgd(), "sgd") { w, g, _ in zip(w, g).map { $0 - 0.01 * $1 } }
  }

  @Test func sgdMomentum() throws {
    var m = [Double](repeating: 0, count: 9)
    try check(try .sgd(learningRate: 0.1, momentum: 0.9), "sgd momentum") { w, g, _ in
      m = zip(m, g).map { 0.9 * $0 - 0.1 * $1 }
      return zip(w, m).map { $0 + $1 }
    }
  }

  @Test func sgdNesterov() throws {
    var m = [Double](repeating: 0, count: 9)
    try check(try .sgd(learningRate: 0.1, momentum: 0.9, nesterov: true), "sgd nesterov") { w, g, _ in
      m = zip(m, g).map { 0.9 * $0 - 0.1 * $1 }
      return (0..<9).map { w[$0] + 0.9 * m[$0] - 0.1 * g[$0] }
    }
  }

  /// Keras's Adam with ε-hat; `decay` is AdamW's `w -= w · weight_decay · lr`, applied first.
  func adamSteps(learningRate: Double, decay: Double) -> ([Double], [Double], Int) -> [Double] {
    var m = [Double](repeating: 0, count: 9)
    var v = [Double](repeating: 0, count: 9)
    return { w, g, t in
      let alpha = learningRate * (1 - pow(0.999, Double(t))).squareRoot() / (1 - pow(0.9, Double(t)))
      return (0..<9).map { i in
        m[i] += (g[i] - m[i]) * (1 - 0.9)
        v[i] += (g[i] * g[i] - v[i]) * (1 - 0.999)
        let decayed = w[i] - w[i] * decay * learningRate
        return decayed - alpha * m[i] / (v[i].squareRoot() + 1e-7)
      }
    }
  }

  @Test func adam() throws {
    try check(try .adam(), "adam", expected: adamSteps(learningRate: 0.001, decay: 0))
    // A larger rate makes the three steps move far enough to tell formulas apart.
    try check(try .adam(learningRate: 0.1), "adam 0.1", expected: adamSteps(learningRate: 0.1, decay: 0))
  }

  @Test func adamW() throws {
    try check(try .adamW(), "adamw", expected: adamSteps(learningRate: 0.001, decay: 0.004))
    try check(try .adamW(learningRate: 0.1, weightDecay: 0.5), "adamw big", expected: adamSteps(learningRate: 0.1, decay: 0.5))
  }

  @Test func rmsprop() throws {
    var s = [Double](repeating: 0, count: 9)
    try check(try .rmsprop(), "rmsprop") { w, g, _ in
      (0..<9).map { i in
        s[i] = 0.9 * s[i] + 0.1 * g[i] * g[i]
        return w[i] - 0.001 * g[i] / (s[i] + 1e-7).squareRoot()
      }
    }
  }

  @Test func rmspropCenteredWithMomentum() throws {
    var s = [Double](repeating: 0, count: 9)
    var a = [Double](repeating: 0, count: 9)
    var m = [Double](repeating: 0, count: 9)
    try check(try .rmsprop(learningRate: 0.01, momentum: 0.5, centered: true), "rmsprop centered") { w, g, _ in
      (0..<9).map { i in
        s[i] = 0.9 * s[i] + 0.1 * g[i] * g[i]
        a[i] = 0.9 * a[i] + 0.1 * g[i]
        m[i] = 0.5 * m[i] + 0.01 * g[i] / (s[i] - a[i] * a[i] + 1e-7).squareRoot()
        return w[i] - m[i]
      }
    }
  }

  @Test func largeParameterSplitOverCoresMatchesTheFormula() throws {
    // 140,001 values: split over two threads (64 Ki values each at least), and a tail of one value.
    let count = 140_001
    var generator = SeededGenerator(seed: 3)
    let w0 = (0..<count).map { _ in Float(generator.uniform(-1, 1)) }
    let g = (0..<count).map { _ in Float(generator.uniform(-1, 1)) }
    let parameter = Weight(Tensor(shape: [count], values: w0), name: "big")
    parameter.gradient = Tensor(shape: [count], values: g)
    try Optimizer.adam(learningRate: 0.01).apply(to: [parameter])
    // First step: m = 0.1·g, v = 0.001·g², α = 0.01·√0.001 / 0.1.
    let alpha = 0.01 * 0.001.squareRoot() / 0.1
    for i in stride(from: 0, to: count, by: 997) + [count - 1] {
      let gi = Double(g[i])
      let expected = Double(w0[i]) - alpha * 0.1 * gi / ((0.001 * gi * gi).squareRoot() + 1e-7)
      #expect(abs(Double(parameter.value.values[i]) - expected) < 1e-6, "value \(i)")
    }
  }

  @Test func clipping() throws {
    // Gradient (3, 4) has norm 5: clipnorm 1 scales it to (0.6, 0.8); clipvalue 1 gives (1, 1).
    let byNorm = Weight(Tensor(shape: [2], values: [0, 0]), name: "w")
    byNorm.gradient = Tensor(shape: [2], values: [3, 4])
    try Optimizer.sgd(learningRate: 1, clipNorm: 1).apply(to: [byNorm])
    expectNear(byNorm.value, [-0.6, -0.8])
    let byValue = Weight(Tensor(shape: [2], values: [0, 0]), name: "w")
    byValue.gradient = Tensor(shape: [2], values: [3, -0.5])
    try Optimizer.sgd(learningRate: 1, clipValue: 1).apply(to: [byValue])
    expectNear(byValue.value, [-1, 0.5])
  }

  @Test func allOrNothing() throws {
    for optimizer in [try Optimizer.sgd(momentum: 0.9), try .adam(), try .rmsprop(), try .adamW()] {
      let good = Weight(Tensor(shape: [4], values: [1, 2, 3, 4]), name: "dense/kernel")
      good.gradient = Tensor(shape: [4], values: [1, 1, 1, 1])
      let missing = Weight(Tensor(shape: [2], values: [5, 6]), name: "dense/bias")
      let misshaped = Weight(Tensor(shape: [2], values: [7, 8]), name: "conv2d/bias")
      misshaped.gradient = Tensor(shape: [3], values: [1, 1, 1])
      for broken in [missing, misshaped] {
        #expect(throws: TensorError.self) { try optimizer.apply(to: [good, broken]) }
        #expect(good.value.values == [1, 2, 3, 4] && good.version == 0 && good.optimizerState == nil)
        #expect(broken.version == 0 && broken.optimizerState == nil)
        #expect(optimizer.iterations == 0)
      }
      #expect(throws: TensorError.self) { try optimizer.apply(to: [good, good]) }
      #expect(good.version == 0)
      // A frozen parameter needs no gradient and is left alone.
      missing.trainable = false
      try optimizer.apply(to: [good, missing])
      #expect(good.version == 1 && missing.version == 0 && missing.value.values == [5, 6])
      #expect(good.weightsVersion == WeightsVersion(owner: good.id, version: 1))
    }
  }

  @Test func missingGradientMessage() throws {
    let p = Weight(Tensor(shape: [1], values: [0]), name: "dense/bias")
    #expect(throws: TensorError.invalidArgument(operation: "adam", reason: .noGradient(parameter: "dense/bias"))) {
      try Optimizer.adam().apply(to: [p])
    }
    #expect(TensorError.invalidArgument(operation: "adam", reason: .noGradient(parameter: "dense/bias")).description
      == "adam: dense/bias has no gradient: the loss does not depend on it")
  }

  @Test func stateBelongsToTheParameterAndToOneOptimizer() throws {
    let p = Weight(Tensor(shape: [3], values: [1, 2, 3]), name: "w")
    p.gradient = Tensor(shape: [3], values: [0.5, -1, 2])
    let adam = try Optimizer.adam()
    try adam.apply(to: [p])
    let state = try #require(p.optimizerState)
    #expect(state.optimizer == adam.id && state.slots.count == 2)
    // m = 0.1·g, v = 0.001·g² after one step.
    expectNear(state.slots[0], [0.05, -0.1, 0.2])
    expectNear(state.slots[1], [0.00025, 0.001, 0.004])
    // A new optimizer starts from fresh state, as a new Keras optimizer does.
    let sgd = try Optimizer.sgd(momentum: 0.5)
    try sgd.apply(to: [p])
    #expect(p.optimizerState?.optimizer == sgd.id && p.optimizerState?.slots.count == 1)
  }

  @Test func parameterIdentityAssignAndAccumulate() throws {
    let a = Weight(Tensor(shape: [2], values: [1, 2]), name: "a")
    let b = Weight(Tensor(shape: [2], values: [1, 2]), name: "b")
    #expect(a.id != b.id)
    try a.assign(Tensor(shape: [2], values: [3, 4]))
    #expect(a.version == 1 && a.value.values == [3, 4])
    #expect(throws: TensorError.self) { try a.assign(Tensor(shape: [3], values: [1, 2, 3])) }
    #expect(a.version == 1)
    try a.accumulateGradient(Tensor(shape: [2], values: [1, 1]))
    try a.accumulateGradient(Tensor(shape: [2], values: [0.5, 2]))
    #expect(a.gradient?.values == [1.5, 3])
    #expect(throws: TensorError.self) { try a.accumulateGradient(Tensor(shape: [1], values: [1])) }
    a.clearGradient()
    #expect(a.gradient == nil)
  }
}
