import Foundation
import TensorEngine
import Testing

@Suite struct ActivationTests {
  // 4001 points over [-20, 20] plus the awkward ones, checked against libm in double precision.
  static let points: [Float] = (0...4000).map { Float($0) / 100 - 20 } + [1e-8, -1e-6, 0.2499, 0.2501, 88, -88, 100, -100]

  @Test func tanhMatchesLibm() throws {
    let result = try Ops.tanh(Tensor(shape: [Self.points.count], values: Self.points))
    for (x, y) in zip(Self.points, result.values) {
      let exact = Foundation.tanh(Double(x))
      // tanh is a rational function evaluated in float32: over 8 million points in [-6, 9]
      // its largest error was 2.95e-7 (about 5 ulps of values near 1), against 0.9e-7 for
      // the exponential form it replaced, which took 16% of LeNet-5's time.
      #expect(abs(Double(y) - exact) <= 3e-7 * max(1, abs(exact)), "tanh(\(x)) = \(y), libm \(exact)")
    }
  }

  /// Near 0, tanh(x) ≈ x: the error must stay small relative to x itself (1 - 2/(e^2x + 1)
  /// would lose every digit there), within about four float32 ulps.
  @Test func tanhIsPreciseRelativeToSmallValues() throws {
    let small: [Float] = [1e-30, -1e-12, 1e-8, -3e-6, 1e-4, -0.01, 0.1, -0.2499, 0.2501, 0.7, -1]
    let result = try Ops.tanh(Tensor(shape: [small.count], values: small))
    for (x, y) in zip(small, result.values) {
      let exact = Foundation.tanh(Double(x))
      #expect(abs(Double(y) - exact) <= 5e-7 * abs(exact), "tanh(\(x)) = \(y), libm \(exact)")
    }
  }

  @Test func sigmoidMatchesLibm() throws {
    let result = try Ops.sigmoid(Tensor(shape: [Self.points.count], values: Self.points))
    for (x, y) in zip(Self.points, result.values) {
      let exact = 1 / (1 + Foundation.exp(-Double(x)))
      #expect(abs(Double(y) - exact) <= 2e-7 * max(1e-30, exact) + 1e-37, "sigmoid(\(x)) = \(y), exact \(exact)")
    }
  }

  @Test func reluKeepsNaNAndZeroesNegatives() throws {
    let result = try Ops.relu(Tensor(shape: [4], values: [-1, 0, 2.5, .nan]))
    #expect(Array(result.values.prefix(3)) == [0, 0, 2.5])
    #expect(result.values[3].isNaN)
  }
}
