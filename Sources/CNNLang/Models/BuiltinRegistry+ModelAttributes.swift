import TensorEngine

// `layer.kernel`, `model.layers`, `model.get_layer("conv1")`, `t.shape`, ...
extension BuiltinRegistry {
  mutating func addLayerAttributes() {
    func shapeTuple(_ shape: [Int]?) -> Value {
      guard let shape else { return .none }
      return .tuple([.none] + shape.map { .number(Double($0)) })
    }
    func property(_ type: String, _ name: String, _ doc: String, _ get: @escaping (Value) throws(RuntimeError) -> Value) {
      addProperty(Property(name, doc: doc, get: get), to: type)
    }

    property("layer", "name", "The layer's name, as summaries show it and get_layer finds it.") { (v) throws(RuntimeError) in
      .string(layer(v)?.name ?? "")
    }
    property("layer", "kernel", "The kernel: (kh, kw, C_in, filters) for Conv2D, (inputs, units) for Dense. Made from the seed on first use.") {
      (v) throws(RuntimeError) in try layer(v)?.kernelValue() ?? .none
    }
    property("layer", "bias", "The bias, one value per filter or unit (zeros until trained), or None with use_bias=False.") {
      (v) throws(RuntimeError) in try layer(v)?.biasValue() ?? .none
    }
    property("layer", "weights", "The list [kernel, bias] (just [kernel] without a bias, [] for a layer without weights).") {
      (v) throws(RuntimeError) in
      guard let l = layer(v), l.kind.hasKernel else { return .list([]) }
      let kernel = try l.kernelValue()
      return .list(l.usesBias ? [kernel, try l.biasValue()] : [kernel])
    }
    property("layer", "output", "What the layer computed in the last forward pass (a tensor); before any, the symbolic output.") {
      (v) throws(RuntimeError) in
      guard let l = layer(v) else { return .none }
      if let output = l.output { return .tensor(output, origin: l.outputOrigin) }
      if let symbolic = l.symbolicOutput { return .symbolic(symbolic) }
      throw RuntimeError(.notCalledYet(layer: l.name))
    }
    property("layer", "output_shape", "The output shape with None for the batch, once the layer knows its input: (None, 26, 26, 8).") {
      (v) throws(RuntimeError) in shapeTuple(layer(v)?.outputShape)
    }
    property("layer", "input_shape", "The input shape with None for the batch, once known.") { (v) throws(RuntimeError) in
      shapeTuple(layer(v)?.inputShapes?.first ?? layer(v)?.declaredInputShape)
    }
    property("layer", "layers", "A block's inner layers, in order ([] for other layers).") { (v) throws(RuntimeError) in
      .list((layer(v)?.inner?.layers ?? []).map { .layer($0) })
    }
    addMethod(Builtin("count_params", [Parameter("self")], kind: "method", doc: "The number of the layer's parameters.") {
      (args, _) throws(RuntimeError) in
      guard let l = layer(args["self"]) else { return .none }
      return .number(Double(try l.cost().parameters))
    }, to: "layer")

    property("model", "name", "The model's name.") { (v) throws(RuntimeError) in .string(model(v)?.name ?? "") }
    property("model", "layers", "The model's layers in order (without the input): model.layers[0].output after a call.") {
      (v) throws(RuntimeError) in .list((model(v)?.layers ?? []).map { .layer($0) })
    }
    property("model", "input_shape", "The input shape with None for the batch.") { (v) throws(RuntimeError) in shapeTuple(model(v)?.inputShape) }
    property("model", "output_shape", "The output shape with None for the batch.") { (v) throws(RuntimeError) in shapeTuple(model(v)?.outputShape) }
    addMethod(Builtin("count_params", [Parameter("self")], kind: "method", doc: "The number of parameters, from shapes alone (no weights are made).") {
      (args, _) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      return .number(Double(try m.totalCost().parameters))
    }, to: "model")
    addMethod(Builtin("get_layer", [Parameter("self"), Parameter("name")], kind: "method", doc: "The layer with this name: model.get_layer(\"conv1\").") {
      (args, _) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      return .layer(try m.layer(named: try args.string("name")))
    }, to: "model")
    addMethod(Builtin("add", [Parameter("self"), Parameter("layer")], kind: "method", doc: "Puts a layer at the end of a Sequential: model.add(Dense(10)). Shapes are checked at once when the model knows its input.") {
      (args, ev) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      guard case .layer(let layer) = args["layer"] else { throw args.typeError("layer", .layer) }
      try m.append(layer, file: ev.file)
      return .none
    }, to: "model")
    addMethod(Builtin("summary", [Parameter("self")], kind: "method", doc: "Prints the table of summary(model) at once and gives None, as Keras's model.summary() does; summary(model) gives the table as a value, which a cell shows with its picture-friendly HTML.") {
      (args, ev) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      ev.host?.write(try ModelSummary(m).text + "\n", toStderr: false)
      return .none
    }, to: "model")

    property("symbolic tensor", "shape", "The shape, with None for the batch size.") { (v) throws(RuntimeError) in
      guard case .symbolic(let t) = v else { return .none }
      return t.shapeValue
    }
  }
}

/// The layer or model a method's receiver holds (nil for any other value).
func layer(_ v: Value) -> Layer? {
  if case .layer(let l) = v { return l }
  return nil
}

func model(_ v: Value) -> Model? {
  if case .model(let m) = v { return m }
  return nil
}
