import TensorEngine

// `get_weights`, `set_weights`, `trainable`, `save_weights`, `load_weights`.
extension BuiltinRegistry {
  mutating func addWeights() {
    func tensors(_ value: Value, function: String) throws(RuntimeError) -> [Tensor] {
      let items: [Value]
      switch value {
      case .list(let l): items = l.items
      case .tuple(let t): items = t
      default: throw RuntimeError(.argumentType(function: function, parameter: "weights", expected: .weightArrays, got: value.typeName))
      }
      var result: [Tensor] = []
      for item in items { result.append(try TensorArgument.tensor(item, function: function, parameter: "weights")) }
      return result
    }

    addMethod(Builtin("get_weights", [Parameter("self")], kind: "method", doc: "The layer's weights as a list: [kernel, bias] for Conv2D and Dense, [gamma, beta, moving_mean, moving_variance] for BatchNormalization, [] for layers without weights.") {
      (args, _) throws(RuntimeError) in
      guard let l = layer(args["self"]) else { return .none }
      return .list(try l.weightTensors().map { .tensor($0) })
    }, to: "layer")
    addMethod(Builtin("set_weights", [Parameter("self"), Parameter("weights")], kind: "method", doc: "Replaces the layer's weights with a list shaped as get_weights() gives it.") {
      (args, _) throws(RuntimeError) in
      guard let l = layer(args["self"]) else { return .none }
      try l.setWeightTensors(try tensors(args["weights"], function: "set_weights"))
      return .none
    }, to: "layer")
    addProperty(Property(
      "trainable", doc: "Whether fit changes this layer's weights: layer.trainable = False freezes it.",
      get: { v in .bool(layer(v)?.trainable ?? false) },
      set: { (v, newValue) throws(RuntimeError) in
        guard case .bool(let flag) = newValue else {
          throw RuntimeError(.argumentType(function: "trainable", parameter: "trainable", expected: .boolean, got: newValue.typeName))
        }
        layer(v)?.trainable = flag
      }), to: "layer")

    addMethod(Builtin("get_weights", [Parameter("self")], kind: "method", doc: "Every layer's weights in one list, in layer order, as Keras gives them.") {
      (args, _) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      return .list(try m.getWeights().flatMap { $0 }.map { .tensor($0) })
    }, to: "model")
    addMethod(Builtin("set_weights", [Parameter("self"), Parameter("weights")], kind: "method", doc: "Replaces every weight from a list shaped as get_weights() gives it.") {
      (args, _) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      let given = try tensors(args["weights"], function: "set_weights")
      let current = try m.getWeights()
      guard given.count == current.flatMap({ $0 }).count else {
        throw RuntimeError(.training(.weightCount(
          owner: "\(m.typeName) '\(m.name)'", expected: current.flatMap { $0 }.map { ShapeText.plain($0.shape) }, got: given.count)))
      }
      var cursor = given.makeIterator()
      try m.setWeights(current.map { layerWeights in layerWeights.compactMap { _ in cursor.next() } })
      return .none
    }, to: "model")
    addMethod(Builtin("save_weights", [Parameter("self"), Parameter("filepath")], kind: "method", doc: "Writes every weight to an .npz file (numpy's np.load reads it): model.save_weights(\"lenet.weights.npz\").") {
      (args, ev) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      try WeightsFile.save(m, to: try args.string("filepath"), evaluator: ev)
      return .none
    }, to: "model")
    addMethod(Builtin("load_weights", [Parameter("self"), Parameter("filepath")], kind: "method", doc: "Reads weights that save_weights wrote, into a model of the same layers.") {
      (args, ev) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      try WeightsFile.load(m, from: try args.string("filepath"), evaluator: ev)
      return .none
    }, to: "model")
    addProperty(Property("history", doc: "The History of the last fit (also of one the stop button ended).") { v in
      guard let h = model(v)?.history else { return .none }
      return .training(.history(h))
    }, to: "model")
  }
}
