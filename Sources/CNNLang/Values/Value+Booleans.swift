import TensorEngine

// numpy's bool arrays: a comparison gives a tensor whose values are 0 and 1, marked so that it
// shows True and False, indexes as a mask, and answers one truth value only when it holds one.
extension Value {
  /// A tensor of answers (1 for True); a single answer is a bool.
  static func booleans(_ t: Tensor) -> Value {
    t.rank == 0 ? .bool(t.values[0] != 0) : .tensor(t, origin: .comparison)
  }

  var isBooleanTensor: Bool {
    if case .tensor(_, let origin?) = self { return origin.isBoolean }
    return false
  }

  /// A part read out of this value (an item, a slice, a row) keeps its booleans.
  func keepingKind(_ part: Value) -> Value {
    guard isBooleanTensor else { return part }
    switch part {
    case .tensor(let t, _): return .booleans(t)
    case .number(let d): return .bool(d != 0)
    default: return part
    }
  }

  /// The truth test of `if`, `while`, `assert`, `and`, `or` and `not`. A tensor answers only
  /// when it holds exactly one value: several answers are ambiguous, as in numpy.
  func truth() throws(RuntimeError) -> Bool {
    guard case .tensor(let t, _) = self else { return isTruthy }
    guard t.count == 1 else { throw RuntimeError(.ambiguousTruth(shape: t.shape)) }
    return t.values[0] != 0
  }
}
