extension Optimizer {
  /// One step on every trainable parameter, from its accumulated gradient, or on none: every
  /// parameter is checked first (a gradient of its shape, listed once, room for new state),
  /// and only then are they all updated, with no cancellation point in between, so that an
  /// interrupted or failed step never leaves a model half-updated. Each updated parameter's
  /// version is bumped; gradients are left for the caller to clear.
  public func apply(to parameters: [Parameter]) throws {
    let trainable = parameters.filter(\.trainable)
    var seen = Set<UInt64>()
    for parameter in trainable {
      guard seen.insert(parameter.id).inserted else {
        throw TensorError.invalidArgument(operation: name, reason: .listedTwice(parameter: parameter.name))
      }
      guard let gradient = parameter.gradient else {
        throw TensorError.invalidArgument(
          operation: name, reason: .noGradient(parameter: parameter.name))
      }
      guard gradient.shape == parameter.value.shape else {
        throw TensorError.shapeMismatch(
          operation: "\(name) step on \(parameter.name)", lhs: parameter.value.shape, rhs: gradient.shape)
      }
      let scratch = clipNorm != nil || clipValue != nil ? parameter.value.count * 4 : 0
      let state = needsFreshState(parameter) ? slotCount * parameter.value.count * 4 : 0
      try MemoryBudget.check(operation: name, shape: [], extraBytes: scratch + state)
    }
    let step = iterations + 1
    for parameter in trainable { update(parameter, step: step) }
    iterations = step
  }

  private func needsFreshState(_ parameter: Parameter) -> Bool {
    guard let state = parameter.optimizerState else { return true }
    return state.optimizer != id || state.shape != parameter.value.shape || state.slotCount != slotCount
  }

  private func update(_ parameter: Parameter, step: Int) {
    guard var gradient = parameter.gradient else { return }
    clip(&gradient)
    var state =
      needsFreshState(parameter)
      ? OptimizerState(optimizer: id, shape: parameter.value.shape, slotCount: slotCount)
      : parameter.optimizerState!
    // Taken out while the step runs, so that the buffer is uniquely referenced and written in place.
    parameter.optimizerState = nil
    let count = parameter.value.count
    let decay = (weightDecay ?? 0) * learningRate
    parameter.value.values.withUnsafeMutableBufferPointer { w in
      gradient.values.withUnsafeBufferPointer { g in
        state.storage.withUnsafeMutableBufferPointer { s in
          guard let w = w.baseAddress, let g = g.baseAddress else { return }
          let slots = (0..<slotCount).map { s.baseAddress! + $0 * count }
          switch rule {
          case .sgd(let sgd):
            sgd.run(count: count, value: w, gradient: g, slots: slots, decay: decay,
                    sgd.coefficients(learningRate: learningRate, step: step))
          case .adam(let adam):
            adam.run(count: count, value: w, gradient: g, slots: slots, decay: decay,
                     adam.coefficients(learningRate: learningRate, step: step))
          case .rmsprop(let rmsprop):
            rmsprop.run(count: count, value: w, gradient: g, slots: slots, decay: decay,
                        rmsprop.coefficients(learningRate: learningRate, step: step))
          }
        }
      }
    }
    parameter.optimizerState = state
    parameter.markChanged()
  }

  /// Keras's `clipnorm` (each gradient rescaled to at most that L2 norm) or `clipvalue`.
  private func clip(_ gradient: inout Tensor) {
    if let clipNorm {
      var squares = 0.0
      for g in gradient.values { squares += Double(g) * Double(g) }
      let norm = Float(squares.squareRoot())
      guard norm > clipNorm else { return }
      let scale = clipNorm / norm
      gradient.values.withUnsafeMutableBufferPointer { g in for i in 0..<g.count { g[i] *= scale } }
    } else if let clipValue {
      gradient.values.withUnsafeMutableBufferPointer { g in
        for i in 0..<g.count { g[i] = min(max(g[i], -clipValue), clipValue) }
      }
    }
  }
}
