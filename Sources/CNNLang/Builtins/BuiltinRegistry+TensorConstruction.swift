import TensorEngine

// Making tensors: from nested lists, filled, counted, seeded random, and the named filters.
extension BuiltinRegistry {
  mutating func addTensorConstruction() {
    describeType(
      "tensor",
      "A grid of float32 numbers: an image (H, W) or (H, W, C), a batch (N, H, W, C), a kernel, a vector. Arithmetic works element by element with broadcasting; x[i, j] reads one value; x.shape is its size."
    )

    add(Builtin(
      "tensor", [Parameter("data")],
      doc: "A tensor from nested lists of numbers; rows must have equal lengths. Example: tensor([[3, 0, 1], [1, 5, 8]]) has shape (2, 3)."
    ) { (args, _) throws(RuntimeError) in
      switch args["data"] {
      case .tensor(let t, _): return .tensor(t)
      case .list, .tuple, .number, .bool: return .tensor(try TensorValues.tensor(from: args["data"], function: "tensor"))
      case .range: return .tensor(try TensorValues.tensor(from: .list(try Sequences.elements(of: args["data"])), function: "tensor"))
      default: throw args.typeError("data", .numberOrNestedLists)
      }
    })

    for (name, value, what) in [("zeros", Float(0), "zeros"), ("ones", Float(1), "ones")] {
      add(Builtin(
        name, [Parameter("shape")],
        doc: "A tensor of the given shape filled with \(what). Example: \(name)((2, 3)) has shape (2, 3)."
      ) { (args, _) throws(RuntimeError) in
        let shape = try args.shapeArgument("shape")
        return .tensor(try EngineCall.run { try Tensor.filled(shape, with: value, operation: name) })
      })
    }

    add(Builtin(
      "full", [Parameter("shape"), Parameter("value")],
      doc: "A tensor of the given shape with every value set to value. Example: full((2, 2), 7)."
    ) { (args, _) throws(RuntimeError) in
      let shape = try args.shapeArgument("shape")
      let value = Float(try args.number("value"))
      return .tensor(try EngineCall.run { try Tensor.filled(shape, with: value, operation: "full") })
    })

    add(Builtin(
      "arange", [Parameter("start"), Parameter("stop", default: Value.none), Parameter("step", default: .number(1))],
      doc: "A 1-D tensor counting from start up to (not including) stop by step; arange(n) counts 0, 1, ..., n-1. Example: arange(4) is [0, 1, 2, 3]."
    ) { (args, _) throws(RuntimeError) in
      var start = try args.number("start")
      var stop = 0.0
      if args.wasGiven("stop") { stop = try args.number("stop") } else { (start, stop) = (0, start) }
      let step = try args.number("step")
      if step == 0 { throw RuntimeError(.rangeStepZero) }
      let steps = ((stop - start) / step).rounded(.up)
      guard steps.isFinite, steps < Double(Int.max / 8) else { throw RuntimeError(.numberTooLarge("arange")) }
      let count = max(0, Int(steps))
      try EngineCall.run { try MemoryBudget.check(operation: "arange", shape: [count]) }
      return .tensor(Tensor(shape: [count], values: (0..<count).map { Float(start + Double($0) * step) }))
    })

    add(Builtin(
      "random", [Parameter("shape"), Parameter("seed", default: .number(0))],
      doc: "A tensor of uniform random numbers between 0 and 1; the same seed always gives the same numbers. Example: random((4, 4), seed=1)."
    ) { (args, ev) throws(RuntimeError) in
      try seeded(args, ev) { g in g.nextUnitFloat() }
    })

    add(Builtin(
      "randn", [Parameter("shape"), Parameter("seed", default: .number(0))],
      doc: "A tensor of random numbers from the standard normal distribution (mean 0, spread 1); the same seed gives the same numbers. Example: randn((3, 3), seed=2)."
    ) { (args, ev) throws(RuntimeError) in
      try seeded(args, ev) { g in Float(g.normal()) }
    })

    add(Builtin(
      "filter", [Parameter("name")],
      doc: "A classic 3x3 filter by name: \(FilterBank.names.map { "\"\($0)\"" }.joined(separator: ", ")). Example: filter(\"vertical_edge\") is [[1, 0, -1], [1, 0, -1], [1, 0, -1]]."
    ) { (args, _) throws(RuntimeError) in
      let name = try args.string("name")
      guard let rows = FilterBank.rows(named: name) else {
        throw RuntimeError(
          .invalidChoice(function: "filter", parameter: "name", got: Value.quoted(name), choices: FilterBank.names.map(Value.quoted)),
          suggestion: NameSuggester.nearest(to: name, in: FilterBank.names).map { .didYouMean($0) })
      }
      return .tensor(Tensor(shape: [rows.count, rows[0].count], values: rows.flatMap { $0 }))
    })
  }
}

/// `random` and `randn`: one value per element from the seeded generator, checked against the
/// memory budget first and interruptible between blocks.
private func seeded(
  _ args: Arguments, _ ev: Evaluator, _ draw: (inout SeededGenerator) -> Float
) throws(RuntimeError) -> Value {
  let shape = try args.shapeArgument("shape")
  let seed = try args.int("seed")
  try EngineCall.run { try MemoryBudget.check(operation: args.function, shape: shape) }
  var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
  let count = Tensor.count(of: shape)
  var values: [Float] = []
  values.reserveCapacity(count)
  while values.count < count {
    try ev.checkCancellation()
    for _ in 0..<min(1 << 20, count - values.count) { values.append(draw(&generator)) }
  }
  return .tensor(Tensor(shape: shape, values: values))
}

/// The named filters of the chapters. Edge filters follow the chapters' sign convention:
/// bright on the left minus bright on the right, so a bright-to-dark edge gives positive values.
enum FilterBank {
  static let entries: [(name: String, rows: [[Float]])] = [
    ("vertical_edge", [[1, 0, -1], [1, 0, -1], [1, 0, -1]]),
    ("horizontal_edge", [[1, 1, 1], [0, 0, 0], [-1, -1, -1]]),
    ("sobel_x", [[1, 0, -1], [2, 0, -2], [1, 0, -1]]),
    ("sobel_y", [[1, 2, 1], [0, 0, 0], [-1, -2, -1]]),
    ("scharr_x", [[3, 0, -3], [10, 0, -10], [3, 0, -3]]),
    ("scharr_y", [[3, 10, 3], [0, 0, 0], [-3, -10, -3]]),
    ("laplacian", [[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
    ("blur", [[Float]](repeating: [Float](repeating: 1.0 / 9, count: 3), count: 3)),
    ("gaussian", [[1, 2, 1], [2, 4, 2], [1, 2, 1]].map { $0.map { $0 / 16 } }),
    ("sharpen", [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
    ("identity", [[0, 0, 0], [0, 1, 0], [0, 0, 0]]),
  ]

  static var names: [String] { entries.map(\.name) }

  static func rows(named name: String) -> [[Float]]? { entries.first { $0.name == name }?.rows }
}
