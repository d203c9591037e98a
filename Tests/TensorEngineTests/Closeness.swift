import TensorEngine
import Testing

/// The largest difference between two tensors, scaled: |a - b| / (atol + rtol * |b|).
/// Returns nil when the shapes differ.
func worstError(_ actual: Tensor, _ expected: Tensor, atol: Float, rtol: Float) -> (ratio: Float, index: Int)? {
  guard actual.shape == expected.shape else { return nil }
  var worst: (ratio: Float, index: Int) = (0, 0)
  for i in 0..<expected.count {
    let a = actual.values[i]
    let b = expected.values[i]
    let ratio = abs(a - b) / (atol + rtol * abs(b))
    if !(ratio <= worst.ratio) { worst = (ratio.isNaN ? .infinity : ratio, i) }
  }
  return worst
}

/// Checks shape first, then every value within `atol + rtol * |expected|`, naming the worst index.
func expectClose(
  _ actual: Tensor, _ expected: Tensor, atol: Float = 1e-5, rtol: Float = 1e-4, _ label: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let worst = worstError(actual, expected, atol: atol, rtol: rtol) else {
    Issue.record(
      "\(label): shape \(formatShape(actual.shape)) but expected \(formatShape(expected.shape))",
      sourceLocation: sourceLocation)
    return
  }
  if worst.ratio > 1 {
    Issue.record(
      "\(label): at flat index \(worst.index) got \(actual.values[worst.index]), expected \(expected.values[worst.index])",
      sourceLocation: sourceLocation)
  }
}
