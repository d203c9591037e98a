import TensorEngine
import TextAndTime

// The layers, with Keras's names, argument names, positional order and defaults.
extension BuiltinRegistry {
  private mutating func layer(_ name: String, _ parameters: [Parameter], doc: String, make: @escaping (Arguments, Evaluator) throws(RuntimeError) -> LayerKind) {
    add(Builtin(name, parameters + LayerFactory.common, kind: "class", doc: doc) { (args, ev) throws(RuntimeError) in
      let kind = try make(args, ev)
      let layer = try LayerFactory.make(kind, args, ev)
      if args.hasParameter("weights"), !args["weights"].isNone { try HandWeights.set(args["weights"], on: layer) }
      return .layer(layer)
    })
  }

  mutating func addLayers() {
    describeType("layer", "A layer such as Conv2D(8, 3): call it on a tensor to run it at once, or on an Input to build a model. Its weights are made from a seed the first time they are needed.")
    let conv: [Parameter] = [
      Parameter("filters"), Parameter("kernel_size"), Parameter("strides", default: .number(1)),
      Parameter("padding", default: .string("valid")), Parameter("activation", default: Value.none),
      Parameter("use_bias", default: .bool(true)), Parameter("weights", default: Value.none), Parameter("seed", default: Value.none),
      Parameter("dilation_rate", default: .number(1)), Parameter("groups", default: .number(1)),
    ]
    func settings(_ args: Arguments, oneDimensional: Bool) throws(RuntimeError) -> ConvSettings {
      let filters = try args.int("filters")
      let groups = try args.int("groups")
      guard filters >= 1 else { throw RuntimeError(.notPositive(function: args.function, parameter: "filters")) }
      guard groups >= 1 else { throw RuntimeError(.notPositive(function: args.function, parameter: "groups")) }
      func size(_ name: String) throws(RuntimeError) -> Size2 {
        if oneDimensional { return Size2(1, try args.windowSize(name)) }
        return try args.size2(name)
      }
      return ConvSettings(
        filters: filters, kernel: try size("kernel_size"), strides: try size("strides"), padding: try args.padding(),
        dilation: try size("dilation_rate"), groups: groups,
        activation: try LayerActivation.parse(args["activation"], function: args.function), useBias: try args.bool("use_bias"))
    }
    layer("Conv2D", conv, doc: "A 2-D convolution layer: filters kernels of kernel_size (a number or (kh, kw)) slide over an image (H, W, C) and give a stack of feature maps (H', W', filters). padding=\"same\" keeps the size at stride 1. weights= sets the kernel by hand: a (kh, kw) list for one filter on one channel, or (kh, kw, C_in, filters). Example: Conv2D(8, 3, activation=\"relu\", input_shape=(28, 28, 1)).") {
      (args, _) throws(RuntimeError) in .conv2d(try settings(args, oneDimensional: false))
    }
    layer("Conv1D", conv, doc: "A 1-D convolution over sequences (L, C): filters kernels of length kernel_size give (L', filters). Example: Conv1D(4, 3).") {
      (args, _) throws(RuntimeError) in .conv1d(try settings(args, oneDimensional: true))
    }
    let pool: [Parameter] = [
      Parameter("pool_size", default: .number(2)), Parameter("strides", default: Value.none),
      Parameter("padding", default: .string("valid")),
    ]
    for (name, kind, what) in [
      ("MaxPooling2D", PoolKind.max, "the largest value"), ("AveragePooling2D", .average, "the mean"),
      ("MinPooling2D", .min, "the smallest value"),
    ] {
      layer(name, pool, doc: "A pooling layer: each pool_size window of every feature map is replaced by \(what). strides=None means the pool size, so MaxPooling2D() halves height and width. Example: \(name)(2).") {
        (args, _) throws(RuntimeError) in
        .pool(kind, size: try args.size2("pool_size"), strides: try args.optionalSize2("strides"), padding: try args.padding())
      }
    }
    layer("GlobalAveragePooling2D", [], doc: "The mean of each whole feature map: (H, W, C) becomes (C,). Often replaces Flatten before the last Dense.") {
      (_, _) throws(RuntimeError) in .globalPool(.average)
    }
    layer("GlobalMaxPooling2D", [], doc: "The largest value of each whole feature map: (H, W, C) becomes (C,).") {
      (_, _) throws(RuntimeError) in .globalPool(.max)
    }
    layer("Flatten", [], doc: "Lays out every value in one vector: (5, 5, 16) becomes (400,), ready for Dense.") {
      (_, _) throws(RuntimeError) in .flatten
    }
    layer(
      "Dense",
      [
        Parameter("units"), Parameter("activation", default: Value.none), Parameter("use_bias", default: .bool(true)),
        Parameter("weights", default: Value.none), Parameter("seed", default: Value.none),
      ],
      doc: "A fully connected layer: every output is a weighted sum of every input, plus a bias. It takes a vector (n,): put Flatten() before it after convolutions. weights= sets the (n, units) kernel by hand. Example: Dense(10, activation=\"softmax\")."
    ) { (args, _) throws(RuntimeError) in
      let units = try args.int("units")
      guard units >= 1 else { throw RuntimeError(.notPositive(function: "Dense", parameter: "units")) }
      return .dense(units: units, activation: try LayerActivation.parse(args["activation"], function: "Dense"), useBias: try args.bool("use_bias"))
    }
    layer("Activation", [Parameter("activation")], doc: "Applies an activation by name: \"relu\", \"tanh\", \"sigmoid\", \"softmax\", \"leaky_relu\" or \"linear\". Example: Activation(\"relu\").") {
      (args, _) throws(RuntimeError) in .activation(try LayerActivation.parse(args["activation"], function: "Activation"))
    }
    layer("ReLU", [], doc: "max(0, x) for every value: negative values become 0.") { (_, _) throws(RuntimeError) in .activation(.relu) }
    layer("Softmax", [], doc: "Turns the last axis into probabilities that add up to 1.") { (_, _) throws(RuntimeError) in .activation(.softmax) }
    layer("ZeroPadding2D", [Parameter("padding", default: .number(1))], doc: "Adds rows and columns of zeros around each feature map: a number for every side, (rows, columns), or ((top, bottom), (left, right)).") {
      (args, _) throws(RuntimeError) in try HandWeights.zeroPadding(args)
    }
    layer("Dropout", [Parameter("rate"), Parameter("seed", default: Value.none)], doc: "During training, sets a fraction rate of the values to 0 at random; when running a model (as here) it passes values through unchanged.") {
      (args, _) throws(RuntimeError) in
      let rate = try args.number("rate")
      guard rate >= 0, rate < 1 else {
        throw RuntimeError(.invalidChoice(function: "Dropout", parameter: "rate", got: NumberText.repr(rate), choices: [], described: [.dropoutRate]))
      }
      return .dropout(rate: rate)
    }
    layer("BatchNormalization", [Parameter("epsilon", default: .number(0.001))], doc: "Normalises each channel with its moving mean and variance, then scales by gamma and shifts by beta (2 parameters per channel; the moving statistics are not counted). A new layer has mean 0, variance 1, gamma 1 and beta 0.") {
      (args, _) throws(RuntimeError) in .batchNormalization(epsilon: Float(try args.number("epsilon")))
    }
    layer("Add", [], doc: "Adds tensors of equal shape, as a residual connection does: Add()([y, x]), which is what y + x means on symbolic tensors.") {
      (_, _) throws(RuntimeError) in .add
    }
    layer("Concatenate", [Parameter("axis", default: .number(-1))], doc: "Joins tensors along an axis (the channels by default), as an inception module joins its branches: Concatenate()([a, b, c]).") {
      (args, _) throws(RuntimeError) in .concatenate(axis: try args.int("axis"))
    }
  }
}
