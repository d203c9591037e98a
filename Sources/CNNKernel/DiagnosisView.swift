import CNNLang
import FeatureMapRender
import JupyterKernel
import TensorEngine
import TextAndTime

/// After training: the confusion matrix as a labelled heatmap with its counts, and the
/// gallery of mistakes as captioned pictures. HTML, because the class names may be in any
/// script; the text form stays for front ends without HTML.
enum DiagnosisView {
  static func bundle(_ matrix: ConfusionMatrix, text: String) -> MimeBundle {
    var bundle = MimeBundle.plain(text)
    let n = matrix.classNames.count
    var html = "<table style=\"border-collapse:collapse;font:13px/1.2 sans-serif\"><tr><th style=\"padding:4px;text-align:right\">true ↓ / predicted →</th>"
    for name in matrix.classNames {
      html += "<th style=\"padding:4px;max-width:64px;font-weight:normal\">\(HTMLTable.escape(name))</th>"
    }
    html += "</tr>"
    for i in 0..<n {
      let rowTotal = max(1, (0..<n).reduce(Float(0)) { $0 + matrix.counts.values[i * n + $1] })
      html += "<tr><th style=\"padding:4px;text-align:right;font-weight:normal\">\(HTMLTable.escape(matrix.classNames[i]))</th>"
      for j in 0..<n {
        let count = matrix.counts.values[i * n + j]
        // Shade by the share of the row: the diagonal is the right answers, blue; mistakes red.
        let share = Double(count / rowTotal)
        let alpha = count == 0 ? 0 : 0.12 + 0.88 * share
        let color = i == j ? "31,119,180" : "214,39,40"
        let ink = alpha > 0.55 ? "#fff" : "#222"
        html += "<td style=\"width:44px;height:30px;text-align:center;background:rgba(\(color),\(printfFormat("%.3f", alpha)));color:\(ink);border:1px solid #ddd\">\(Int(count))</td>"
      }
      html += "</tr>"
    }
    bundle.data["text/html"] = .string(html + "</table>")
    return bundle
  }

  static func bundle(_ gallery: Gallery) -> MimeBundle {
    var bundle = MimeBundle.plain(([gallery.title] + gallery.captions).joined(separator: "\n"))
    var html = "<div style=\"font:13px sans-serif\"><div style=\"font-weight:bold;margin-bottom:6px\">\(HTMLTable.escape(gallery.title))</div>"
      + "<div style=\"display:flex;flex-wrap:wrap;gap:10px\">"
    var options = RenderOptions()
    options.legend = false
    options.tileLabels = false
    for (image, caption) in zip(gallery.images, gallery.captions) {
      guard let picture = try? FeatureMapRenderer.renderPNG(image, options: options) else { continue }
      html += "<figure style=\"margin:0;text-align:center;width:\(max(picture.width, 96))px\">"
        + "<img width=\"\(picture.width)\" height=\"\(picture.height)\" src=\"data:image/png;base64,\(picture.base64)\">"
        + "<figcaption>\(HTMLTable.escape(caption))</figcaption></figure>"
    }
    bundle.data["text/html"] = .string(html + "</div></div>")
    return bundle
  }
}
