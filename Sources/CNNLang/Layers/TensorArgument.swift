import TensorEngine

/// Reads tensors out of arguments: a tensor, or nested lists of numbers as a learner types
/// a small image or a kernel by hand (`[[1, 0, -1], [1, 0, -1], [1, 0, -1]]`).
enum TensorArgument {
  static func tensor(_ value: Value, function: String, parameter: String) throws(RuntimeError) -> Tensor {
    if case .tensor(let t, _) = value { return t }
    var shape: [Int] = []
    var values: [Float] = []
    guard collect(value, depth: 0, shape: &shape, values: &values), values.count == Tensor.count(of: shape) else {
      throw RuntimeError(.argumentType(
        function: function, parameter: parameter, expected: .tensorOrNestedList, got: value.typeName))
    }
    return Tensor(shape: shape, values: values)
  }

  /// Walks nested lists depth-first; every list at one depth must have the same length.
  private static func collect(_ value: Value, depth: Int, shape: inout [Int], values: inout [Float]) -> Bool {
    // No tensor has this many axes; a list nested a million deep must not exhaust the stack.
    if depth > 32 { return false }
    if let d = value.numeric {
      if depth < shape.count { return false }
      values.append(Float(d))
      return true
    }
    let items: [Value]
    switch value {
    case .list(let l): items = l.items
    case .tuple(let t): items = t
    default: return false
    }
    if depth == shape.count {
      // The first list at this depth fixes its length, unless numbers were already seen here.
      if depth > 0 && !values.isEmpty && shape.count == depth { return false }
      shape.append(items.count)
    } else if shape[depth] != items.count {
      return false
    }
    for item in items where !collect(item, depth: depth + 1, shape: &shape, values: &values) { return false }
    return true
  }
}

extension Layer {
  /// An engine failure inside this layer, as the learner's error: shapes become ShapeError,
  /// the memory limit ResourceError, an interrupt KeyboardInterrupt.
  func failure(_ error: any Error) -> RuntimeError {
    guard let e = error as? TensorError else {
      return RuntimeError(.layerFailure(layer: label, kind: .value, detail: .invalidArgument(operation: typeName, reason: .unexpected("\(error)"))))
    }
    switch e {
    case .cancelled: return RuntimeError(.keyboardInterrupt)
    case .resourceLimit: return RuntimeError(.layerFailure(layer: label, kind: .resource, detail: e))
    case .invalidArgument: return RuntimeError(.layerFailure(layer: label, kind: .value, detail: e))
    default: return RuntimeError(.layerFailure(layer: label, kind: .shape, detail: e))
    }
  }
}
