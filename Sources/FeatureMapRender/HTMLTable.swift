import TensorEngine
import TextAndTime

/// Small tensors as HTML: a table of values on a colour gradient (the pandas
/// `style.background_gradient` view of an MNIST digit), and a PNG wrapped in a figure.
/// Self-contained: inline colours, class names prefixed `cnnlab-`, no external CSS.
public enum HTMLTable {
  /// Tables are for looking at every value; beyond this a picture says more.
  public static let maxSide = 32

  /// A table of a 2-D tensor's values; `(H, W)`, `(n,)` (one row), and shapes with extra
  /// axes of size 1 such as `(28, 28, 1)` or `(1, 28, 28, 1)`. Each cell's background comes
  /// from the colormap (automatic choices as for pictures, see `ColorScale`), its text is white on dark cells.
  /// Row and column indices frame the table when `indices` is true.
  public static func render(
    _ tensor: Tensor, colormap: Colormap? = nil, scale: RenderScale = .shared, indices: Bool = true
  ) throws(RenderError) -> String {
    guard tensor.count > 0 else { throw .emptyTensor(shape: tensor.shape) }
    let (rows, columns) = try tableShape(tensor.shape)
    guard rows <= maxSide, columns <= maxSide else {
      throw .tableTooLarge(rows: rows, columns: columns, limit: maxSide)
    }
    let values = tensor.values
    let stack = TileStack(
      values: values, height: rows, width: columns, step: 1, rowStep: columns, tiles: [TileSource(start: 0, label: "")])
    let colorScale = try ColorScale(stack: stack, colormap: colormap, scale: scale)
    let map = colorScale.colormap
    let range = colorScale.ranges[0]
    let table = map.lut
    let mapping = LevelMapping(range: range, levels: table.count, missing: 0)

    var html =
      "<table class=\"cnnlab-table\" style=\"border-collapse:collapse;font-family:monospace;font-size:9px;line-height:1.1;text-align:right\">"
    let headStyle = "style=\"padding:1px 3px;color:#888;font-weight:normal;text-align:center\""
    if indices {
      html += "<thead><tr><th \(headStyle)></th>"
      for c in 0..<columns { html += "<th \(headStyle)>\(c)</th>" }
      html += "</tr></thead>"
    }
    html += "<tbody>"
    for r in 0..<rows {
      html += "<tr>"
      if indices { html += "<th \(headStyle)>\(r)</th>" }
      for c in 0..<columns {
        let v = values[r * columns + c]
        let background = v.isNaN ? RGB(255, 0, 255) : table[Int(mapping.level(v))]
        let ink = background.luminance < 128 ? "#fff" : "#000"
        html += "<td style=\"background:\(hex(background));color:\(ink);padding:1px 2px\">"
        html += NumberText.compact(v) + "</td>"
      }
      html += "</tr>"
    }
    html += "</tbody></table>"
    return html
  }

  /// A `<figure>` holding the PNG inline (base64) at its pixel size, with an optional caption.
  public static func figure(png: [UInt8], width: Int, height: Int, caption: String? = nil) -> String {
    var html = "<figure class=\"cnnlab-figure\" style=\"margin:0\">"
    html += "<img src=\"data:image/png;base64,\(PNGEncoder.base64(png))\" width=\"\(width)\" height=\"\(height)\""
    html += " style=\"image-rendering:pixelated\" alt=\"\(escape(caption ?? "feature maps"))\"/>"
    if let caption {
      html += "<figcaption style=\"font-family:monospace;font-size:11px\">\(escape(caption))</figcaption>"
    }
    return html + "</figure>"
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
