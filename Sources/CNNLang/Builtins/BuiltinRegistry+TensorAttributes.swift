import TensorEngine
import TextAndTime

// What a tensor knows about itself: x.shape, x.ndim, x.size, x.dtype, x.T, and the numpy-style
// methods x.reshape(...) and x.flatten().
extension BuiltinRegistry {
  mutating func addTensorAttributes() {
    func tensor(_ v: Value) -> Tensor {
      if case .tensor(let t, _) = v { return t }
      // Properties are looked up by type name, so only tensors arrive here.
      return Tensor(shape: [0], values: [])
    }
    addProperty(Property("shape", doc: "The size of each axis, as a tuple: (H, W), (H, W, C) or (N, H, W, C).") { v in
      TensorValues.shapeValue(tensor(v).shape)
    }, to: "tensor")
    addProperty(Property("ndim", doc: "The number of axes: 2 for a gray image, 3 for (H, W, C), 4 for a batch.") { v in
      .number(Double(tensor(v).rank))
    }, to: "tensor")
    addProperty(Property("size", doc: "The number of values: the product of the shape.") { v in
      .number(Double(tensor(v).count))
    }, to: "tensor")
    addProperty(Property("dtype", doc: "The number type of the values: \"float32\", or \"bool\" for the answers of a comparison.") { v in
      .string(v.isBooleanTensor ? "bool" : "float32")
    }, to: "tensor")
    addProperty(Property("T", doc: "The tensor with its axes reversed: a matrix's rows become columns.") { v throws(RuntimeError) in
      .rearranged(try EngineCall.run { try tensor(v).transposed() }, from: v)
    }, to: "tensor")

    addMethod(Builtin(
      "reshape", [Parameter("self"), Parameter("shape", variadic: true)],
      doc: "The same values in a new shape: x.reshape(28, 28) or x.reshape((28, 28)); one size may be -1."
    ) { (args, _) throws(RuntimeError) in
      let parts = args.rest.count == 1 && args.rest[0].numeric == nil ? try Sequences.elements(of: args.rest[0]) : args.rest
      var shape: [Int] = []
      for part in parts {
        guard let d = part.numeric, let n = NumberText.wholeNumber(d) else { throw args.typeError("shape", .wholeNumbers) }
        shape.append(n)
      }
      let t = tensor(args["self"])
      return .rearranged(try EngineCall.run { try t.reshaped(shape) }, from: args["self"])
    }, to: "tensor")
    addMethod(Builtin("flatten", [Parameter("self")], doc: "All values in one row, shape (n,).") { (args, _) throws(RuntimeError) in
      let t = tensor(args["self"])
      return .rearranged(try EngineCall.run { try t.flattened() }, from: args["self"])
    }, to: "tensor")
  }
}
