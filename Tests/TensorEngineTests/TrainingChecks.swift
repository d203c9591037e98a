import TensorEngine
import TestSupport
import Testing

/// Random Doubles in [low, high), seeded.
func randomDoubles(_ shape: [Int], seed: UInt64, in range: ClosedRange<Double> = -2...2) -> DoubleTensor {
  var generator = SeededGenerator(seed: seed)
  let values = (0..<Tensor.count(of: shape)).map { _ in generator.uniform(range.lowerBound, range.upperBound) }
  return DoubleTensor(shape: shape, values: values)
}

/// Σ r_i·y_i for a fixed random weighting r: the scalar whose gradient with respect to y is r.
func weighted(_ y: DoubleTensor, _ r: [Double]) -> Double {
  zip(y.values, r).reduce(0) { $0 + $1.0 * $1.1 }
}

/// Central differences of `f` at `x` against the analytic gradient, norm-relative error < 1e-8.
func expectGradient(
  _ analytic: [Double], at x: [Double], _ label: String, sourceLocation: SourceLocation = #_sourceLocation,
  _ f: ([Double]) throws -> Double
) throws {
  let numeric = try GradientCheck.numerical(f, at: x)
  let error = GradientCheck.normRelativeError(numeric, analytic)
  #expect(error < 1e-8, "\(label): norm-relative error \(error)", sourceLocation: sourceLocation)
}

/// |a - b| ≤ tolerance · max(1, |b|) for plain numbers computed by hand.
func expectNear(
  _ actual: Float, _ expected: Double, tolerance: Double = 1e-6, _ label: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let error = abs(Double(actual) - expected)
  #expect(error <= tolerance * max(1, abs(expected)), "\(label): got \(actual), expected \(expected)", sourceLocation: sourceLocation)
}

func expectNear(
  _ actual: Tensor, _ expected: [Double], tolerance: Double = 1e-6, _ label: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(label): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
  for (i, (a, e)) in zip(actual.values, expected).enumerated() {
    expectNear(a, e, tolerance: tolerance, "\(label)[\(i)]", sourceLocation: sourceLocation)
  }
}
