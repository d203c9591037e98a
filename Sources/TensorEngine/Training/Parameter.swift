import Synchronization

/// One trainable tensor of a layer (a kernel, a bias, a batch normalization's gamma): its
/// value, the gradient accumulated by the backward pass, and the optimizer's state for it
/// (Adam's moments, a momentum), so that everything a training step changes belongs to the
/// layer that owns the parameter.
///
/// A reference type on purpose: the layer, the model's list of parameters and the optimizer
/// all see one object. It is not `Sendable`: it lives on the thread that runs the learner's
/// code, as the layers that hold it do, and never crosses to another (the engine's worker
/// threads only see raw pointers into its storage for the length of one call).
public final class Parameter {
  /// Unique within the process: the owner in `weightsVersion`, under which caches of derived
  /// weights keep one entry per parameter.
  public let id: UInt64
  /// What errors call it, such as `conv2d/kernel`.
  public let name: String
  public internal(set) var value: Tensor
  /// The sum of the gradients given since it was last cleared; nil before the first. Set it
  /// directly or through `accumulateGradient`; optimizers check its shape before any step.
  public var gradient: Tensor?
  /// Bumped by every change of `value` (an optimizer step, `assign`).
  public private(set) var version: UInt64 = 0
  /// A frozen parameter (Keras's `layer.trainable = False`) is skipped by optimizers.
  public var trainable: Bool
  /// The optimizer's per-parameter state; replaced when another optimizer takes over.
  public internal(set) var optimizerState: OptimizerState?

  private static let counter = Atomic<UInt64>(0)

  public init(_ value: Tensor, name: String, trainable: Bool = true) {
    id = Self.counter.add(1, ordering: .relaxed).newValue
    self.name = name
    self.value = value
    self.trainable = trainable
  }

  /// The key for caches of derived weights (packed panels): same owner, new version per change.
  public var weightsVersion: WeightsVersion { WeightsVersion(owner: id, version: version) }

  /// Replaces the value (Keras's `set_weights`); the shape must stay.
  public func assign(_ newValue: Tensor) throws {
    guard newValue.shape == value.shape else {
      throw TensorError.invalidShape(
        operation: "set_weights", shape: newValue.shape, expected: .weight(name: name, shape: value.shape))
    }
    value = newValue
    markChanged()
  }

  /// Adds a backward pass's gradient to the accumulated one (a weight used twice gets both).
  public func accumulateGradient(_ contribution: Tensor) throws {
    guard contribution.shape == value.shape else {
      throw TensorError.shapeMismatch(operation: "gradient of \(name)", lhs: value.shape, rhs: contribution.shape)
    }
    guard gradient != nil else {
      gradient = contribution
      return
    }
    gradient?.values.withUnsafeMutableBufferPointer { t in
      contribution.values.withUnsafeBufferPointer { c in
        for i in 0..<t.count { t[i] += c[i] }
      }
    }
  }

  /// Forgets the gradient, before the next batch's backward pass.
  public func clearGradient() { gradient = nil }

  func markChanged() { version &+= 1 }
}

/// An optimizer's state for one parameter: which optimizer wrote it and its slots, each of the
/// parameter's shape (SGD's velocity; Adam's first and second moments; RMSprop's average of
/// squares, momentum and average gradient), in the order the optimizer defines. The slots
/// share one buffer so that a step reaches them all with one pointer.
public struct OptimizerState: Sendable {
  public let optimizer: UInt64
  let shape: [Int]
  let slotCount: Int
  var storage: [Float]

  init(optimizer: UInt64, shape: [Int], slotCount: Int) {
    self.optimizer = optimizer
    self.shape = shape
    self.slotCount = slotCount
    storage = [Float](repeating: 0, count: slotCount * Tensor.count(of: shape))
  }

  public var slots: [Tensor] {
    let count = Tensor.count(of: shape)
    return (0..<slotCount).map { Tensor(shape: shape, values: Array(storage[($0 * count)..<(($0 + 1) * count)])) }
  }
}
