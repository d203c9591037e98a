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
      #expect(abs(Double(y) - exact) <= 2e-7 * max(1, abs(exact)), "tanh(\(x)) = \(y), libm \(exact)")
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
