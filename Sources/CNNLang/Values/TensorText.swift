import TensorEngine
import TextAndTime

/// The `text/plain` form of a tensor: its shape, and every value when there are few enough
/// to read (at most 256), laid out as rows; larger tensors give their range instead.
/// A 3-D tensor is shown one channel at a time, the way the chapters draw feature maps.
enum TensorText {
  static let maximumShownValues = 256

  /// `boolean`: the answers of a comparison, shown as True and False (numpy's bool arrays).
  static func describe(_ tensor: Tensor, boolean: Bool = false) -> String {
    let header = "tensor of shape \(formatShape(tensor.shape))" + (boolean ? ", bool" : "")
    if tensor.count == 0 { return header + ", empty" }
    guard tensor.count <= maximumShownValues else {
      return header + ", " + (boolean ? truthCount(tensor) : statistics(tensor))
    }
    let text: (Float) -> String
    if boolean { text = truth } else { text = number }
    switch tensor.rank {
    case 0: return text(tensor.values[0])
    case 1: return header + "\n[" + tensor.values.map(text).joined(separator: ", ") + "]"
    case 2: return header + "\n" + grid(tensor.values, rows: tensor.shape[0], columns: tensor.shape[1], text)
    default:
      // Channels-last: show each channel of each leading index as its own 2-D grid.
      let (h, w, c) = (tensor.shape[tensor.rank - 3], tensor.shape[tensor.rank - 2], tensor.shape[tensor.rank - 1])
      let leading = tensor.count / (h * w * c)
      var blocks: [String] = []
      for n in 0..<leading {
        for channel in 0..<c {
          var plane: [Float] = []
          plane.reserveCapacity(h * w)
          for r in 0..<h {
            for col in 0..<w { plane.append(tensor.values[((n * h + r) * w + col) * c + channel]) }
          }
          let label = leading > 1 ? "[\(n)] channel \(channel):" : "channel \(channel):"
          blocks.append(label + "\n" + grid(plane, rows: h, columns: w, text))
        }
      }
      return header + "\n" + blocks.joined(separator: "\n")
    }
  }

  /// A float32 value in its shortest exact form (0.1, not 0.10000000149), whole numbers
  /// without a fraction, as numbers read everywhere else in the language.
  static func number(_ v: Float) -> String {
    NumberText.repr(Double(v.description) ?? Double(v))
  }

  /// Rows of right-aligned numbers in brackets, so columns line up.
  static func grid(_ values: [Float], rows: Int, columns: Int, _ text: (Float) -> String = TensorText.number) -> String {
    let texts = values.map(text)
    let width = texts.map(\.count).max() ?? 1
    var lines: [String] = []
    for r in 0..<rows {
      let cells = texts[(r * columns)..<((r + 1) * columns)].map { String(repeating: " ", count: width - $0.count) + $0 }
      let open = r == 0 ? "[[" : " ["
      let close = r == rows - 1 ? "]]" : "],"
      lines.append(open + cells.joined(separator: ", ") + close)
    }
    return lines.joined(separator: "\n")
  }

  static func truth(_ v: Float) -> String { v != 0 ? "True" : "False" }

  static func truthCount(_ tensor: Tensor) -> String {
    "\(tensor.values.filter { $0 != 0 }.count) True, \(tensor.values.filter { $0 == 0 }.count) False"
  }

  static func statistics(_ tensor: Tensor) -> String {
    var low = Float.infinity, high = -Float.infinity, total = 0.0
    for v in tensor.values {
      low = min(low, v)
      high = max(high, v)
      total += Double(v)
    }
    let mean = total / Double(tensor.count)
    return "min \(number(low)), max \(number(high)), mean \(NumberText.repr((mean * 1e4).rounded() / 1e4))"
  }
}
