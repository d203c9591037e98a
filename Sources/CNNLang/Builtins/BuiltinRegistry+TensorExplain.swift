import TensorEngine
import TextAndTime

// explain(): the arithmetic behind one value of a convolution or pooling result.
extension BuiltinRegistry {
  /// Every tensor built-in; one call from `standard()`.
  mutating func addTensorVocabulary() {
    addTensorConstruction()
    addTensorData()
    addTensorOperations()
    addTensorReductions()
    addTensorAttributes()
    addTensorComparisons()
    addTensorMethods()
    addTensorExplain()
  }

  mutating func addTensorExplain() {
    describeType(
      "explanation",
      "How one output value of a convolution or pooling was computed: the input window, the filter, the products, their sum, the bias and the activation. Made by explain(y, at=(row, column))."
    )
    addProperty(Property("text", doc: "The explanation as plain text, the same lines the cell shows.") { v in
      if case .explanation(let e) = v { return .string(e.text) }
      return .none
    }, to: "explanation")
    addProperty(Property("value", doc: "The output value that was explained.") { v in
      if case .explanation(let e) = v { return TensorValues.number(e.value) }
      return .none
    }, to: "explanation")
    add(Builtin(
      "explain",
      [Parameter("y"), Parameter("at"), Parameter("channel", default: Value.none), Parameter("sample", default: Value.none)],
      doc: "Shows how one value of a conv2d or pooling result (or a Conv2D or pooling layer's output) was computed: the input window (padding zeros marked), the filter, each product, their sum, then the bias and the activation; for pooling, the window and the winning cell or the average. at is (row, column), or (row, column, filter) for several filters; channel= picks the filter and sample= the image of a batch. Example: explain(conv2d(x, filter(\"vertical_edge\")), at=(0, 0))."
    ) { (args, _) throws(RuntimeError) in
      guard case .tensor(let y, let origin) = args["y"] else { throw args.typeError("y", .tensor) }
      guard let origin, !origin.isBoolean else { throw RuntimeError(.notExplainable(.notComputed)) }
      let at: [Int]
      if args["at"].numeric != nil { at = [try args.int("at")] } else {
        var parts: [Int] = []
        for item in try Sequences.elements(of: args["at"]) {
          guard let d = item.numeric, let i = NumberText.wholeNumber(d) else { throw args.typeError("at", .position) }
          parts.append(i)
        }
        at = parts
      }
      let explainer = Explainer(output: y, origin: origin)
      return .explanation(try explainer.explain(at: at, filter: try args.optionalInt("channel"), sample: try args.optionalInt("sample")))
    })
  }
}
