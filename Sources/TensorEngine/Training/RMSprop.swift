/// Keras's RMSprop (`keras/src/optimizers/rmsprop.py`): `s = ρ·s + (1 - ρ)·g²`, then
/// `w -= lr·g / √(s + ε)` (ε inside the root, unlike Adam). Centered, it also keeps the
/// average gradient `a = ρ·a + (1 - ρ)·g` and divides by `√(s - a² + ε)`; with momentum the
/// increment goes through `m = momentum·m + increment`, `w -= m`.
public struct RMSprop: Sendable, Hashable, UpdateRule {
  public var rho: Float
  public var momentum: Float
  public var epsilon: Float
  public var centered: Bool

  public init(rho: Float = 0.9, momentum: Float = 0, epsilon: Float = 1e-7, centered: Bool = false) {
    self.rho = rho
    self.momentum = momentum
    self.epsilon = epsilon
    self.centered = centered
  }

  /// Slot 0 the average of squares, slot 1 the momentum, slot 2 the average gradient.
  var slotCount: Int { centered ? 3 : momentum > 0 ? 2 : 1 }

  func coefficients(learningRate: Float, step: Int) -> Float { learningRate }

  @inline(__always)
  func update(_ v: inout UpdateLanes, _ learningRate: Float) {
    let g = v.gradient
    v.slot0 = v.slot0 * rho + g * g * (1 - rho)
    var denominator = v.slot0 + epsilon
    if centered {
      v.slot2 = v.slot2 * rho + g * (1 - rho)
      denominator = v.slot0 - v.slot2 * v.slot2 + epsilon
    }
    let increment = learningRate * g / VectorMath.sqrt(denominator)
    if momentum > 0 {
      v.slot1 = v.slot1 * momentum + increment
      v.value -= v.slot1
    } else {
      v.value -= increment
    }
  }
}
