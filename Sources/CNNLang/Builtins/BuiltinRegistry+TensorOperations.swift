import TensorEngine
import TextAndTime

// Operations on tensors: convolution, padding, pooling, activations and reshaping. Convolution
// and pooling results remember how they were made (`TensorOrigin`), for explain().
extension BuiltinRegistry {
  mutating func addTensorOperations() {
    add(Builtin(
      "conv2d",
      [
        Parameter("x"), Parameter("k"), Parameter("strides", default: .number(1)),
        Parameter("padding", default: .string("valid")), Parameter("dilation", default: .number(1)),
        Parameter("bias", default: Value.none), Parameter("activation", default: Value.none),
      ],
      doc: "Slides the filter k over the image x and adds up the products at every position (cross-correlation, as deep learning libraries compute it). k is (kh, kw) for a gray image or (kh, kw, C_in, C_out); padding is \"valid\", \"same\" or a number of zero rows and columns; strides and dilation are a number or a pair. Optional bias and activation (\"relu\", \"tanh\", \"sigmoid\"). Example: conv2d(x, filter(\"vertical_edge\")) on a 6x6 image gives 4x4; explain(y, at=(0, 0)) shows the arithmetic."
    ) { (args, ev) throws(RuntimeError) in
      let x = try args.tensorArgument("x")
      let k = try args.tensorArgument("k")
      let strides = try args.size2Argument("strides")
      let padding = try args.paddingArgument("padding")
      let dilation = try args.size2Argument("dilation")
      let bias = try TensorOperationArguments.bias(args, filters: k.rank == 4 ? k.shape[3] : 1)
      let activation = try TensorOperationArguments.activation(args, "activation")
      let y = try EngineCall.run {
        try Ops.conv2d(
          x, kernel: k, bias: bias, strides: strides, padding: padding, dilation: dilation, activation: activation,
          cancellation: ev.cancellation)
      }
      let origin = TensorOrigin.convolution(
        input: x, kernel: k, bias: bias, strides: strides, padding: padding, dilation: dilation, groups: 1,
        activation: activation, layerName: nil)
      return .tensor(y, origin: origin)
    })

    add(Builtin(
      "conv1d",
      [Parameter("x"), Parameter("k"), Parameter("strides", default: .number(1)), Parameter("padding", default: .string("valid"))],
      doc: "Slides the filter k along the sequence x and adds up the products at every position. x is (L) or (L, C); k is (k) or (k, C_in, C_out). Example: conv1d(tensor([1, 2, 3, 4]), tensor([1, -1])) is [-1, -1, -1]."
    ) { (args, ev) throws(RuntimeError) in
      let x = try args.tensorArgument("x")
      let k = try args.tensorArgument("k")
      let stride = try args.int("strides")
      guard stride >= 1 else { throw RuntimeError(.negativeValue(function: "conv1d", parameter: "strides")) }
      let padding = try args.paddingArgument("padding")
      return .tensor(try EngineCall.run { try Ops.conv1d(x, kernel: k, stride: stride, padding: padding, cancellation: ev.cancellation) })
    })

    add(Builtin(
      "pad", [Parameter("x"), Parameter("p"), Parameter("value", default: .number(0))],
      doc: "Adds p rows and columns of value (0 by default) around an image. p is a number, a pair (rows, columns) or ((top, bottom), (left, right)). Example: pad(x, 1) turns 6x6 into 8x8."
    ) { (args, _) throws(RuntimeError) in
      let x = try args.tensorArgument("x")
      let (top, bottom, left, right) = try TensorOperationArguments.padSides(args, "p")
      let value = Float(try args.number("value"))
      return .tensor(try EngineCall.run { try Ops.pad(x, top: top, bottom: bottom, left: left, right: right, value: value) })
    })

    for (name, kind, what) in [
      ("max_pool", PoolKind.max, "the largest value"), ("avg_pool", .average, "the average"),
      ("min_pool", .min, "the smallest value"),
    ] {
      add(Builtin(
        name,
        [
          Parameter("x"), Parameter("pool_size", default: .number(2)), Parameter("strides", default: Value.none),
          Parameter("padding", default: .string("valid")),
        ],
        doc: "Keeps \(what) of each pool_size window, moving by strides (the pool size when None). padding=\"same\" gives ceil(size / stride) outputs; padded cells are never counted. Example: \(name)(x, 2) halves a 4x4 image to 2x2."
      ) { (args, ev) throws(RuntimeError) in
        let x = try args.tensorArgument("x")
        let poolSize = try args.size2Argument("pool_size")
        let strides = args["strides"].isNone ? poolSize : try args.size2Argument("strides")
        let padding = try args.paddingArgument("padding")
        let y = try EngineCall.run {
          try Ops.pool2d(x, kind: kind, poolSize: poolSize, strides: strides, padding: padding, cancellation: ev.cancellation)
        }
        let origin = TensorOrigin.pooling(input: x, kind: kind, poolSize: poolSize, strides: strides, padding: padding, layerName: nil)
        return .tensor(y, origin: origin)
      })
    }

    for (name, kind, what) in [("global_avg_pool", PoolKind.average, "average"), ("global_max_pool", .max, "largest value")] {
      add(Builtin(
        name, [Parameter("x")],
        doc: "The \(what) of each channel over the whole image: (H, W, C) gives (C,), a batch (N, H, W, C) gives (N, C). Example: \(name)(zeros((7, 7, 512))).shape is (512,)."
      ) { (args, _) throws(RuntimeError) in
        let x = try args.tensorArgument("x")
        return .tensor(try EngineCall.run { try Ops.globalPool2d(x, kind: kind) })
      })
    }

    addActivationFunctions()
    addShapeFunctions()
  }

  private mutating func addActivationFunctions() {
    let simple: [(String, Activation, String)] = [
      ("relu", .relu, "Keeps positive values and sets negative ones to 0. Example: relu(tensor([-2, 3])) is [0, 3]."),
      ("tanh", .tanh, "The hyperbolic tangent of every value, between -1 and 1. Example: tanh(0) is 0."),
      ("sigmoid", .sigmoid, "1 / (1 + exp(-x)) for every value, between 0 and 1. Example: sigmoid(0) is 0.5."),
    ]
    for (name, activation, doc) in simple {
      add(Builtin(name, [Parameter("x")], doc: doc) { (args, _) throws(RuntimeError) in
        try TensorOperationArguments.elementwise(args) { t in try Ops.activation(t, activation) }
      })
    }
    add(Builtin(
      "leaky_relu", [Parameter("x"), Parameter("alpha", default: .number(0.3))],
      doc: "Keeps positive values and multiplies negative ones by alpha (0.3, as in Keras). Example: leaky_relu(tensor([-10, 5])) is [-3, 5]."
    ) { (args, _) throws(RuntimeError) in
      let alpha = Float(try args.number("alpha"))
      return try TensorOperationArguments.elementwise(args) { t in try Ops.leakyRelu(t, alpha: alpha) }
    })
    add(Builtin(
      "softmax", [Parameter("x"), Parameter("axis", default: .number(-1))],
      doc: "Turns scores into probabilities that add up to 1 along axis (the last by default): exp(x) / sum(exp(x)). Example: softmax(tensor([1, 1])) is [0.5, 0.5]."
    ) { (args, _) throws(RuntimeError) in
      let axis = try args.int("axis")
      return .tensor(try EngineCall.run { try Ops.softmax(try args.tensorArgument("x"), axis: axis) })
    })
  }

  private mutating func addShapeFunctions() {
    add(Builtin(
      "flatten", [Parameter("x")],
      doc: "All values in one row: shape (n,). Example: flatten(zeros((28, 28))).shape is (784,)."
    ) { (args, _) throws(RuntimeError) in
      let x = try args.tensorArgument("x")
      return .rearranged(try EngineCall.run { try x.flattened() }, from: args["x"])
    })
    add(Builtin(
      "reshape", [Parameter("x"), Parameter("shape")],
      doc: "The same values in a new shape with the same number of values; one size may be -1 and is worked out. Example: reshape(arange(6), (2, 3))."
    ) { (args, _) throws(RuntimeError) in
      let x = try args.tensorArgument("x")
      let shape = try TensorOperationArguments.reshapeTarget(args, "shape")
      return .rearranged(try EngineCall.run { try x.reshaped(shape) }, from: args["x"])
    })
    add(Builtin(
      "transpose", [Parameter("x"), Parameter("axes", default: Value.none)],
      doc: "The axes in a new order (reversed when axes is None): rows become columns. Example: transpose(zeros((2, 3))).shape is (3, 2)."
    ) { (args, _) throws(RuntimeError) in
      let x = try args.tensorArgument("x")
      let axes = args["axes"].isNone ? nil : try TensorOperationArguments.reshapeTarget(args, "axes")
      return .rearranged(try EngineCall.run { try x.transposed(axes) }, from: args["x"])
    })
    add(Builtin(
      "concat", [Parameter("tensors"), Parameter("axis", default: .number(-1))],
      doc: "Joins a list of tensors along axis (the last, the channels, by default); the other sizes must agree. Example: concat([zeros((4, 4, 2)), ones((4, 4, 3))]).shape is (4, 4, 5)."
    ) { (args, _) throws(RuntimeError) in
      var tensors: [Tensor] = []
      let items = try Sequences.elements(of: args["tensors"])
      for item in items {
        tensors.append(try TensorValues.tensor(from: item, function: "concat"))
      }
      let axis = try args.int("axis")
      let joined = try EngineCall.run { try Tensor.concatenate(tensors, axis: axis) }
      // Channels of one picture joined (gray, gray, gray) are still a picture of the same scale.
      let scales = Set(items.map(\.pixelScale))
      guard scales.count == 1, let scale = scales.first ?? nil else { return .tensor(joined) }
      return .tensor(joined, origin: .pixels(scale))
    })
  }
}

/// Argument readers used only by the operations above.
enum TensorOperationArguments {
  /// `relu(x)` for a tensor, a list or a number (a number gives a number back).
  static func elementwise(_ args: Arguments, _ op: (Tensor) throws -> Tensor) throws(RuntimeError) -> Value {
    if let d = args["x"].numeric {
      let t = try EngineCall.run { try op(Tensor(scalar: Float(d))) }
      return TensorValues.number(t.values[0])
    }
    let x = try args.tensorArgument("x")
    return .tensor(try EngineCall.run { try op(x) })
  }

  static func activation(_ args: Arguments, _ name: String) throws(RuntimeError) -> Activation {
    if args[name].isNone { return .linear }
    let text = try args.string(name)
    let known: [(String, Activation)] = [("linear", .linear), ("relu", .relu), ("tanh", .tanh), ("sigmoid", .sigmoid), ("leaky_relu", .leakyRelu(alpha: 0.3))]
    if let match = known.first(where: { $0.0 == text.lowercased() }) { return match.1 }
    let names = known.map(\.0)
    throw RuntimeError(
      .invalidChoice(function: args.function, parameter: name, got: Value.quoted(text), choices: names.map(Value.quoted)),
      suggestion: NameSuggester.nearest(to: text, in: names).map { .didYouMean($0) })
  }

  /// A bias for `filters` outputs: a number (the same for each) or one value per filter.
  static func bias(_ args: Arguments, filters: Int) throws(RuntimeError) -> Tensor? {
    if let d = args["bias"].numeric { return Tensor(shape: [filters], repeating: Float(d)) }
    return try args.optionalTensorArgument("bias")
  }

  /// `p` of `pad`: n, (rows, columns) or ((top, bottom), (left, right)).
  static func padSides(_ args: Arguments, _ name: String) throws(RuntimeError) -> (Int, Int, Int, Int) {
    func whole(_ v: Value) throws(RuntimeError) -> Int {
      guard let d = v.numeric, let n = NumberText.wholeNumber(d) else { throw args.typeError(name, .numberOrPairs) }
      guard n >= 0 else { throw RuntimeError(.negativeValue(function: args.function, parameter: name)) }
      return n
    }
    if args[name].numeric != nil {
      let n = try whole(args[name])
      return (n, n, n, n)
    }
    let parts = try Sequences.elements(of: args[name])
    guard parts.count == 2 else { throw args.typeError(name, .numberOrPairs) }
    if parts[0].numeric != nil, parts[1].numeric != nil {
      let (r, c) = (try whole(parts[0]), try whole(parts[1]))
      return (r, r, c, c)
    }
    let rows = try Sequences.elements(of: parts[0])
    let columns = try Sequences.elements(of: parts[1])
    guard rows.count == 2, columns.count == 2 else { throw args.typeError(name, .numberOrPairs) }
    return (try whole(rows[0]), try whole(rows[1]), try whole(columns[0]), try whole(columns[1]))
  }

  /// A list of whole numbers that may include -1 (reshape) or negative axes (transpose).
  static func reshapeTarget(_ args: Arguments, _ name: String) throws(RuntimeError) -> [Int] {
    let parts: [Value]
    if args[name].numeric != nil { parts = [args[name]] } else { parts = try Sequences.elements(of: args[name]) }
    var out: [Int] = []
    for part in parts {
      guard let d = part.numeric, let n = NumberText.wholeNumber(d) else { throw args.typeError(name, .tupleOfWholeNumbers) }
      out.append(n)
    }
    return out
  }
}
