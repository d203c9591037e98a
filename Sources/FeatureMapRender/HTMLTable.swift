import TensorEngine
import TextAndTime

/// Small tensors as HTML: a table of values on a colour gradient (the pandas
/// `style.background_gradient` view of an MNIST digit), and a PNG wrapped in a figure.
/// Self-contained: inline colours, class names prefixed `cnnlab-`, no external CSS.
public enum HTMLTable {
  /// Tables are for looking at every value; beyond this a picture says more.
  public static let maxSide = 32

  /// Text size of every table, in px: readable beside a picture in any front end.
  static let fontSize = 12

  /// A table of a 2-D tensor's values; `(H, W)`, `(n,)` (one row), and shapes with extra
  /// axes of size 1 such as `(28, 28, 1)` or `(1, 28, 28, 1)`. Each cell's background comes
  /// from the colormap (automatic choices as for pictures, see `ColorScale`), its text is white
  /// on dark cells. Every cell is a square of one width, wide enough for the longest number;
  /// numbers share one notation (`SharedNotation`), 4 significant digits at most (3 when there
  /// are more than 16 columns, so an MNIST digit stays within a notebook's width).
  /// Row and column indices frame the table when `indices` is true.
  public static func render(
    _ tensor: Tensor, colormap: Colormap? = nil, scale: RenderScale = .shared, pixelRange: ValueRange? = nil,
    indices: Bool = true
  ) throws(RenderError) -> String {
    guard tensor.count > 0 else { throw .emptyTensor(shape: tensor.shape) }
    let (rows, columns) = try tableShape(tensor.shape)
    guard rows <= maxSide, columns <= maxSide else {
      throw .tableTooLarge(rows: rows, columns: columns, limit: maxSide)
    }
    let values = tensor.values
    let stack = TileStack(
      values: values, height: rows, width: columns, step: 1, rowStep: columns, tiles: [TileSource(start: 0, label: "")])
    let colorScale = try ColorScale(stack: stack, colormap: colormap, scale: scale, pixelRange: pixelRange)
    let table = colorScale.colormap.lut
    let mapping = LevelMapping(range: colorScale.ranges[0], levels: table.count, missing: 0)
    let notation = SharedNotation(for: values, significant: columns > 16 ? 3 : 4)
    let texts = values.map(notation.text)
    let side = cellSide(longest: max(texts.map(\.count).max() ?? 1, String(max(rows, columns) - 1).count))

    var html = "<table class=\"cnnlab-table\" style=\"border-collapse:collapse;table-layout:fixed;"
    html += "font-family:monospace;font-size:\(fontSize)px;line-height:1;text-align:center;margin:0\">"
    // Inline on every cell: notebook style sheets (JupyterLab's right-aligned, padded, striped
    // tables) must not change the squares.
    let square =
      "width:\(side)px;min-width:\(side)px;max-width:\(side)px;height:\(side)px;padding:0;overflow:hidden;text-align:center"
    let headStyle = "style=\"\(square);color:#888;font-weight:normal;background:transparent;border:none\""
    if indices {
      html += "<thead><tr style=\"\(HTMLTable.plainRow)\"><th \(headStyle)></th>"
      for c in 0..<columns { html += "<th \(headStyle)>\(c)</th>" }
      html += "</tr></thead>"
    }
    html += "<tbody>"
    for r in 0..<rows {
      html += "<tr style=\"\(HTMLTable.plainRow)\">"
      if indices { html += "<th \(headStyle)>\(r)</th>" }
      for c in 0..<columns {
        let v = values[r * columns + c]
        let background = v.isNaN ? RGB(255, 0, 255) : table[Int(mapping.level(v))]
        let ink = background.luminance < 128 ? "#fff" : "#000"
        html += "<td style=\"\(square);background:\(hex(background));color:\(ink);border:none\">"
        html += texts[r * columns + c] + "</td>"
      }
      html += "</tr>"
    }
    html += "</tbody></table>"
    return html
  }

  /// A row style that keeps a notebook's striping and hover colours off the table.
  static let plainRow = "background:transparent"

  /// The side in px of a square cell that holds `longest` characters of the table's monospace text.
  static func cellSide(longest: Int) -> Int {
    // A monospace glyph is about 0.6 em wide; 8 px leave a little room on both sides.
    max(24, (longest * fontSize * 6 + 9) / 10 + 8)
  }

  /// Text made safe inside HTML elements and attribute values.
  public static func escape(_ text: String) -> String {
    var out = ""
    for ch in text {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// `#rrggbb`.
  static func hex(_ color: RGB) -> String {
    let digits = Array("0123456789abcdef")
    var s = "#"
    for byte in [color.r, color.g, color.b] {
      s.append(digits[Int(byte >> 4)])
      s.append(digits[Int(byte & 15)])
    }
    return s
  }

  /// Rows and columns once axes of size 1 are set aside; a vector is one row.
  private static func tableShape(_ shape: [Int]) throws(RenderError) -> (Int, Int) {
    let kept = shape.filter { $0 != 1 }
    switch kept.count {
    case 0: return (1, 1)
    case 1: return shape.count >= 2 && shape.last == 1 && shape.first != 1 ? (kept[0], 1) : (1, kept[0])
    case 2: return (kept[0], kept[1])
    default: throw .unsupportedShape(shape: shape, expected: "a 2-D tensor (H, W), at most \(maxSide)x\(maxSide)")
    }
  }
}
