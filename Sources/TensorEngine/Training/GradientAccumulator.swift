/// The weight gradients of one shard of a batch (`BatchSplit`), kept apart from the
/// parameters, which other shards read at the same time, until the step adds the shards
/// together on one thread in shard order.
public final class GradientAccumulator {
  private var gradients: [(parameter: Parameter, gradient: Tensor)] = []
  private var index: [UInt64: Int] = [:]

  public init() {}

  /// Adds a backward pass's gradient for `parameter` (a weight used twice gets both).
  public func accumulate(_ contribution: Tensor, for parameter: Parameter) throws {
    guard contribution.shape == parameter.value.shape else {
      throw TensorError.shapeMismatch(operation: "gradient of \(parameter.name)", lhs: parameter.value.shape, rhs: contribution.shape)
    }
    guard let i = index[parameter.id] else {
      index[parameter.id] = gradients.count
      gradients.append((parameter, contribution))
      return
    }
    gradients[i].gradient.values.withUnsafeMutableBufferPointer { t in
      contribution.values.withUnsafeBufferPointer { c in
        for k in 0..<t.count { t[k] += c[k] }
      }
    }
  }

  /// Adds what this shard gathered to the parameters' own gradients, and forgets it.
  public func commit() throws {
    for (parameter, gradient) in gradients { try parameter.accumulateGradient(gradient) }
    gradients = []
    index = [:]
  }

  /// Commits each shard's gradients in turn: the sum is grouped the same way every step.
  public static func commit(_ shards: [GradientAccumulator]) throws {
    for shard in shards { try shard.commit() }
  }
}
