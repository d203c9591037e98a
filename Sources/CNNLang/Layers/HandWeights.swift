import TensorEngine
import TextAndTime

/// Arguments that set values by hand: `weights=` and `ZeroPadding2D(padding)`.
enum HandWeights {
  /// `weights=`: a kernel (a tensor or nested lists), or a list `[kernel, bias]` as Keras's
  /// `get_weights()` gives them. Checked against the layer's shape when it is built.
  static func set(_ value: Value, on layer: Layer) throws(RuntimeError) {
    if let kernel = try? TensorArgument.tensor(value, function: layer.typeName, parameter: "weights") {
      layer.handKernel = kernel
      return
    }
    let items: [Value]
    switch value {
    case .list(let l): items = l.items
    case .tuple(let t): items = t
    default: items = []
    }
    guard items.count == 2 else {
      throw RuntimeError(.argumentType(
        function: layer.typeName, parameter: "weights", expected: .kernelOrKernelAndBias, got: value.typeName))
    }
    layer.handKernel = try TensorArgument.tensor(items[0], function: layer.typeName, parameter: "weights")
    layer.handBias = try TensorArgument.tensor(items[1], function: layer.typeName, parameter: "weights")
  }

  /// `ZeroPadding2D(padding)`: `1`, `(rows, columns)` or `((top, bottom), (left, right))`.
  static func zeroPadding(_ args: Arguments) throws(RuntimeError) -> LayerKind {
    let value = args["padding"]
    func count(_ v: Value) throws(RuntimeError) -> Int {
      guard let d = v.numeric, let n = NumberText.wholeNumber(d) else {
        throw args.typeError("padding", .zeroPadding)
      }
      guard n >= 0 else { throw RuntimeError(.negativeValue(function: "ZeroPadding2D", parameter: "padding")) }
      guard n <= Arguments.largestWindow else { throw RuntimeError(.numberTooLarge("ZeroPadding2D")) }
      return n
    }
    func pair(_ v: Value) throws(RuntimeError) -> (Int, Int) {
      if v.numeric != nil {
        let n = try count(v)
        return (n, n)
      }
      guard let items = try? Sequences.elements(of: v), items.count == 2 else {
        throw args.typeError("padding", .zeroPadding)
      }
      return (try count(items[0]), try count(items[1]))
    }
    if value.numeric != nil {
      let n = try count(value)
      return .zeroPadding(top: n, bottom: n, left: n, right: n)
    }
    guard let items = try? Sequences.elements(of: value), items.count == 2 else {
      throw args.typeError("padding", .zeroPadding)
    }
    if items[0].numeric != nil {
      let (rows, columns) = (try count(items[0]), try count(items[1]))
      return .zeroPadding(top: rows, bottom: rows, left: columns, right: columns)
    }
    let (top, bottom) = try pair(items[0])
    let (left, right) = try pair(items[1])
    return .zeroPadding(top: top, bottom: bottom, left: left, right: right)
  }
}
