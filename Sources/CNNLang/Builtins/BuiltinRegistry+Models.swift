import TensorEngine
import TextAndTime

// Models, the zoo, summaries, and the attributes of layers and models.
extension BuiltinRegistry {
  mutating func addModels() {
    describeType("model", "A network of layers: Sequential([...]), Model(inputs, outputs) or a zoo model such as LeNet5(). Call it on an image (H, W, C) or a batch (N, H, W, C); afterwards every layer keeps its output.")
    describeType("symbolic tensor", "What a layer gives when called on Input(shape): a shape with None for the batch, and the layers that made it. Model(inputs, outputs) turns such a graph into a model.")
    describeType("summary", "The table summary(model) shows: every layer's output shape, parameters and MACs, with the totals.")

    add(Builtin("Input", [Parameter("shape"), Parameter("name", default: Value.none)], kind: "class",
      doc: "The input of a functional model, without the batch size: x = Input((28, 28, 1)). Call layers on it to build a graph, then Model(x, y)."
    ) { (args, ev) throws(RuntimeError) in
      guard let shape = try args.shape("shape") else { throw args.typeError("shape", .shape(example: "(28, 28, 1)")) }
      let name = args["name"].isNone ? ev.layerNaming.name(for: "input_layer") : try args.string("name")
      return .symbolic(Model.input(shape: shape, name: name))
    })

    add(Builtin("Sequential", [Parameter("layers", default: .list([])), Parameter("name", default: Value.none)], kind: "class",
      doc: "A model that runs layers one after the other: Sequential([Conv2D(8, 3, input_shape=(28, 28, 1)), MaxPooling2D(), Flatten(), Dense(10)]). Shapes are checked at once when the first layer has input_shape=, else at the first call."
    ) { (args, ev) throws(RuntimeError) in
      var layers: [Layer] = []
      var input: SymbolicTensor?
      for (i, item) in try Sequences.elements(of: args["layers"]).enumerated() {
        switch item {
        case .layer(let l): layers.append(l)
        case .symbolic(let t) where i == 0 && t.isInput: input = t
        default: throw args.typeError("layers", .layers)
        }
      }
      let name = args["name"].isNone ? ev.layerNaming.name(for: "sequential") : try args.string("name")
      return .model(try Model.sequential(layers, input: input, name: name, file: ev.file))
    })

    add(Builtin("Model", [Parameter("inputs"), Parameter("outputs"), Parameter("name", default: Value.none)], kind: "class",
      doc: "A functional model from Input tensors to an output made by calling layers on them: x = Input((32, 32, 3)); y = Conv2D(8, 3, padding=\"same\")(x); m = Model(x, Add()([x, y])) ..."
    ) { (args, ev) throws(RuntimeError) in
      func symbolic(_ name: String) throws(RuntimeError) -> [SymbolicTensor] {
        switch args[name] {
        case .symbolic(let t): return [t]
        case .list, .tuple:
          var result: [SymbolicTensor] = []
          for item in try Sequences.elements(of: args[name]) {
            guard case .symbolic(let t) = item else { throw args.typeError(name, .symbolicTensor) }
            result.append(t)
          }
          return result
        default: throw args.typeError(name, .symbolicTensor)
        }
      }
      let outputs = try symbolic("outputs")
      guard outputs.count == 1, let output = outputs.first else { throw args.typeError("outputs", .oneSymbolicTensor) }
      let name = args["name"].isNone ? ev.layerNaming.name(for: "functional") : try args.string("name")
      return .model(try Model.functional(inputs: try symbolic("inputs"), output: output, name: name))
    })

    add(Builtin("summary", [Parameter("model")],
      doc: "The table of a model: each layer's name and type, output shape (None is the batch), parameters with the arithmetic behind them, and MACs (multiply-accumulates per image), then the totals. Example: summary(LeNet5())."
    ) { (args, _) throws(RuntimeError) in
      switch args["model"] {
      case .model(let m): return .summary(try ModelSummary(m))
      case .layer(let l) where l.inner != nil:
        // A block's own table: the layers inside it.
        guard let inner = l.inner else { throw args.typeError("model", .model) }
        return .summary(try ModelSummary(inner))
      default: throw args.typeError("model", .modelOrBuiltBlock)
      }
    })

    add(Builtin("count_params", [Parameter("model")],
      doc: "The number of parameters (weights and biases) of a model or a layer, from shapes alone: count_params(VGG16()) is 138357544."
    ) { (args, _) throws(RuntimeError) in .number(Double(try ModelValues.cost(of: args["model"], args).parameters)) })

    add(Builtin("macs", [Parameter("model")],
      doc: "Multiply-accumulates of the weights for one image (biases not counted): a convolution output costs kh·kw·C_in/groups, a Dense output its number of inputs. Works on a model or one of its layers."
    ) { (args, _) throws(RuntimeError) in .number(Double(try ModelValues.cost(of: args["model"], args).macs)) })

    add(Builtin("features", [Parameter("model"), Parameter("x")],
      doc: "Runs the model on x and gives every layer's output, in order, as a list: maps = features(model, image(\"digit9\"))."
    ) { (args, ev) throws(RuntimeError) in
      guard case .model(let m) = args["model"] else { throw args.typeError("model", .model) }
      return .list(try m.features(try TensorArgument.tensor(args["x"], function: "features", parameter: "x"), evaluator: ev))
    })

    add(Builtin("show_filters", [Parameter("layer"), Parameter("title", default: Value.none), Parameter("cmap", default: Value.none)],
      doc: "Shows a convolution layer's kernels as a grid of small pictures, one per filter (signed weights in a diverging colormap)."
    ) { (args, ev) throws(RuntimeError) in
      guard case .layer(let layer) = args["layer"], layer.kind.hasKernel else {
        throw args.typeError("layer", .layerWithKernel)
      }
      // A kernel set by hand can be looked at before the layer knows its input.
      var kernel = layer.inputShapes == nil ? layer.handKernel : nil
      if kernel == nil { kernel = try layer.materialisedKernel() }
      guard let kernel else { throw RuntimeError(.notCalledYet(layer: layer.name)) }
      var options: [String: Value] = ["mode": .string("filters"), "title": .string("filters of \(layer.name)")]
      for (name, value) in args.givenNamed where name != "layer" { options[name] = value }
      ev.host?.show(.tensor(kernel), options: options)
      return .none
    })

    addZoo()
    addLayerAttributes()
    addLayerSettings()
  }

  private mutating func addZoo() {
    let seed = Parameter("seed", default: .number(0))
    func model(_ name: String, _ parameters: [Parameter], _ doc: String, _ make: @escaping (Arguments) throws(RuntimeError) -> Model) {
      add(Builtin(name, parameters, kind: "class", doc: doc) { (args, _) throws(RuntimeError) in .model(try make(args)) })
    }
    func seedOf(_ args: Arguments) throws(RuntimeError) -> UInt64 { UInt64(bitPattern: Int64(try args.int("seed"))) }
    model("LeNet5", [seed], "LeNet-5 (LeCun et al., 1998) on 32x32x1 images: two convolutions with average pooling, a third convolution, then Dense 84 and 10. 61,706 parameters.") {
      (args) throws(RuntimeError) in try Zoo.lenet5(seed: try seedOf(args))
    }
    model("AlexNet", [Parameter("groups", default: .number(1)), seed], "AlexNet (Krizhevsky et al., 2012) on 227x227x3, as one tower (62,378,344 parameters); AlexNet(groups=2) splits conv2, conv4 and conv5 into the original two towers (60,965,224).") {
      (args) throws(RuntimeError) in
      let groups = try args.int("groups")
      guard groups == 1 || groups == 2 else {
        throw RuntimeError(.invalidChoice(function: "AlexNet", parameter: "groups", got: NumberText.repr(Double(groups)), choices: ["1", "2"]))
      }
      return try Zoo.alexnet(groups: groups, seed: try seedOf(args))
    }
    model("VGG16", [seed], "VGG-16 (Simonyan and Zisserman, 2014) on 224x224x3: thirteen 3x3 convolutions in five blocks, then Dense 4096, 4096, 1000. 138,357,544 parameters; the weights are made only when it runs.") {
      (args) throws(RuntimeError) in try Zoo.vgg16(seed: try seedOf(args))
    }
    model("ResNet18", [seed], "ResNet-18 (He et al., 2015) on 224x224x3: eight residual blocks of two 3x3 convolutions with batch normalization. 11,689,512 parameters.") {
      (args) throws(RuntimeError) in try Zoo.resnet(depth: 18, seed: try seedOf(args))
    }
    model("ResNet50", [seed], "ResNet-50 on 224x224x3: sixteen bottleneck blocks (1x1, 3x3, 1x1). 25,557,032 parameters.") {
      (args) throws(RuntimeError) in try Zoo.resnet(depth: 50, seed: try seedOf(args))
    }
    model("GoogLeNet", [seed], "GoogLeNet (Szegedy et al., 2014) on 224x224x3: nine inception modules, without the auxiliary classifiers. 6,998,552 parameters.") {
      (args) throws(RuntimeError) in try Zoo.googlenet(seed: try seedOf(args))
    }
    let inception = ["f1", "f3_reduce", "f3", "f5_reduce", "f5", "pool_proj"].map { Parameter($0) }
    add(Builtin("InceptionModule", inception + [Parameter("name", default: Value.none), Parameter("seed", default: Value.none)], kind: "class",
      doc: "GoogLeNet's block: four branches (1x1; 1x1 then 3x3; 1x1 then 5x5; 3x3 max pooling then 1x1) side by side, joined along the channels. Use it like a layer: InceptionModule(64, 96, 128, 16, 32, 32)(x)."
    ) { (args, ev) throws(RuntimeError) in
      var f: [Int] = []
      for p in inception {
        let n = try args.int(p.name)
        guard n >= 1 else { throw RuntimeError(.notPositive(function: "InceptionModule", parameter: p.name)) }
        f.append(n)
      }
      let layer = try LayerFactory.make(.block(Blocks.inception(f[0], f[1], f[2], f[3], f[4], f[5])), args, ev)
      return .layer(layer)
    })
    add(Builtin("ResidualBlock",
      [Parameter("filters"), Parameter("strides", default: .number(1)), Parameter("bottleneck", default: .bool(false)),
       Parameter("name", default: Value.none), Parameter("seed", default: Value.none)], kind: "class",
      doc: "ResNet's block: two 3x3 convolutions with batch normalization (or 1x1, 3x3, 1x1 with bottleneck=True) added to a shortcut: the input itself, or a 1x1 convolution when strides or width change. Use it like a layer: ResidualBlock(64)(x)."
    ) { (args, ev) throws(RuntimeError) in
      let filters = try args.int("filters")
      let strides = try args.int("strides")
      guard filters >= 1 else { throw RuntimeError(.notPositive(function: "ResidualBlock", parameter: "filters")) }
      guard strides >= 1 else { throw RuntimeError(.notPositive(function: "ResidualBlock", parameter: "strides")) }
      let recipe = Blocks.residual(filters: filters, strides: strides, bottleneck: try args.bool("bottleneck"))
      return .layer(try LayerFactory.make(.block(recipe), args, ev))
    })
  }
}

/// Reading models and layers out of arguments.
enum ModelValues {
  static func cost(of value: Value, _ args: Arguments) throws(RuntimeError) -> LayerCost {
    switch value {
    case .model(let m): return try m.totalCost()
    case .layer(let l): return try l.cost()
    default: throw args.typeError(args.parameters.first?.name ?? "model", .modelOrLayer)
    }
  }
}
