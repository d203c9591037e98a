import TensorEngine
import TextAndTime

// The plain-text twin of an explanation: the window, the filter, the products and the sum, in
// the grids a learner would write on paper. `·0` marks a padding zero.
extension Explanation {
  /// Numbers with at most four decimals, whole numbers without a fraction.
  public static func format(_ v: Float) -> String {
    guard v.isFinite else { return TensorText.number(v) }
    let rounded = (Double(v) * 10_000).rounded() / 10_000
    return NumberText.repr(rounded == 0 ? 0 : rounded)
  }

  /// `[0, 0]`, `[2, 3, 5]`.
  public var positionText: String { "[" + position.map(String.init).joined(separator: ", ") + "]" }

  /// `rows 0..2, columns 0..2`.
  public var windowText: String {
    func span(_ xs: [Int]) -> String {
      guard let first = xs.first, let last = xs.last else { return "" }
      let step = xs.count > 1 ? xs[1] - xs[0] : 1
      return step == 1 ? "\(first)..\(last)" : "\(first)..\(last) every \(step)"
    }
    return "rows \(span(rows)), columns \(span(columns))"
  }

  public var hasPadding: Bool { channels.contains { $0.window.padding.contains(true) } }

  /// What the output value is called: `conv2d output [0, 0]`, `filter 2 of 8`.
  public var heading: String {
    var text = "\(source) output \(positionText)"
    var details: [String] = []
    if let sample { details.append("sample \(sample)") }
    if let filter { details.append(operation == .convolution ? "filter \(filter) of \(filterCount)" : "channel \(filter)") }
    if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
    return text + " = " + Explanation.format(value)
  }

  public var text: String {
    var lines = [heading]
    let marker = hasPadding ? " (·0 marks padding\(operation == .convolution ? "" : ", never counted"))" : ""
    lines.append("input window, \(windowText)\(marker):")
    switch operation {
    case .convolution:
      for channel in channels {
        if let index = channel.channel { lines.append("channel \(index):") }
        if channel.channel == nil { lines.append(contentsOf: Explanation.grid(channel.window, marking: true)) } else {
          lines.append("  window:")
          lines.append(contentsOf: Explanation.grid(channel.window, marking: true).map { "  " + $0 })
        }
        if let weights = channel.weights, let products = channel.products {
          let indent = channel.channel == nil ? "" : "  "
          lines.append(indent + "filter:")
          lines.append(contentsOf: Explanation.grid(weights, marking: false).map { indent + $0 })
          lines.append(indent + "products (window × filter):")
          lines.append(contentsOf: Explanation.grid(products, marking: false).map { indent + $0 })
          lines.append(indent + "sum of products: " + Explanation.sumText(products.values, Explanation.format(channel.sum)))
        }
      }
      if hiddenChannels > 0 {
        lines.append("channels \(channels.count)..\(channels.count + hiddenChannels - 1) (not shown): sum of products \(Explanation.format(hiddenSum))")
      }
      if channels.count + hiddenChannels > 1 {
        let sums = channels.map(\.sum) + (hiddenChannels > 0 ? [hiddenSum] : [])
        lines.append("total over \(channels.count + hiddenChannels) channels: " + Explanation.sumText(sums, Explanation.format(total)))
      }
      if let bias { lines.append("+ bias \(Explanation.format(bias)) = \(Explanation.format(preActivation))") }
      if let activation { lines.append("\(activation)(\(Explanation.format(preActivation))) = \(Explanation.format(value))") }
    case .pooling(let kind):
      lines.append(contentsOf: Explanation.grid(channels[0].window, marking: true))
      let window = channels[0].window
      switch kind {
      case .max, .min:
        let word = kind == .max ? "largest" : "smallest"
        if let chosen {
          lines.append("\(word) value: \(Explanation.format(total)) at window row \(chosen / window.columns), column \(chosen % window.columns)")
        }
      case .average:
        let inside = window.values.indices.filter { !window.padding[$0] }.map { window.values[$0] }
        let terms = Explanation.termsText(inside) ?? "sum of \(counted) values"
        lines.append("average: (\(terms)) / \(counted) = " + Explanation.format(total))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `3 + 0 - 1 + ... = -5`; long sums give only the result.
  static func sumText(_ values: [Float], _ result: String) -> String {
    guard let terms = termsText(values) else { return result }
    return terms + " = " + result
  }

  /// `3 + 0 - 1 + 1`, or nil beyond 25 terms, where the terms say less than the total.
  static func termsText(_ values: [Float]) -> String? {
    guard values.count <= 25, let first = values.first else { return nil }
    var text = format(first)
    for v in values.dropFirst() {
      let shown = format(v)
      text += shown.hasPrefix("-") ? " - " + shown.dropFirst() : " + " + shown
    }
    return text
  }

  /// Rows of right-aligned numbers in brackets; padding cells read `·0`.
  static func grid(_ g: ExplanationGrid, marking: Bool) -> [String] {
    let texts = (0..<g.values.count).map { i in marking && g.padding[i] ? "·0" : format(g.values[i]) }
    let width = texts.map(\.count).max() ?? 1
    return (0..<g.rows).map { r in
      let cells = texts[(r * g.columns)..<((r + 1) * g.columns)].map { String(repeating: " ", count: width - $0.count) + $0 }
      return (r == 0 ? "[[" : " [") + cells.joined(separator: ", ") + (r == g.rows - 1 ? "]]" : "],")
    }
  }
}
