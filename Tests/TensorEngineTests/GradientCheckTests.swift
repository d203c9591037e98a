import TestSupport
import Testing

/// The yardstick itself, on functions whose gradients are known by hand.
@Suite struct GradientCheckTests {
  @Test func cubicAndProduct() {
    // f(x) = Σ x_i³ + x_0·x_1, so ∂f/∂x_0 = 3x_0² + x_1, ∂f/∂x_1 = 3x_1² + x_0, ∂f/∂x_2 = 3x_2².
    let x = [0.5, -1.25, 2.0]
    let numeric = GradientCheck.numerical({ v in v.reduce(0) { $0 + $1 * $1 * $1 } + v[0] * v[1] }, at: x)
    let exact = [3 * 0.25 - 1.25, 3 * 1.5625 + 0.5, 12.0]
    #expect(GradientCheck.normRelativeError(numeric, exact) < 1e-10)
    // A gradient off by 1e-6 in one coordinate is caught at the 1e-8 bound.
    var wrong = exact
    wrong[2] += 1e-6 * 13
    #expect(GradientCheck.normRelativeError(numeric, wrong) > 1e-8)
  }

  @Test func weightsAreSeededAndSigned() {
    let a = GradientCheck.weights(count: 1000, seed: 7)
    #expect(a == GradientCheck.weights(count: 1000, seed: 7))
    #expect(a != GradientCheck.weights(count: 1000, seed: 8))
    #expect(a.allSatisfy { $0 >= -1 && $0 < 1 })
    #expect(a.contains { $0 < -0.5 } && a.contains { $0 > 0.5 })
  }
}
