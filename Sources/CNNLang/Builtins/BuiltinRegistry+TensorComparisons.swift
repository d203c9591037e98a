import TensorEngine

// One answer from many: all, any (also along an axis), allclose, array_equal, and isclose
// value by value. The list forms of all and any stay as they were.
extension BuiltinRegistry {
  mutating func addTensorComparisons() {
    for (name, wantsEvery) in [("all", true), ("any", false)] {
      let listForm = functions[name]
      add(Builtin(
        name, [Parameter("iterable"), Parameter("axis", default: Value.none, keywordOnly: true)],
        doc: wantsEvery
          ? "True if every item is true (and for an empty list); for a tensor, if every value is nonzero, or along axis (a tensor of booleans). Example: all(conv2d(x, k) == y) asks whether two results agree everywhere."
          : "True if at least one item is true; for a tensor, if any value is nonzero, or along axis (a tensor of booleans). Example: any(x < 0) asks whether x has a negative value."
      ) { (args, ev) throws(RuntimeError) in
        guard case .tensor(let t, _) = args["iterable"] else {
          return try TensorReduction.fallback(listForm, args, ev, dropping: ["axis"])
        }
        return try TensorComparison.truthOf(t, every: wantsEvery, axis: try args.optionalAxis("axis"))
      })
    }

    let tolerances = [Parameter("rtol", default: .number(1e-5)), Parameter("atol", default: .number(1e-5))]
    add(Builtin(
      "allclose", [Parameter("a"), Parameter("b")] + tolerances,
      doc: "True if every pair of values is equal within rounding: |a - b| <= atol + rtol * |b|, after broadcasting. Use it to check a result against expected numbers. Example: allclose(mean(x, axis=1), [8 / 3, 10 / 3])."
    ) { (args, _) throws(RuntimeError) in
      .bool(try TensorComparison.allClose(
        try TensorReduction.operand(args, "a"), try TensorReduction.operand(args, "b"),
        rtol: try args.number("rtol"), atol: try args.number("atol")))
    })

    add(Builtin(
      "isclose", [Parameter("a"), Parameter("b")] + tolerances,
      doc: "Value by value, whether a and b are equal within rounding (as allclose): a tensor of booleans."
    ) { (args, _) throws(RuntimeError) in
      let (a, b) = (try TensorReduction.operand(args, "a"), try TensorReduction.operand(args, "b"))
      let (x, y) = try TensorComparison.broadcast(a, b, operation: "isclose")
      let (rtol, atol) = (try args.number("rtol"), try args.number("atol"))
      var answers: [Float] = []
      answers.reserveCapacity(x.count)
      for (p, q) in zip(x.values, y.values) {
        let close = p == q || abs(Double(p) - Double(q)) <= atol + rtol * abs(Double(q))
        answers.append(close ? 1 : 0)
      }
      return .booleans(Tensor(shape: x.shape, values: answers))
    })

    add(Builtin(
      "array_equal", [Parameter("a"), Parameter("b")],
      doc: "True if a and b have the same shape and exactly the same values. Example: array_equal(max_pool(x, 2), [[6, 5], [7, 9]])."
    ) { (args, _) throws(RuntimeError) in
      let (a, b) = (try TensorReduction.operand(args, "a"), try TensorReduction.operand(args, "b"))
      return .bool(a.shape == b.shape && a.values == b.values)
    })
  }
}
