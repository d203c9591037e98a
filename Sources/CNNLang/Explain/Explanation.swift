import TensorEngine

/// How one value of a convolution or pooling result was computed: what `explain(y, at=...)`
/// returns. It holds the numbers only; `text` (here) and the kernel's HTML view draw them.
public struct Explanation: Sendable {
  /// What made the value.
  public enum Operation: Sendable, Equatable {
    case convolution
    case pooling(PoolKind)
  }

  public var operation: Operation
  /// `conv2d`, `max_pool`, or a layer's name such as `Conv2D 'conv1'`.
  public var source: String
  /// The output position as the learner would index it, e.g. `[0, 0]` or `[2, 3, 5]`.
  public var position: [Int]
  /// The value stored in the output at `position`.
  public var value: Float
  /// The input rows and columns the window covers; negative or past the edge in the padding.
  public var rows: [Int]
  public var columns: [Int]
  /// The input sample of a batch, when the input was one.
  public var sample: Int?
  /// The output filter (convolution) or channel (pooling), when there are several.
  public var filter: Int?
  public var filterCount: Int
  /// One entry per input channel shown (a pooling window has one).
  public var channels: [ExplanationChannel]
  /// Input channels left out of `channels` to keep the view readable, and their products' sum.
  public var hiddenChannels: Int
  public var hiddenSum: Float
  /// Convolution: the sum of every product over every channel. Pooling: the pooled value.
  public var total: Float
  public var bias: Float?
  /// The activation's name, nil for none (linear).
  public var activation: String?
  /// Pooling: the position in the window (row-major) of the winning cell for max and min.
  public var chosen: Int?
  /// Pooling: the number of window cells inside the image (average divides by this).
  public var counted: Int
  /// The smallest and largest value of the whole input, so a view can colour the window as
  /// the input picture is coloured.
  public var inputRange: ClosedRange<Float> = 0...1

  /// The value before the activation: the total plus the bias.
  public var preActivation: Float { total + (bias ?? 0) }
}

/// One input channel's part of an explanation.
public struct ExplanationChannel: Sendable {
  /// The input channel, or nil when the input has one channel.
  public var channel: Int?
  /// The input values under the window; padding cells are 0 (or not counted for pooling).
  public var window: ExplanationGrid
  /// Convolution only: the filter weights and the element-wise products.
  public var weights: ExplanationGrid?
  public var products: ExplanationGrid?
  /// Convolution: the sum of this channel's products. Pooling: the pooled value.
  public var sum: Float
}

/// A small grid of numbers, row-major, with the cells that lie in the padding marked.
public struct ExplanationGrid: Sendable {
  public var rows: Int
  public var columns: Int
  public var values: [Float]
  /// True where the cell lies outside the input (a padding zero).
  public var padding: [Bool]

  public subscript(r: Int, c: Int) -> Float { values[r * columns + c] }
  public func isPadding(_ r: Int, _ c: Int) -> Bool { padding[r * columns + c] }
}
