import CNNLang
import FeatureMapRender

/// The HTML view of `explain(...)`: the input window, the filter and the products as small
/// tables side by side, then the sum (highlighted), the bias and the activation. Window cells
/// are coloured as the input picture is (gray, or the diverging map for signed inputs), the
/// filter and products on the diverging map centred on zero; padding cells are dashed and
/// read `·0`. Inline styles only, so it survives notebook export.
enum ExplanationView {
  static func html(_ e: Explanation, title: String? = nil) -> String {
    var html = "<div class=\"cnnlab-explain\" style=\"font-family:monospace;font-size:12px;line-height:1.3\">"
    if let title { html += "<div style=\"font-weight:bold\">\(HTMLTable.escape(title))</div>" }
    html += "<div style=\"font-weight:bold;margin-bottom:4px\">\(HTMLTable.escape(e.heading))</div>"
    html += "<div style=\"color:#666;margin-bottom:4px\">input window, \(HTMLTable.escape(e.windowText))"
    if e.hasPadding { html += " (dashed cells are padding)" }
    html += "</div>"
    let inputMap: Colormap = e.inputRange.lowerBound < 0 ? .diverging : .gray
    let inputScale = scale(e.inputRange, centred: e.inputRange.lowerBound < 0)
    switch e.operation {
    case .convolution:
      for channel in e.channels {
        html += "<div style=\"display:flex;align-items:center;gap:10px;margin:4px 0;flex-wrap:wrap\">"
        if let index = channel.channel { html += "<div style=\"min-width:70px\">channel \(index)</div>" }
        html += figure("window", grid(channel.window, map: inputMap, scale: inputScale, marking: true))
        if let weights = channel.weights, let products = channel.products {
          html += operatorSign("×")
          html += figure("filter", grid(weights, map: .diverging, scale: symmetric(weights.values), marking: false))
          html += operatorSign("=")
          html += figure("products", grid(products, map: .diverging, scale: symmetric(products.values), marking: false))
          html += operatorSign("→")
          html += highlighted("sum", Explanation.format(channel.sum), strong: e.channels.count == 1 && e.hiddenChannels == 0)
        }
        html += "</div>"
      }
      if e.hiddenChannels > 0 {
        html += line("channels \(e.channels.count)..\(e.channels.count + e.hiddenChannels - 1) (not shown): sum \(Explanation.format(e.hiddenSum))")
      }
      if e.channels.count + e.hiddenChannels > 1 {
        html += "<div style=\"margin:4px 0\">" + highlighted("total over \(e.channels.count + e.hiddenChannels) channels", Explanation.format(e.total), strong: true) + "</div>"
      }
      if let bias = e.bias { html += line("+ bias \(Explanation.format(bias)) = \(Explanation.format(e.preActivation))") }
      if let activation = e.activation {
        html += line("\(activation)(\(Explanation.format(e.preActivation))) = \(Explanation.format(e.value))")
      }
    case .pooling(let kind):
      let window = e.channels[0].window
      html += "<div style=\"display:flex;align-items:center;gap:10px;margin:4px 0\">"
      html += figure("window", grid(window, map: inputMap, scale: inputScale, marking: true, chosen: e.chosen))
      html += operatorSign("→")
      let label = kind == .max ? "largest" : kind == .min ? "smallest" : "average of \(e.counted)"
      html += highlighted(label, Explanation.format(e.total), strong: true)
      html += "</div>"
    }
    html += "<div style=\"margin-top:4px\">output \(HTMLTable.escape(e.positionText)) = <b>\(Explanation.format(e.value))</b></div>"
    return html + "</div>"
  }

  private static func line(_ text: String) -> String { "<div style=\"margin:2px 0\">\(HTMLTable.escape(text))</div>" }

  private static func operatorSign(_ sign: String) -> String { "<div style=\"font-size:18px;color:#444\">\(sign)</div>" }

  private static func figure(_ caption: String, _ table: String) -> String {
    "<figure style=\"margin:0\"><figcaption style=\"color:#666;text-align:center\">\(caption)</figcaption>\(table)</figure>"
  }

  private static func highlighted(_ label: String, _ value: String, strong: Bool) -> String {
    let border = strong ? "2px solid #d08c00" : "1px solid #d0b060"
    return "<div class=\"cnnlab-sum\" style=\"background:#fff3bf;border:\(border);padding:3px 8px\">"
      + "\(HTMLTable.escape(label)) <b>\(HTMLTable.escape(value))</b></div>"
  }

  /// `(low, high)` for the colormap: the values' own span, or symmetric around zero.
  private static func scale(_ range: ClosedRange<Float>, centred: Bool) -> (Float, Float) {
    if centred {
      let m = max(abs(range.lowerBound), abs(range.upperBound), 1e-12)
      return (-m, m)
    }
    return range.upperBound > range.lowerBound ? (range.lowerBound, range.upperBound) : (range.lowerBound, range.lowerBound + 1)
  }

  private static func symmetric(_ values: [Float]) -> (Float, Float) {
    let m = max(values.map { abs($0) }.filter(\.isFinite).max() ?? 1, 1e-12)
    return (-m, m)
  }

  private static func grid(
    _ g: ExplanationGrid, map: Colormap, scale: (Float, Float), marking: Bool, chosen: Int? = nil
  ) -> String {
    var html = "<table style=\"border-collapse:collapse;text-align:right\"><tbody>"
    for r in 0..<g.rows {
      html += "<tr>"
      for c in 0..<g.columns {
        let i = r * g.columns + c
        let v = g.values[i]
        if marking && g.padding[i] {
          html += "<td class=\"cnnlab-pad\" style=\"border:1px dashed #999;color:#999;background:#f4f4f4;padding:2px 5px\">·0</td>"
          continue
        }
        let t = (v - scale.0) / (scale.1 - scale.0)
        let color = map.color(at: t)
        let ink = color.luminance < 128 ? "#fff" : "#000"
        let border = i == chosen ? "3px solid #d08c00" : "1px solid #ccc"
        html += "<td style=\"background:\(hex(color));color:\(ink);border:\(border);padding:2px 5px\">\(Explanation.format(v))</td>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table>"
  }

  private static func hex(_ c: RGB) -> String {
    let digits = Array("0123456789abcdef")
    return "#" + [c.r, c.g, c.b].map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined()
  }
}
