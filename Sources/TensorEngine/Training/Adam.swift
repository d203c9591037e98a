import Glibc

/// Keras's Adam (`keras/src/optimizers/adam.py`), with ε-hat: the bias corrections are folded
/// into the step size `α = lr·√(1 - β2ᵗ) / (1 - β1ᵗ)`, then `m += (g - m)(1 - β1)`,
/// `v += (g² - v)(1 - β2)`, `w -= α·m / (√v + ε)`. PyTorch instead adds ε (1e-8) to the
/// corrected √v̂, which differs while v is small. AdamW is this rule after the optimizer's
/// weight decay (`Optimizer.adamW`), as Keras builds it.
public struct Adam: Sendable, Hashable, UpdateRule {
  public var beta1: Float
  public var beta2: Float
  public var epsilon: Float

  public init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  /// The first and second moments.
  var slotCount: Int { 2 }

  struct Coefficients: Sendable {
    var alpha: Float
    var keep1, keep2: Float
  }

  func coefficients(learningRate: Float, step: Int) -> Coefficients {
    let t = Float(step)
    let alpha = learningRate * (1 - powf(beta2, t)).squareRoot() / (1 - powf(beta1, t))
    return Coefficients(alpha: alpha, keep1: 1 - beta1, keep2: 1 - beta2)
  }

  @inline(__always)
  func update(_ v: inout UpdateLanes, _ c: Coefficients) {
    let g = v.gradient
    v.slot0 += (g - v.slot0) * c.keep1
    v.slot1 += (g * g - v.slot1) * c.keep2
    v.value -= v.slot0 * c.alpha / (VectorMath.sqrt(v.slot1) + epsilon)
  }
}
