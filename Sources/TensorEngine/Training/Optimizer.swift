import Synchronization

/// How an optimizer turns a gradient into a step, with Keras 3's arguments (each rule's file
/// holds its update and cites Keras's formula).
public enum OptimizerRule: Sendable, Hashable {
  case sgd(SGD)
  case adam(Adam)
  case rmsprop(RMSprop)
}

/// A Keras 3 optimizer: a rule, a learning rate, the decoupled weight decay that Keras's base
/// optimizer applies before the rule (AdamW's), optional gradient clipping, and the iteration
/// counter. Its per-parameter state lives in each `Parameter`, tagged with this optimizer's
/// `id`, so a second optimizer on the same model starts from fresh state as in Keras.
///
/// Not `Sendable`, like `Parameter`: it lives on the thread that runs the learner's code.
public final class Optimizer {
  public let id: UInt64
  /// Keras's name: `sgd`, `adam`, `rmsprop`, `adamw`.
  public let name: String
  public let rule: OptimizerRule
  public var learningRate: Float
  /// `w -= w · weightDecay · learningRate` before each step (Keras's `weight_decay`).
  public let weightDecay: Float?
  /// Each gradient rescaled to at most this L2 norm (Keras's `clipnorm`).
  public let clipNorm: Float?
  /// Each gradient value clipped to [-clipValue, clipValue] (Keras's `clipvalue`).
  public let clipValue: Float?
  /// Steps completed (Keras's `optimizer.iterations`); Adam's bias correction uses it.
  public internal(set) var iterations: Int = 0

  private static let counter = Atomic<UInt64>(0)

  public init(
    name: String, rule: OptimizerRule, learningRate: Float, weightDecay: Float? = nil, clipNorm: Float? = nil,
    clipValue: Float? = nil
  ) throws {
    guard learningRate.isFinite else {
      throw TensorError.invalidArgument(operation: name, reason: .learningRate(learningRate))
    }
    guard clipNorm == nil || clipValue == nil else {
      throw TensorError.invalidArgument(operation: name, reason: .clipBoth)
    }
    for (argument, value) in [("clipnorm", clipNorm), ("clipvalue", clipValue)] {
      if let value, !(value > 0) {
        throw TensorError.invalidArgument(operation: name, reason: .notPositive(argument: argument, value: value))
      }
    }
    if case .sgd(let sgd) = rule, !(sgd.momentum >= 0 && sgd.momentum <= 1) {
      throw TensorError.invalidArgument(operation: name, reason: .momentum(sgd.momentum))
    }
    id = Self.counter.add(1, ordering: .relaxed).newValue
    self.name = name
    self.rule = rule
    self.learningRate = learningRate
    self.weightDecay = weightDecay
    self.clipNorm = clipNorm
    self.clipValue = clipValue
  }

  /// `SGD(learning_rate=0.01, momentum=0.0, nesterov=False)`.
  public static func sgd(
    learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false, clipNorm: Float? = nil,
    clipValue: Float? = nil
  ) throws -> Optimizer {
    try Optimizer(
      name: "sgd", rule: .sgd(SGD(momentum: momentum, nesterov: nesterov)), learningRate: learningRate,
      clipNorm: clipNorm, clipValue: clipValue)
  }

  /// `Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`.
  public static func adam(
    learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7,
    clipNorm: Float? = nil, clipValue: Float? = nil
  ) throws -> Optimizer {
    try Optimizer(
      name: "adam", rule: .adam(Adam(beta1: beta1, beta2: beta2, epsilon: epsilon)), learningRate: learningRate,
      clipNorm: clipNorm, clipValue: clipValue)
  }

  /// `AdamW(learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`:
  /// Adam after Keras's decoupled decay `w -= w · weight_decay · learning_rate`.
  public static func adamW(
    learningRate: Float = 0.001, weightDecay: Float = 0.004, beta1: Float = 0.9, beta2: Float = 0.999,
    epsilon: Float = 1e-7, clipNorm: Float? = nil, clipValue: Float? = nil
  ) throws -> Optimizer {
    try Optimizer(
      name: "adamw", rule: .adam(Adam(beta1: beta1, beta2: beta2, epsilon: epsilon)), learningRate: learningRate,
      weightDecay: weightDecay, clipNorm: clipNorm, clipValue: clipValue)
  }

  /// `RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False)`.
  public static func rmsprop(
    learningRate: Float = 0.001, rho: Float = 0.9, momentum: Float = 0, epsilon: Float = 1e-7,
    centered: Bool = false, clipNorm: Float? = nil, clipValue: Float? = nil
  ) throws -> Optimizer {
    try Optimizer(
      name: "rmsprop", rule: .rmsprop(RMSprop(rho: rho, momentum: momentum, epsilon: epsilon, centered: centered)),
      learningRate: learningRate, clipNorm: clipNorm, clipValue: clipValue)
  }

  /// How many tensors of state the rule keeps per parameter.
  var slotCount: Int {
    switch rule {
    case .sgd(let sgd): return sgd.slotCount
    case .adam(let adam): return adam.slotCount
    case .rmsprop(let rmsprop): return rmsprop.slotCount
    }
  }
}
