/// How a sliding window treats the border of its input.
public enum Padding: Sendable, Hashable {
  /// No padding: only windows that lie wholly inside the input.
  case valid
  /// Keras's `same`: `ceil(input / stride)` outputs, the missing cells split with the
  /// smaller half before (top/left) and the larger half after (bottom/right).
  case same
  /// A fixed number of cells before and after.
  case explicit(before: Int, after: Int)

  /// The same number of cells on both sides, as `padding=1` in a cell.
  public static func symmetric(_ cells: Int) -> Padding { .explicit(before: cells, after: cells) }
}

/// The one place that knows how large a sliding window's output is and how its padding
/// splits. Convolution, pooling and the language's shape inference all ask it; nothing
/// else computes an output size. One instance describes one spatial axis.
public struct WindowGeometry: Sendable, Hashable {
  public var kernel: Int
  public var stride: Int
  public var dilation: Int
  public var padding: Padding

  public init(kernel: Int, stride: Int = 1, dilation: Int = 1, padding: Padding = .valid) {
    self.kernel = kernel
    self.stride = stride
    self.dilation = dilation
    self.padding = padding
  }

  /// The span the window covers once dilated: `(kernel - 1) * dilation + 1`, or `Int.max`
  /// when that does not fit in an `Int` (no input is that large, so such a window never fits).
  public var effectiveKernel: Int {
    guard kernel >= 1, dilation >= 1 else { return (kernel - 1) &* dilation &+ 1 }
    let (span, overflow) = (kernel - 1).multipliedReportingOverflow(by: dilation)
    return overflow || span == Int.max ? Int.max : span + 1
  }

  /// The window's placement along an input of `input` cells.
  public struct Resolved: Sendable, Hashable {
    /// Number of window positions.
    public var output: Int
    /// Cells of padding before the first and after the last input cell.
    public var padBefore: Int
    public var padAfter: Int
  }

  /// Output size and padding split for an input of `input` cells, or `nil` when the
  /// arguments are invalid (kernel, stride or dilation below 1, negative padding) or the
  /// window does not fit even once.
  public func resolve(input: Int) -> Resolved? {
    guard kernel >= 1, stride >= 1, dilation >= 1, input >= 0 else { return nil }
    let span = effectiveKernel
    switch padding {
    case .same:
      // Keras (and TensorFlow): ceil(in / stride) positions, padding only as much as the
      // last position needs, the odd cell going after.
      // ceil(input / stride) without forming input + stride - 1, which can overflow.
      let output = input / stride + (input % stride == 0 ? 0 : 1)
      guard output >= 1 else { return nil }
      // The last window ends at (output - 1) * stride + span <= input - 1 + span; sizes that
      // large cannot be padded for (no tensor has that many cells), so they do not fit.
      let (reach, overflow) = ((output - 1) * stride).addingReportingOverflow(span)
      guard !overflow else { return nil }
      let total = max(reach - input, 0)
      return Resolved(output: output, padBefore: total / 2, padAfter: total - total / 2)
    case .valid:
      return Self.fit(input: input, before: 0, after: 0, span: span, stride: stride)
    case .explicit(let before, let after):
      guard before >= 0, after >= 0 else { return nil }
      return Self.fit(input: input, before: before, after: after, span: span, stride: stride)
    }
  }

  /// Number of window positions, or `nil` as for `resolve(input:)`.
  public func outputSize(input: Int) -> Int? { resolve(input: input)?.output }

  /// The (before, after) padding for an input of `input` cells.
  public func paddingSplit(input: Int) -> (before: Int, after: Int)? {
    guard let resolved = resolve(input: input) else { return nil }
    return (resolved.padBefore, resolved.padAfter)
  }

  private static func fit(input: Int, before: Int, after: Int, span: Int, stride: Int) -> Resolved? {
    let (partial, overflowBefore) = input.addingReportingOverflow(before)
    let (padded, overflowAfter) = partial.addingReportingOverflow(after)
    guard !overflowBefore, !overflowAfter, padded >= span else { return nil }
    return Resolved(output: (padded - span) / stride + 1, padBefore: before, padAfter: after)
  }
}

/// A height and a width: a kernel size, strides or a dilation. Writing `2` means `(2, 2)`.
public struct Size2: Sendable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
  public var height: Int
  public var width: Int

  public init(_ height: Int, _ width: Int) {
    self.height = height
    self.width = width
  }

  public init(_ both: Int) { self.init(both, both) }
  public init(integerLiteral value: Int) { self.init(value, value) }

  public var description: String { "(\(height), \(width))" }
}
