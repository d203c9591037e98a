import TensorEngine
import TextAndTime

/// Everything that can stop a render, as data. `description` is the one place these
/// become words, so the kernel can show them to a learner unchanged.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The tensor holds no values (a zero in its shape).
  case emptyTensor(shape: [Int])
  /// The rank or layout cannot be drawn by the entry point that was called.
  case unsupportedShape(shape: [Int], expected: String)
  /// `mode: .rgb` needs three channels (or four, the fourth being alpha).
  case rgbNeedsThreeChannels(shape: [Int])
  /// The HTML table is for small tensors only.
  case tableTooLarge(rows: Int, columns: Int, limit: Int)
  /// An explicit scale whose bounds are not finite or not increasing.
  case invalidScale(min: Float, max: Float)
  /// A colormap name nobody defined.
  case unknownColormap(name: String)
  /// A mode name nobody defined.
  case unknownMode(name: String)
  /// A scale name nobody defined.
  case unknownScale(name: String)
  /// The picture would exceed the pixel budget (a huge map, or a very tall strip).
  case imageTooLarge(width: Int, height: Int, limit: Int)
  /// An image with no pixels (a zero width or height) cannot be a PNG.
  case emptyImage(width: Int, height: Int)
  /// Pixel buffer and declared size disagree: a programming error in the caller.
  case pixelCountMismatch(expected: Int, got: Int)
  /// `channels=` starts past the last channel.
  case channelsOutOfRange(first: Int, count: Int)
  /// zlib refused to compress (its return code).
  case compressionFailed(code: Int32)

  public var description: String {
    switch self {
    case .emptyTensor(let shape):
      return "cannot draw an empty tensor of shape \(formatShape(shape))"
    case .unsupportedShape(let shape, let expected):
      return "cannot draw a tensor of shape \(formatShape(shape)): expected \(expected)"
    case .rgbNeedsThreeChannels(let shape):
      return "mode 'rgb' needs 3 channels (H, W, 3); got \(formatShape(shape))"
    case .tableTooLarge(let rows, let columns, let limit):
      return "a value table shows at most \(limit)x\(limit) values; got \(rows)x\(columns)"
    case .invalidScale(let lo, let hi):
      return
        "scale must be two finite numbers with min < max; got (\(NumberText.compact(lo)), \(NumberText.compact(hi)))"
    case .unknownColormap(let name):
      return "unknown colormap '\(name)': use one of \(Colormap.names.map { "'\($0)'" }.joined(separator: ", "))"
    case .unknownMode(let name):
      return "unknown mode '\(name)': use one of \(RenderMode.names.map { "'\($0)'" }.joined(separator: ", "))"
    case .unknownScale(let name):
      return
        "unknown scale '\(name)': use one of \(RenderScale.names.map { "'\($0)'" }.joined(separator: ", ")) or a pair (min, max)"
    case .imageTooLarge(let width, let height, let limit):
      return "the picture would be \(width)x\(height) pixels, more than the limit of \(limit) pixels"
    case .emptyImage(let width, let height):
      return "cannot encode an image of \(width)x\(height) pixels"
    case .pixelCountMismatch(let expected, let got):
      return "pixel buffer holds \(got) bytes where \(expected) were expected"
    case .channelsOutOfRange(let first, let count):
      return "channels starts at \(first), but the tensor has \(count) channel\(count == 1 ? "" : "s") (0 to \(count - 1))"
    case .compressionFailed(let code):
      return "zlib failed to compress the image (code \(code))"
    }
  }
}
