import TensorEngine

/// numpy's reductions as the functions and the tensor methods share them: the engine's sum,
/// mean, max, min and argmax, and argmin, var and std built from them.
enum TensorStatistic: String {
  case sum, mean, max, min, argmax, argmin, std, `var`

  func apply(_ t: Tensor, axis: Int?, keepdims: Bool, function: String) throws(RuntimeError) -> Value {
    if self != .sum, t.count == 0 { throw RuntimeError(.emptySequence(function)) }
    let result: Tensor = try EngineCall.run {
      switch self {
      case .sum: return try t.reduced(.sum, axis: axis, keepDimensions: keepdims)
      case .mean: return try t.reduced(.mean, axis: axis, keepDimensions: keepdims)
      case .max: return try t.reduced(.max, axis: axis, keepDimensions: keepdims)
      case .min: return try t.reduced(.min, axis: axis, keepDimensions: keepdims)
      case .argmax: return try t.reduced(.argmax, axis: axis, keepDimensions: keepdims)
      // The first smallest value is the first largest of the negated values.
      case .argmin: return try t.mapped(.negate).reduced(.argmax, axis: axis, keepDimensions: keepdims)
      case .var, .std:
        // The mean of squared distances from the mean (numpy's ddof=0).
        let centre = try t.reduced(.mean, axis: axis, keepDimensions: true)
        let distance = try t.combined(with: centre, .subtract)
        let variance = try distance.mapped(.square).reduced(.mean, axis: axis, keepDimensions: keepdims)
        return self == .std ? try variance.mapped(.sqrt) : variance
      }
    }
    return TensorValues.result(result)
  }
}
