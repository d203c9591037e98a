import TensorEngine
import TextAndTime

// numpy's array methods and the functions beside them: x.max(axis=1), x.astype("uint8"),
// x.squeeze(), x.tolist(), np.expand_dims(x, 0), np.clip(x, 0, 1), ...
extension BuiltinRegistry {
  mutating func addTensorMethods() {
    func tensor(_ args: Arguments) -> Tensor {
      if case .tensor(let t, _) = args["self"] { return t }
      return Tensor(shape: [0], values: [])
    }
    func method(_ name: String, _ parameters: [Parameter], doc: String, body: @escaping Builtin.Body) {
      addMethod(Builtin(name, [Parameter("self")] + parameters, kind: "method", doc: doc, body: body), to: "tensor")
    }
    let reductionParameters = [Parameter("axis", default: Value.none), Parameter("keepdims", default: .bool(false))]
    let meanings: [(TensorStatistic, String)] = [
      (.max, "The largest value"), (.min, "The smallest value"), (.sum, "The sum of the values"),
      (.mean, "The average of the values"), (.std, "The standard deviation of the values (numpy's, dividing by n)"),
      (.var, "The variance of the values (numpy's, dividing by n)"),
      (.argmax, "The position of the largest value (the first on ties)"),
      (.argmin, "The position of the smallest value (the first on ties)"),
    ]
    for (statistic, meaning) in meanings {
      method(statistic.rawValue, reductionParameters, doc: "\(meaning): over all values (a number), or along axis (a tensor); keepdims=True keeps the axis with size 1. Example: x.\(statistic.rawValue)(axis=0).") {
        (args, _) throws(RuntimeError) in
        try statistic.apply(tensor(args), axis: try args.optionalAxis("axis"), keepdims: try args.bool("keepdims"), function: statistic.rawValue)
      }
    }
    for (statistic, meaning) in meanings where [.argmin, .std, .var].contains(statistic) {
      add(Builtin(statistic.rawValue, [Parameter("x"), Parameter("axis", default: Value.none)],
                  doc: "\(meaning) of a tensor (a number), or along axis (a tensor). Example: \(statistic.rawValue)(tensor([3, 1, 2])).") {
        (args, _) throws(RuntimeError) in
        try statistic.apply(try TensorReduction.operand(args, "x"), axis: try args.optionalAxis("axis"), keepdims: false, function: statistic.rawValue)
      })
    }

    for (name, wantsEvery) in [("all", true), ("any", false)] {
      method(name, [Parameter("axis", default: Value.none)], doc: wantsEvery ? "True if every value is nonzero; along axis, a tensor of booleans. Example: (x >= 0).all()." : "True if any value is nonzero; along axis, a tensor of booleans. Example: (x == 2).any().") {
        (args, _) throws(RuntimeError) in
        try TensorComparison.truthOf(tensor(args), every: wantsEvery, axis: try args.optionalAxis("axis"))
      }
    }
    method("astype", [Parameter("dtype")], doc: "The values converted as numpy's type would hold them: \"float32\" keeps them, \"int32\"/\"int64\"/int cut off fractions (towards zero), \"uint8\" also wraps into 0..255, \"bool\"/bool marks the nonzero ones. The values stay numbers (or booleans). Example: (x * 255).astype(\"uint8\").") {
      (args, _) throws(RuntimeError) in
      let t = tensor(args)
      let name: String
      switch args["dtype"] {
      case .string(let s): name = s
      case .builtin(let b): name = b.name
      default: throw args.typeError("dtype", .dtype)
      }
      switch name {
      case "float32", "float64", "float", "float16": return .tensor(t)
      case "int", "int32", "int64", "int8", "int16":
        return .tensor(Tensor(shape: t.shape, values: t.values.map { $0.isFinite ? $0.rounded(.towardZero) : 0 }))
      case "uint8":
        return .tensor(Tensor(shape: t.shape, values: t.values.map { v in
          guard v.isFinite else { return 0 }
          let whole = Int(v.rounded(.towardZero)) % 256
          return Float(whole < 0 ? whole + 256 : whole)
        }))
      case "bool": return .booleans(Tensor(shape: t.shape, values: t.values.map { $0 != 0 ? 1 : 0 }))
      default:
        throw RuntimeError(.invalidChoice(function: "astype", parameter: "dtype", got: args["dtype"].repr,
          choices: ["\"float32\"", "\"int32\"", "\"uint8\"", "\"bool\""]))
      }
    }
    method("squeeze", [Parameter("axis", default: Value.none)], doc: "The tensor without its axes of size 1 (or only axis, which must have size 1). Example: a (1, 28, 28, 1) batch squeezes to (28, 28).") {
      (args, _) throws(RuntimeError) in .tensor(try TensorShapes.squeeze(tensor(args), axis: try args.optionalAxis("axis"), args: args))
    }
    method("transpose", [Parameter("axes", variadic: true)], doc: "The axes in reverse order, or in the order given: x.transpose(2, 0, 1) or x.transpose((2, 0, 1)).") {
      (args, _) throws(RuntimeError) in
      let parts = args.rest.count == 1 && args.rest[0].numeric == nil ? try Sequences.elements(of: args.rest[0]) : args.rest
      var axes: [Int] = []
      for part in parts {
        guard let d = part.numeric, let n = NumberText.wholeNumber(d) else { throw args.typeError("axes", .wholeNumbers) }
        axes.append(n)
      }
      let t = tensor(args)
      return .tensor(try EngineCall.run { try t.transposed(axes.isEmpty ? nil : axes) })
    }
    method("copy", [], doc: "The same values. Tensors are values already: writing into one never changes another.") {
      (args, _) throws(RuntimeError) in args["self"]
    }
    method("tolist", [], doc: "The values as nested lists of numbers (of True and False for booleans), as numpy's tolist.") {
      (args, _) throws(RuntimeError) in TensorShapes.nestedList(args["self"])
    }
    method("item", [], doc: "The one value of a tensor that holds exactly one, as a number.") {
      (args, _) throws(RuntimeError) in
      let t = tensor(args)
      guard t.count == 1 else { throw RuntimeError(.notOneValue(shape: t.shape)) }
      return args["self"].keepingKind(TensorValues.number(t.values[0]))
    }
    method("clip", [Parameter("a_min"), Parameter("a_max")], doc: "Every value limited to a_min..a_max (None for no limit on that side). Example: x.clip(0, 255).") {
      (args, _) throws(RuntimeError) in .tensor(try TensorShapes.clip(tensor(args), args))
    }

    add(Builtin("clip", [Parameter("a"), Parameter("a_min"), Parameter("a_max")], doc: "Every value of a limited to a_min..a_max (None for no limit on that side). Example: clip(x, 0, 1).") {
      (args, _) throws(RuntimeError) in .tensor(try TensorShapes.clip(try TensorReduction.operand(args, "a"), args))
    })
    add(Builtin("to_categorical", [Parameter("y"), Parameter("num_classes", default: Value.none)], doc: "Keras's one-hot encoding: labels (n,) become (n, num_classes) rows of 0 with a 1 at the label. num_classes defaults to the largest label + 1. Example: to_categorical([2, 0], 3).") {
      (args, _) throws(RuntimeError) in
      let labels = try TensorReduction.operand(args, "y")
      var classes = 0
      var positions: [Int] = []
      for v in labels.values {
        guard v.isFinite, v >= 0, v == v.rounded() else { throw args.typeError("y", .labels) }
        positions.append(Int(v))
        classes = Swift.max(classes, Int(v) + 1)
      }
      if let given = try args.optionalInt("num_classes") {
        guard given >= classes else {
          throw RuntimeError(.tensorProblem(.labelAboveClasses(label: classes - 1, classes: given)))
        }
        classes = given
      }
      var values = [Float](repeating: 0, count: positions.count * classes)
      for (row, label) in positions.enumerated() { values[row * classes + label] = 1 }
      // Labels (n, 1), as CIFAR-10 gives them, one-hot to (n, classes), as in Keras.
      var shape = labels.shape
      if shape.count > 1, shape.last == 1 { shape.removeLast() }
      shape.append(classes)
      return .tensor(Tensor(shape: shape, values: values))
    })
    add(Builtin("expand_dims", [Parameter("a"), Parameter("axis")], doc: "The tensor with a new axis of size 1 at axis: expand_dims(x, 0) makes one image a batch of one; expand_dims(x, -1) adds a channel axis.") {
      (args, _) throws(RuntimeError) in
      let t = try TensorReduction.operand(args, "a")
      let axis = try args.int("axis")
      let position = axis < 0 ? axis + t.rank + 1 : axis
      guard position >= 0, position <= t.rank else {
        throw RuntimeError(.tensorProblem(.axisOutOfRange(operation: "expand_dims", axis: axis, rank: t.rank)))
      }
      var shape = t.shape
      shape.insert(1, at: position)
      return .tensor(try EngineCall.run { try t.reshaped(shape) })
    })
    add(Builtin("squeeze", [Parameter("a"), Parameter("axis", default: Value.none)], doc: "The tensor without its axes of size 1 (or only axis, which must have size 1).") {
      (args, _) throws(RuntimeError) in .tensor(try TensorShapes.squeeze(try TensorReduction.operand(args, "a"), axis: try args.optionalAxis("axis"), args: args))
    })
  }
}

/// Shape helpers the methods and functions share.
enum TensorShapes {
  static func squeeze(_ t: Tensor, axis: Int?, args: Arguments) throws(RuntimeError) -> Tensor {
    var shape = t.shape
    if let axis {
      let a = axis < 0 ? axis + t.rank : axis
      guard a >= 0, a < t.rank, t.shape[a] == 1 else {
        throw RuntimeError(.tensorProblem(.axisNotOne(operation: args.function, axis: axis, shape: t.shape)))
      }
      shape.remove(at: a)
    } else {
      shape = shape.filter { $0 != 1 }
    }
    return try EngineCall.run { try t.reshaped(shape) }
  }

  static func clip(_ t: Tensor, _ args: Arguments) throws(RuntimeError) -> Tensor {
    let low = args["a_min"].isNone ? -Float.infinity : Float(try args.number("a_min"))
    let high = args["a_max"].isNone ? Float.infinity : Float(try args.number("a_max"))
    return Tensor(shape: t.shape, values: t.values.map { Swift.min(Swift.max($0, low), high) })
  }

  /// numpy's tolist: lists nested as deep as the rank.
  static func nestedList(_ value: Value) -> Value {
    guard case .tensor(let t, _) = value else { return value }
    let boolean = value.isBooleanTensor
    func build(_ axis: Int, _ offset: Int) -> Value {
      if axis == t.rank {
        let v = t.values[offset]
        return boolean ? .bool(v != 0) : TensorValues.number(v)
      }
      let stride = t.shape[(axis + 1)...].reduce(1, *)
      return .list((0..<t.shape[axis]).map { build(axis + 1, offset + $0 * stride) })
    }
    return build(0, 0)
  }
}
