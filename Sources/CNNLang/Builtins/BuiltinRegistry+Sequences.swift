import Glibc

// Numbers and sequences: abs, round, min, max, sum, sorted, reversed, enumerate, zip, any, all.
extension BuiltinRegistry {
  mutating func addSequenceFunctions() {
    add(Builtin("abs", [Parameter("x")], doc: "The size of a number without its sign. Example: abs(-5) is 5.") {
      (args, _) throws(RuntimeError) in .number(abs(try args.number("x")))
    })

    add(Builtin(
      "round", [Parameter("x"), Parameter("ndigits", default: Value.none)],
      doc: "Rounds to ndigits decimals (to a whole number by default). Halves go to the even neighbour, as in Python: round(2.5) is 2, round(3.5) is 4, round(3.14159, 2) is 3.14."
    ) { (args, _) throws(RuntimeError) in
      let x = try args.number("x")
      guard let digits = try args.optionalInt("ndigits") else { return .number(x.rounded(.toNearestOrEven)) }
      let scale = pow(10, Double(digits))
      let scaled = x * scale
      guard scaled.isFinite, scale.isFinite, scale > 0 else { return .number(x) }
      return .number(scaled.rounded(.toNearestOrEven) / scale)
    })

    for (name, wantLarger) in [("min", false), ("max", true)] {
      add(Builtin(
        name, [Parameter("values", variadic: true)],
        doc: "The \(wantLarger ? "largest" : "smallest") of several values, or of the items of one list or tuple. Example: \(name)(3, 7, 5) and \(name)([3, 7, 5]) are both \(wantLarger ? 7 : 3)."
      ) { (args, _) throws(RuntimeError) in
        let items = args.rest.count == 1 ? try Sequences.elements(of: args.rest[0]) : args.rest
        guard var best = items.first else { throw RuntimeError(.emptySequence(name)) }
        for item in items.dropFirst() {
          guard let order = Operators.order(item, best) else {
            throw RuntimeError(.notComparable(op: name, left: item.typeName, right: best.typeName))
          }
          if wantLarger ? order > 0 : order < 0 { best = item }
        }
        return best
      })
    }

    add(Builtin(
      "sum", [Parameter("iterable"), Parameter("start", default: .number(0))],
      doc: "Adds up the items of a list, tuple or range, starting from start. Example: sum([1, 2, 3]) is 6."
    ) { (args, ev) throws(RuntimeError) in
      var total = args["start"]
      for item in try Sequences.elements(of: args["iterable"]) {
        total = try Operators.binary(.add, total, item)
      }
      return total
    })

    add(Builtin(
      "sorted", [Parameter("iterable"), Parameter("reverse", default: .bool(false))],
      doc: "A new list with the items in increasing order (decreasing with reverse=True). Example: sorted([3, 1, 2]) is [1, 2, 3]."
    ) { (args, ev) throws(RuntimeError) in
      .list(try Sequences.sorted(try Sequences.elements(of: args["iterable"]), reverse: try args.bool("reverse"), cancellation: ev.cancellation))
    })

    add(Builtin(
      "reversed", [Parameter("sequence")],
      doc: "A new list with the items in the opposite order. Example: reversed([1, 2, 3]) is [3, 2, 1]."
    ) { (args, _) throws(RuntimeError) in .list(try Sequences.elements(of: args["sequence"]).reversed()) })

    add(Builtin(
      "enumerate", [Parameter("iterable"), Parameter("start", default: .number(0))],
      doc: "Pairs each item with its position: a list of (index, item) tuples, for loops like: for i, x in enumerate(values):"
    ) { (args, _) throws(RuntimeError) in
      let start = try args.int("start")
      let items = try Sequences.elements(of: args["iterable"])
      return .list(items.enumerated().map { .tuple([.number(Double(start + $0.offset)), $0.element]) })
    })

    add(Builtin(
      "zip", [Parameter("iterables", variadic: true)],
      doc: "Walks several sequences side by side: a list of tuples, as long as the shortest. Example: zip([1, 2], [\"a\", \"b\"]) is [(1, 'a'), (2, 'b')]."
    ) { (args, _) throws(RuntimeError) in
      var columns: [[Value]] = []
      for v in args.rest { columns.append(try Sequences.elements(of: v)) }
      let count = columns.map(\.count).min() ?? 0
      return .list((0..<count).map { i in .tuple(columns.map { $0[i] }) })
    })

    add(Builtin(
      "any", [Parameter("iterable")],
      doc: "True if at least one item is true. Example: any([0, 0, 1]) is True."
    ) { (args, _) throws(RuntimeError) in
      for item in try Sequences.elements(of: args["iterable"]) {
        if try item.truth() { return .bool(true) }
      }
      return .bool(false)
    })

    add(Builtin(
      "all", [Parameter("iterable")],
      doc: "True if every item is true (and for an empty list). Example: all([1, 2, 0]) is False."
    ) { (args, _) throws(RuntimeError) in
      for item in try Sequences.elements(of: args["iterable"]) {
        if !(try item.truth()) { return .bool(false) }
      }
      return .bool(true)
    })
  }
}
