import TensorEngine

// sum, mean, max, min, argmax, abs, round and len on tensors. The list and number forms stay
// as they were: each tensor-aware entry hands anything else to the entry it replaces.
extension BuiltinRegistry {
  mutating func addTensorReductions() {
    let listSum = functions["sum"]
    add(Builtin(
      "sum", [Parameter("iterable"), Parameter("start", default: .number(0)), Parameter("axis", default: Value.none, keywordOnly: true)],
      doc: "Adds up the items of a list, tuple or range, starting from start; for a tensor, all its values (a number) or those along axis (a tensor). Example: sum([1, 2, 3]) is 6; sum(ones((2, 3)), axis=0) is [2, 2, 2]."
    ) { (args, ev) throws(RuntimeError) in
      guard case .tensor(let t, _) = args["iterable"] else {
        return try TensorReduction.fallback(listSum, args, ev, dropping: ["axis"])
      }
      let reduced = try TensorReduction.reduce(t, .sum, args)
      return try Operators.binary(.add, args["start"], reduced)
    })

    add(Builtin(
      "mean", [Parameter("x"), Parameter("axis", default: Value.none)],
      doc: "The average of a tensor's values (a number), or along axis (a tensor); also of a list of numbers. Example: mean(tensor([1, 2, 3, 6])) is 3."
    ) { (args, _) throws(RuntimeError) in
      try TensorReduction.reduce(try TensorReduction.operand(args, "x"), .mean, args)
    })

    for (name, reduction) in [("max", Reduction.max), ("min", .min)] {
      let listForm = functions[name]
      add(Builtin(
        name, [Parameter("values", variadic: true), Parameter("axis", default: Value.none, keywordOnly: true)],
        doc: "The \(name == "max" ? "largest" : "smallest") of several values, or of the items of one list; for one tensor, of all its values (a number) or along axis (a tensor). Example: \(name)(3, 7, 5) is \(name == "max" ? 7 : 3); \(name)(x) for a tensor x."
      ) { (args, ev) throws(RuntimeError) in
        guard args.rest.count == 1, case .tensor(let t, _) = args.rest[0] else {
          return try TensorReduction.fallback(listForm, args, ev, dropping: ["axis"])
        }
        return try TensorReduction.reduce(t, reduction, args)
      })
    }

    add(Builtin(
      "argmax", [Parameter("x"), Parameter("axis", default: Value.none)],
      doc: "The position of the largest value (the first on ties): over all values counted row by row, or along axis. Example: argmax(tensor([0.1, 0.7, 0.2])) is 1, the predicted class."
    ) { (args, _) throws(RuntimeError) in
      try TensorReduction.reduce(try TensorReduction.operand(args, "x"), .argmax, args)
    })

    let numberAbs = functions["abs"]
    add(Builtin("abs", [Parameter("x")], doc: "The size of a number without its sign; for a tensor, of every value. Example: abs(-5) is 5.") {
      (args, ev) throws(RuntimeError) in
      guard case .tensor(let t, _) = args["x"] else { return try TensorReduction.fallback(numberAbs, args, ev) }
      return .tensor(try EngineCall.run { try t.mapped(.abs) })
    })

    let numberRound = functions["round"]
    add(Builtin(
      "round", [Parameter("x"), Parameter("ndigits", default: Value.none)],
      doc: "Rounds to ndigits decimals (to a whole number by default); for a tensor, every value. Halves go to the even neighbour, as in Python: round(2.5) is 2, round(3.5) is 4, round(3.14159, 2) is 3.14."
    ) { (args, ev) throws(RuntimeError) in
      guard case .tensor(let t, _) = args["x"] else { return try TensorReduction.fallback(numberRound, args, ev) }
      guard let digits = try args.optionalInt("ndigits") else { return .tensor(try EngineCall.run { try t.mapped(.round) }) }
      // Round in Double, so round(x, 2) reads as two decimals after the float32 round trip.
      var scale = 1.0
      for _ in 0..<abs(digits) { scale *= 10 }
      if digits < 0 { scale = 1 / scale }
      let values = t.values.map { v -> Float in
        let scaled = Double(v) * scale
        return scaled.isFinite ? Float(scaled.rounded(.toNearestOrEven) / scale) : v
      }
      return .tensor(Tensor(shape: t.shape, values: values))
    })

    let sequenceLength = functions["len"]
    add(Builtin("len", [Parameter("obj")], doc: "The number of items in a list, tuple, range, string or dict; for a tensor, the size of its first axis. Example: len([3, 0, 1]) is 3.") {
      (args, ev) throws(RuntimeError) in
      guard case .tensor(let t, _) = args["obj"] else { return try TensorReduction.fallback(sequenceLength, args, ev) }
      guard let first = t.shape.first else { throw args.typeError("obj", .tensorWithAxis) }
      return .number(Double(first))
    })
  }
}

/// The shared steps of the tensor reductions.
enum TensorReduction {
  /// A tensor operand; lists of numbers are read as tensors too.
  static func operand(_ args: Arguments, _ name: String) throws(RuntimeError) -> Tensor {
    if let d = args[name].numeric { return Tensor(scalar: Float(d)) }
    if case .range = args[name] { return try TensorValues.tensor(from: .list(try Sequences.elements(of: args[name])), function: args.function) }
    return try args.tensorArgument(name)
  }

  /// Over every value (a number) or along `axis` (a tensor).
  static func reduce(_ t: Tensor, _ reduction: Reduction, _ args: Arguments) throws(RuntimeError) -> Value {
    let axis = try args.optionalAxis("axis")
    if reduction != .sum, t.count == 0 { throw RuntimeError(.emptySequence(args.function)) }
    let result = try EngineCall.run { try t.reduced(reduction, axis: axis) }
    return TensorValues.result(result)
  }

  /// Calls the list-and-number form this entry replaced, with the arguments it knows.
  static func fallback(_ builtin: Builtin?, _ args: Arguments, _ ev: Evaluator, dropping: Set<String> = []) throws(RuntimeError) -> Value {
    guard let builtin else { throw RuntimeError(.notCallable(args.function)) }
    for name in dropping where args.wasGiven(name) {
      throw RuntimeError(.unexpectedKeyword(function: args.function, keyword: name), suggestion: .hint(.callHelp(args.function)))
    }
    // The replaced entries name their parameters as these do, so everything but `*values` goes by name.
    let positional = builtin.parameters.contains { $0.isVariadic } ? args.rest : []
    let named = args.givenNamed.filter { !dropping.contains($0.0) }
    return try ev.call(.builtin(builtin), positional: positional, keywords: named)
  }
}
