/// Keras's SGD (`keras/src/optimizers/sgd.py`): without momentum `w -= lr·g`; with it the
/// velocity `m = momentum·m - lr·g`, then `w += m`, or with Nesterov `w += momentum·m - lr·g`
/// (the new m). This is Keras's form, not PyTorch's (which keeps `m = momentum·m + g`).
public struct SGD: Sendable, Hashable, UpdateRule {
  public var momentum: Float
  public var nesterov: Bool

  public init(momentum: Float = 0, nesterov: Bool = false) {
    self.momentum = momentum
    self.nesterov = nesterov
  }

  /// The velocity exists only with momentum, as in Keras.
  var slotCount: Int { momentum != 0 ? 1 : 0 }

  func coefficients(learningRate: Float, step: Int) -> Float { learningRate }

  @inline(__always)
  func update(_ v: inout UpdateLanes, _ learningRate: Float) {
    let step = v.gradient * learningRate
    if momentum == 0 {
      v.value -= step
      return
    }
    v.slot0 = v.slot0 * momentum - step
    v.value += nesterov ? v.slot0 * momentum - step : v.slot0
  }
}
