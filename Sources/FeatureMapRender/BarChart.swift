import TextAndTime

/// Vectors as HTML charts: a short vector as columns of bars over its values (signed values
/// hang below a zero line), and probabilities as labelled horizontal bars with percentages
/// (what a classifier's softmax output, `show(model.predict(x[:1]))`, looks like).
public enum BarChart {
  /// Vectors longer than this are shown as numbers only: the bars would be too thin to read.
  public static let maxColumns = 64
  /// Beyond this many classes only the most likely ones are drawn, largest first.
  public static let maxClasses = 20
  static let shownTopClasses = 10
  /// Height in px of the taller half of a column chart.
  static let barHeight = 60

  /// Whether `values` are probabilities: none negative, and their sum 1 up to float32 rounding.
  public static func looksLikeProbabilities(_ values: [Float]) -> Bool {
    guard values.count >= 2, values.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return false }
    var total = 0.0
    for v in values { total += Double(v) }
    return abs(total - 1) <= 1e-4 * Double(max(10, values.count))
  }

  /// One column per value: a bar from a zero line (up for positive, down for negative values)
  /// over a row of square value cells, one notation for all of them.
  public static func columns(_ values: [Float]) -> String {
    let notation = SharedNotation(for: values, significant: values.count > 16 ? 3 : 4)
    let texts = values.map(notation.text)
    let side = HTMLTable.cellSide(longest: max(texts.map(\.count).max() ?? 1, String(values.count - 1).count))
    var largest: Float = 0
    for v in values where v.isFinite { largest = max(largest, abs(v)) }
    let hasNegative = values.contains { $0 < 0 }
    let up = barHeight
    let down = hasNegative ? barHeight : 0
    let width = "width:\(side)px;min-width:\(side)px;max-width:\(side)px;padding:0;text-align:center"
    var html = "<table class=\"cnnlab-bars\" style=\"border-collapse:collapse;table-layout:fixed;"
    html += "font-family:monospace;font-size:\(HTMLTable.fontSize)px;line-height:1;text-align:center;margin:0\"><tr style=\"\(HTMLTable.plainRow)\">"
    for v in values {
      let share = largest > 0 && v.isFinite ? Double(abs(v) / largest) : 0
      let length = Int((share * Double(barHeight)).rounded())
      let color = v < 0 ? "#d6604d" : "#4393c3"
      html += "<td style=\"\(width);height:\(up + down)px;vertical-align:top;border:none\">"
      html += "<div style=\"height:\(up)px;display:flex;align-items:flex-end;justify-content:center;"
      html += "border-bottom:1px solid #999\">"
      if v > 0 { html += "<div style=\"width:70%;height:\(length)px;background:\(color)\"></div>" }
      html += "</div>"
      if down > 0 {
        html += "<div style=\"height:\(down)px;display:flex;align-items:flex-start;justify-content:center\">"
        if v < 0 { html += "<div style=\"width:70%;height:\(length)px;background:\(color)\"></div>" }
        html += "</div>"
      }
      html += "</td>"
    }
    html += "</tr><tr style=\"\(HTMLTable.plainRow)\">"
    for text in texts {
      html += "<td class=\"cnnlab-value\" style=\"\(width);height:\(side)px;border:none\">\(text)</td>"
    }
    html += "</tr><tr style=\"\(HTMLTable.plainRow)\">"
    for i in values.indices { html += "<td style=\"\(width);color:#888;border:none\">\(i)</td>" }
    return html + "</tr></table>"
  }

  /// Labelled horizontal bars, one per class, with the probability as a percentage. `labels`
  /// name the classes (their index when nil or too short). More than `maxClasses` classes show
  /// the `shownTopClasses` most likely, and say so.
  public static func probabilities(_ values: [Float], labels: [String]? = nil) -> String {
    var order = Array(values.indices)
    var note: String?
    if values.count > maxClasses {
      order.sort { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
      order = Array(order.prefix(shownTopClasses))
      note = "the \(shownTopClasses) most likely of \(values.count) classes"
    }
    func label(_ i: Int) -> String {
      if let labels, i < labels.count { return labels[i] }
      return String(i)
    }
    let best = values.indices.max { values[$0] < values[$1] }
    var html = "<table class=\"cnnlab-probabilities\" style=\"border-collapse:collapse;"
    html += "font-family:sans-serif;font-size:13px;line-height:1.2;margin:0\">"
    for i in order {
      let percent = Double(values[i]) * 100
      let weight = i == best ? "font-weight:bold;" : ""
      html += "<tr style=\"\(HTMLTable.plainRow)\"><th style=\"text-align:right;padding:1px 8px 1px 0;font-weight:normal;\(weight)border:none\">"
      html += HTMLTable.escape(label(i)) + "</th>"
      html += "<td style=\"width:240px;padding:1px 0;border:none\"><div style=\"background:#eee;width:240px;height:14px\">"
      html += "<div style=\"background:#4393c3;height:14px;width:\(NumberText.fixed(percent * 2.4, decimals: 1))px\"></div></div></td>"
      html += "<td style=\"text-align:right;padding:1px 0 1px 8px;font-family:monospace;\(weight)border:none\">"
      html += NumberText.fixed(percent, decimals: 1) + "%</td></tr>"
    }
    html += "</table>"
    if let note { html += "<div style=\"color:#666;font-size:12px\">\(note)</div>" }
    return html
  }
}
