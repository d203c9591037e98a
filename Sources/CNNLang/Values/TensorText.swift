import TensorEngine
import TextAndTime

/// The `text/plain` form of a tensor: its shape, and every value when there are few enough
/// to read (at most 256), laid out as rows; larger tensors give their range instead.
/// A 3-D tensor is shown one channel at a time, the way the chapters draw feature maps.
enum TensorText {
  static let maximumShownValues = 256

  static func describe(_ tensor: Tensor) -> String {
    let header = "tensor of shape \(formatShape(tensor.shape))"
    if tensor.count == 0 { return header + ", empty" }
    guard tensor.count <= maximumShownValues else { return header + ", " + statistics(tensor) }
    switch tensor.rank {
    case 0: return number(tensor.values[0])
    case 1: return header + "\n[" + tensor.values.map(number).joined(separator: ", ") + "]"
    case 2: return header + "\n" + grid(tensor.values, rows: tensor.shape[0], columns: tensor.shape[1])
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
          blocks.append(label + "\n" + grid(plane, rows: h, columns: w))
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
  static func grid(_ values: [Float], rows: Int, columns: Int) -> String {
    let texts = values.map(number)
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

extension TensorText {
  /// numpy's print options: beyond this many values a tensor is summarised with `...`,
  /// showing `edgeItems` values at each end of every long axis; lines wrap at `lineWidth`.
  static let summaryThreshold = 1000
  static let edgeItems = 3
  static let lineWidth = 75

  /// What `print`, `str()` and f-strings write: the values laid out as numpy writes an
  /// array's repr, under the name `tensor`: `tensor([0.659, 0.242, 0.099])`, rows on lines of
  /// their own, one notation for all values (`SharedNotation`), `...` for the middle of a
  /// large tensor.
  public static func values(_ tensor: Tensor) -> String {
    let prefix = "tensor("
    guard tensor.rank > 0 else { return prefix + number(tensor.values.first ?? 0) + ")" }
    if tensor.count == 0 { return prefix + "[], shape=\(formatShape(tensor.shape)))" }
    let summarise = tensor.count > summaryThreshold
    let notation = SharedNotation(for: tensor.values)
    // Decimal points line up (numpy pads the short fractions on the right; whole numbers,
    // written without a point in this language, are simply right-aligned), then every
    // element is right-aligned to the widest one shown.
    var width = 0
    var fraction = 0
    forEachShown(tensor.shape, summarise: summarise) { offset in
      fraction = max(fraction, fractionLength(notation.text(tensor.values[offset])))
    }
    func aligned(_ text: String) -> String {
      guard fraction > 0, text.contains("."), !text.contains("e") else { return text }
      return text + String(repeating: " ", count: fraction - fractionLength(text))
    }
    forEachShown(tensor.shape, summarise: summarise) { offset in
      width = max(width, aligned(notation.text(tensor.values[offset])).count)
    }
    let layout = NumpyLayout(
      shape: tensor.shape, strides: Tensor.strides(of: tensor.shape), summarise: summarise, indent: prefix.count,
      element: { offset in
        let text = aligned(notation.text(tensor.values[offset]))
        return String(repeating: " ", count: width - text.count) + text
      })
    return prefix + layout.block(axis: 0, base: 0, column: prefix.count) + ")"
  }

  /// Digits after the decimal point (0 for a whole number or scientific notation).
  private static func fractionLength(_ text: String) -> Int {
    guard !text.contains("e"), let point = text.firstIndex(of: ".") else { return 0 }
    return text.distance(from: point, to: text.endIndex) - 1
  }

  /// The indices of axis `size` that are shown: all, or the ends around a gap (nil).
  static func shownIndices(_ size: Int, summarise: Bool) -> [Int?] {
    guard summarise, size > 2 * edgeItems else { return Array(0..<size) }
    return Array(0..<edgeItems) + [nil] + Array((size - edgeItems)..<size)
  }

  private static func forEachShown(_ shape: [Int], summarise: Bool, _ body: (Int) -> Void) {
    let strides = Tensor.strides(of: shape)
    func visit(_ axis: Int, _ base: Int) {
      if axis == shape.count {
        body(base)
        return
      }
      for index in shownIndices(shape[axis], summarise: summarise) {
        if let index { visit(axis + 1, base + index * strides[axis]) }
      }
    }
    visit(0, 0)
  }
}

/// numpy's nesting of brackets: the last axis on one line (wrapped at the line width), each
/// outer axis one line per item, separated by as many blank lines as axes remain below.
private struct NumpyLayout {
  let shape: [Int]
  let strides: [Int]
  let summarise: Bool
  let indent: Int
  let element: (Int) -> String

  /// The text of the sub-tensor at `axis` starting at storage `base`; `column` is where its
  /// opening bracket stands, so continuation lines line up under it.
  func block(axis: Int, base: Int, column: Int) -> String {
    let indices = TensorText.shownIndices(shape[axis], summarise: summarise)
    if axis == shape.count - 1 {
      // numpy's wrapping: a line holds its indent, the values so far each followed by ", ",
      // and must leave room for the closing ")" and for a "]" per level of nesting.
      let limit = TensorText.lineWidth - 1 - axis - 1
      var lines: [String] = []
      var line = "["
      var length = column + 1
      for (i, index) in indices.enumerated() {
        let item = index.map { element(base + $0 * strides[axis]) } ?? "..."
        if length > column + 1, length + item.count > limit {
          lines.append(String(line.dropLast()))
          line = String(repeating: " ", count: column + 1)
          length = column + 1
        }
        line += item
        length += item.count
        if i < indices.count - 1 {
          line += ", "
          length += 2
        }
      }
      lines.append(line + "]")
      return lines.joined(separator: "\n")
    }
    let separator = "," + String(repeating: "\n", count: shape.count - 1 - axis) + String(repeating: " ", count: column + 1)
    let items = indices.map { index in
      index.map { block(axis: axis + 1, base: base + $0 * strides[axis], column: column + 1) } ?? "..."
    }
    return "[" + items.joined(separator: separator) + "]"
  }
}
