/// A float32 tensor: a shape and contiguous row-major storage, channels-last
/// (`(H, W)`, `(H, W, C)`, batches `(N, H, W, C)`). Storage is a Swift array, so copies
/// are copy-on-write: the language never duplicates a feature map by accident.
public struct Tensor: Sendable, Equatable {
  public private(set) var shape: [Int]
  public var values: [Float] {
    didSet { precondition(values.count == Tensor.count(of: shape), "storage no longer matches the shape") }
  }

  public init(shape: [Int], values: [Float]) {
    precondition(values.count == Tensor.count(of: shape), "\(values.count) values do not fill shape \(shape)")
    self.shape = shape
    self.values = values
  }

  public init(shape: [Int], repeating value: Float = 0) {
    self.shape = shape
    self.values = [Float](repeating: value, count: Tensor.count(of: shape))
  }

  public var rank: Int { shape.count }
  public var count: Int { values.count }

  /// The number of elements a shape holds (1 for a scalar's empty shape).
  public static func count(of shape: [Int]) -> Int { shape.reduce(1, *) }

  /// The number of elements, or nil when a size is negative or the product overflows `Int`:
  /// for shapes that come from a learner before a tensor of them exists.
  public static func checkedCount<S: Sequence<Int>>(of shape: S) -> Int? {
    var count = 1
    for dimension in shape {
      guard dimension >= 0 else { return nil }
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      if overflow { return nil }
      count = product
    }
    return count
  }
}
