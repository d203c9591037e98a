/// A tensor of Doubles for the reference loops: the naive forward and backward passes that
/// gradients are checked against run entirely in Double, so that central differences with
/// h = 1e-5 agree with them to about 1e-10 and any larger error is a bug, not rounding.
public struct DoubleTensor: Sendable, Equatable {
  public var shape: [Int]
  public var values: [Double]

  public init(shape: [Int], values: [Double]) {
    precondition(values.count == Tensor.count(of: shape), "\(values.count) values do not fill shape \(shape)")
    self.shape = shape
    self.values = values
  }

  public init(shape: [Int], repeating value: Double = 0) {
    self.init(shape: shape, values: [Double](repeating: value, count: Tensor.count(of: shape)))
  }

  public init(_ tensor: Tensor) {
    self.init(shape: tensor.shape, values: tensor.values.map(Double.init))
  }

  public var count: Int { values.count }
  public var rank: Int { shape.count }

  /// The float32 tensor nearest to this one, to compare with the fast kernels.
  public var float: Tensor { Tensor(shape: shape, values: values.map(Float.init)) }
}
