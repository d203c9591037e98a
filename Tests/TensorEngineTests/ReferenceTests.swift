import TensorEngine
import Testing

/// Every operation against numpy's results (scripts/make_reference.py).
@Suite struct ReferenceTests {
  @Test(arguments: try Fixture.load("conv"))
  func convolution(_ fixture: Fixture) throws {
    let x = try fixture.input("x")
    let kernel = try fixture.input("kernel")
    let bias = fixture.inputs["bias"]?.tensor
    let strides = try unwrap(try fixture.parameter("strides").ints)
    let dilation = try unwrap(try fixture.parameter("dilation").ints)
    let padding = try unwrap(try fixture.parameter("padding").padding)
    let groups = try unwrap(try fixture.parameter("groups").int)
    let expected = fixture.expected.tensor
    if fixture.op == "conv1d" {
      let fast = try Ops.conv1d(
        x, kernel: kernel, bias: bias, stride: strides[0], padding: padding, dilation: dilation[0], groups: groups)
      expectClose(fast, expected, fixture.name)
      return
    }
    let size = Size2(strides[0], strides[1])
    let dilated = Size2(dilation[0], dilation[1])
    let fast = try Ops.conv2d(x, kernel: kernel, bias: bias, strides: size, padding: padding, dilation: dilated, groups: groups)
    expectClose(fast, expected, "\(fixture.name) fast")
    let naive = try Reference.conv2d(
      x, kernel: kernel, bias: bias, strides: size, padding: padding, dilation: dilated, groups: groups)
    expectClose(naive, expected, "\(fixture.name) reference")
  }

  @Test(arguments: try Fixture.load("pool"))
  func pooling(_ fixture: Fixture) throws {
    let x = try fixture.input("x")
    let result: Tensor
    switch fixture.op {
    case "pool2d":
      let kind = try unwrap(PoolKind(rawValue: try unwrap(try fixture.parameter("kind").string)))
      let size = try unwrap(try fixture.parameter("pool_size").ints)
      let strides = try unwrap(try fixture.parameter("strides").ints)
      let padding = try unwrap(try fixture.parameter("padding").padding)
      result = try Ops.pool2d(
        x, kind: kind, poolSize: Size2(size[0], size[1]), strides: Size2(strides[0], strides[1]), padding: padding)
    case "global_pool":
      let kind = try unwrap(PoolKind(rawValue: try unwrap(try fixture.parameter("kind").string)))
      result = try Ops.globalPool2d(x, kind: kind)
    case "pad":
      let value: Float
      if case .number(let v) = try fixture.parameter("value") { value = Float(v) } else { value = 0 }
      result = try Ops.pad(
        x, top: try unwrap(try fixture.parameter("top").int), bottom: try unwrap(try fixture.parameter("bottom").int),
        left: try unwrap(try fixture.parameter("left").int), right: try unwrap(try fixture.parameter("right").int),
        value: value)
    default:
      Issue.record("unknown fixture op \(fixture.op)")
      return
    }
    expectClose(result, fixture.expected.tensor, fixture.name)
  }

  @Test(arguments: try Fixture.load("misc"))
  func operations(_ fixture: Fixture) throws {
    let result = try Self.evaluate(fixture)
    expectClose(result, fixture.expected.tensor, atol: 1e-5, rtol: 2e-4, fixture.name)
  }

  static func evaluate(_ fixture: Fixture) throws -> Tensor {
    func number(_ key: String) throws -> Float {
      guard case .number(let value) = try fixture.parameter(key) else { throw FixtureError.malformed(key) }
      return Float(value)
    }
    switch fixture.op {
    case "relu": return try Ops.relu(try fixture.input("x"))
    case "leaky_relu": return try Ops.leakyRelu(try fixture.input("x"), alpha: try number("alpha"))
    case "tanh": return try Ops.tanh(try fixture.input("x"))
    case "sigmoid": return try Ops.sigmoid(try fixture.input("x"))
    case "softmax": return try Ops.softmax(try fixture.input("x"), axis: Int(try number("axis")))
    case "dense":
      return try Ops.dense(try fixture.input("x"), weights: try fixture.input("kernel"), bias: try fixture.input("bias"))
    case "batchnorm":
      return try Ops.batchNormalization(
        try fixture.input("x"), mean: try fixture.input("mean"), variance: try fixture.input("variance"),
        gamma: try fixture.input("gamma"), beta: try fixture.input("beta"), epsilon: try number("epsilon"))
    case "matmul": return try Ops.matmul(try fixture.input("a"), try fixture.input("b"))
    case "binary":
      guard let name = try fixture.parameter("operator").string, let op = BinaryOperator(rawValue: name) else {
        throw FixtureError.malformed("operator")
      }
      return try fixture.input("a").combined(with: try fixture.input("b"), op)
    case "reduce":
      guard let name = try fixture.parameter("reduction").string, let reduction = Reduction(rawValue: name) else {
        throw FixtureError.malformed("reduction")
      }
      return try fixture.input("x").reduced(reduction, axis: try fixture.parameter("axis").int)
    case "transpose": return try fixture.input("x").transposed(try fixture.parameter("axes").ints)
    case "concat":
      let parts = try ["a", "b", "c"].compactMap { fixture.inputs[$0] == nil ? nil : try fixture.input($0) }
      return try Tensor.concatenate(parts, axis: Int(try number("axis")))
    case "slice":
      guard case .list(let entries) = try fixture.parameter("indices") else { throw FixtureError.malformed("indices") }
      let indices: [AxisIndex] = try entries.map { entry in
        switch entry {
        case .null: return .all
        case .number(let i): return .index(Int(i))
        case .list(let bounds) where bounds.count == 3:
          return .range(start: bounds[0].int, stop: bounds[1].int, step: bounds[2].int ?? 1)
        default: throw FixtureError.malformed("slice entry")
        }
      }
      return try fixture.input("x").sliced(indices)
    case "reshape":
      return try fixture.input("x").reshaped(try unwrap(try fixture.parameter("shape").ints))
    default:
      throw FixtureError.malformed("unknown op \(fixture.op)")
    }
  }
}
