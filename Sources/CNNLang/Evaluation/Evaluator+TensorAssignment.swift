import TensorEngine

// `x[i, j] = v` and `x[0:2, :] = 0` on a tensor held by a name. Tensors are values: the name
// gets the changed tensor, and another name that held the same tensor keeps the old values.
extension Evaluator {
  /// Whether `name` is a variable (of this call, or global) holding a tensor.
  func storesTensor(_ name: String) throws(RuntimeError) -> Bool {
    let stored = frames.last?.locals[name] ?? globals[name]
    if case .tensor? = stored { return true }
    return false
  }

  func assignIntoTensor(named name: String, _ items: [SubscriptItem], _ value: Value, range: SourceRange) throws(RuntimeError) {
    let index = try evaluateSubscript(items)
    let isLocal = frames.last?.locals[name] != nil
    guard case .tensor(let tensor, _)? = isLocal ? frames.last?.locals[name] : globals[name] else { return }
    var values = tensor.values
    let shape = tensor.shape
    do {
      let (offsets, selection) = try TensorArithmetic.positions(shape, index)
      let source = try TensorArithmetic.assignedValues(value, count: offsets.count, selection: selection)
      // The name lets go of the tensor first, so the write below changes the storage in place
      // instead of copying every value for each assignment in a loop.
      setStored(name, .none, local: isLocal)
      for (k, offset) in offsets.enumerated() { values[offset] = source.count == 1 ? source[0] : source[k] }
      setStored(name, .tensor(Tensor(shape: shape, values: values)), local: isLocal)
    } catch {
      throw error.locating(file, range)
    }
  }

  private func setStored(_ name: String, _ value: Value, local: Bool) {
    if local { frames[frames.count - 1].locals[name] = value } else { globals[name] = value }
  }
}
