import CNNLang
import TensorEngine
import Testing

/// A training step with its batch split over two threads (`BatchSplit`) against the same
/// step on one thread, and both against the chain rule summed in Double by the engine's
/// naive references. Serialized: the thread count is process-wide.
@Suite(.serialized) struct TrainingSplitTests {
  static let model = """
    model = Sequential([Conv2D(4, 3, activation="relu", input_shape=(8, 8, 2)), MaxPooling2D(2), Flatten(),
                        Dense(5, activation="softmax")])
    model.compile(optimizer=SGD(learning_rate=1.0), loss="sparse_categorical_crossentropy")
    x = random((16, 8, 8, 2), seed=3)
    y = tensor([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0])
    k0, b0, k1, b1 = model.get_weights()
    loss = model.train_on_batch(x, y)
    k0n, b0n, k1n, b1n = model.get_weights()
    """

  /// Runs `code` in a fresh interpreter on `threads` engine threads.
  static func run(_ code: String, threads: Int) throws -> Interpreter {
    let saved = Parallelism.threadCount
    Parallelism.threadCount = threads
    defer { Parallelism.threadCount = saved }
    let run = CellRun(code)
    try #require(run.error == nil, "\(run.shown)")
    return run.interpreter
  }

  static func tensor(_ name: String, in interpreter: Interpreter) throws -> Tensor {
    guard case .tensor(let t, _)? = interpreter.value(of: name) else {
      Issue.record("\(name) is not a tensor")
      return Tensor(shape: [0])
    }
    return t
  }

  /// The weight gradients of the step, read back from SGD with learning rate 1 (w_new = w - g).
  static func gradients(_ interpreter: Interpreter) throws -> [[Double]] {
    try ["k0", "b0", "k1", "b1"].map { name in
      let before = try tensor(name, in: interpreter).values
      let after = try tensor(name + "n", in: interpreter).values
      return zip(before, after).map { Double($0) - Double($1) }
    }
  }

  /// Largest difference relative to the largest value of `expected`.
  static func relativeError(_ actual: [Double], _ expected: [Double]) -> Double {
    let scale = max(expected.map(abs).max() ?? 0, 1e-12)
    return zip(actual, expected).map { abs($0 - $1) }.max()! / scale
  }

  @Test func splitStepEqualsTheOneThreadStepAndTheDoubleReference() throws {
    let one = try Self.run(Self.model, threads: 1)
    let two = try Self.run(Self.model, threads: 2)
    // The same starting weights on both sides (seeded by the layers' names).
    #expect(try Self.tensor("k0", in: one).values == Self.tensor("k0", in: two).values)

    // The reference: the chain rule through the naive Double loops, from the same weights.
    let x = DoubleTensor(try Self.tensor("x", in: one))
    let labels = DoubleTensor(try Self.tensor("y", in: one))
    let k0 = DoubleTensor(try Self.tensor("k0", in: one))
    let b0 = DoubleTensor(try Self.tensor("b0", in: one))
    let k1 = DoubleTensor(try Self.tensor("k1", in: one))
    let b1 = DoubleTensor(try Self.tensor("b1", in: one))
    let z0 = try Reference.conv2d(x, kernel: k0, bias: b0)
    let a0 = Reference.activation(z0, .relu)
    let p0 = try Reference.pool2d(a0, kind: .max)
    let flat = DoubleTensor(shape: [16, p0.count / 16], values: p0.values)
    let z1 = try Reference.dense(flat, weights: k1, bias: b1)
    let probabilities = Reference.softmax(z1)
    let loss = Loss.sparseCategoricalCrossentropy(fromLogits: false)
    let dp = try Reference.lossGradient(loss, predictions: probabilities, labels: labels)
    let dz1 = Reference.softmaxBackward(input: z1, outputGradient: dp)
    let g1 = try Reference.denseBackward(flat, weights: k1, outputGradient: dz1)
    let dp0 = DoubleTensor(shape: p0.shape, values: g1.input.values)
    let da0 = try Reference.pool2dBackward(a0, outputGradient: dp0, kind: .max)
    let dz0 = Reference.activationBackward(input: z0, outputGradient: da0, .relu)
    let g0 = try Reference.conv2dBackward(x, kernel: k0, outputGradient: dz0)
    let reference = [g0.weights.values, g0.bias!.values, g1.weights.values, g1.bias!.values]

    let unsplit = try Self.gradients(one)
    let split = try Self.gradients(two)
    for (i, name) in ["conv kernel", "conv bias", "dense kernel", "dense bias"].enumerated() {
      #expect(Self.relativeError(split[i], unsplit[i]) < 1e-5, "\(name): split against one thread")
      #expect(Self.relativeError(unsplit[i], reference[i]) < 1e-5, "\(name): one thread against Double")
      #expect(Self.relativeError(split[i], reference[i]) < 1e-5, "\(name): split against Double")
    }
    let lossOne = try #require(one.value(of: "loss").flatMap { if case .number(let v) = $0 { v } else { nil } })
    let lossTwo = try #require(two.value(of: "loss").flatMap { if case .number(let v) = $0 { v } else { nil } })
    let referenceLoss = try Reference.loss(loss, predictions: probabilities, labels: labels)
    #expect(abs(lossOne - referenceLoss) < 1e-5 && abs(lossTwo - referenceLoss) < 1e-5)
  }

  /// Dropout draws each shard's part of the whole batch's mask, so three steps with dropout
  /// end at the same weights on one, two and three threads.
  @Test func dropoutMasksAreTheWholeBatchsOnEveryThreadCount() throws {
    let code = """
      model = Sequential([Conv2D(6, 5, padding="same", activation="relu", input_shape=(12, 12, 1)), MaxPooling2D(2),
                          Flatten(), Dropout(0.5), Dense(10, activation="softmax")])
      model.compile(optimizer=SGD(learning_rate=0.5), loss="sparse_categorical_crossentropy")
      x = random((24, 12, 12, 1), seed=5)
      y = tensor([i % 10 for i in range(24)])
      for i in range(3):
          model.train_on_batch(x, y)
      k0, b0, k1, b1 = model.get_weights()
      """
    let one = try Self.run(code, threads: 1)
    let two = try Self.run(code, threads: 2)
    let three = try Self.run(code, threads: 3)
    for name in ["k0", "b0", "k1", "b1"] {
      let a = try Self.tensor(name, in: one).values.map(Double.init)
      for other in [two, three] {
        let b = try Self.tensor(name, in: other).values.map(Double.init)
        // A mask drawn from the wrong rows would move whole units: differences near the step size.
        #expect(Self.relativeError(b, a) < 1e-4, "\(name)")
      }
    }
  }
}
