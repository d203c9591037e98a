import CNNLang
import FeatureMapRender

/// A model summary as an HTML table for notebooks: Keras's columns plus MACs and the
/// arithmetic behind each count, numbers right-aligned, styles inline so the table reads the
/// same in JupyterLab, classic notebooks and exported HTML.
public enum SummaryDisplay {
  /// The summary of a `summary(...)` value or of a built model; nil for other values.
  public static func summary(of value: Value) -> ModelSummary? {
    switch value {
    case .summary(let s): return s
    case .model(let m): return m.summary
    default: return nil
    }
  }

  public static func html(_ summary: ModelSummary) -> String {
    let cell = "padding:2px 10px;border-bottom:1px solid #ddd;"
    let numeric = cell + "text-align:right;font-variant-numeric:tabular-nums;"
    var header = ["Layer (type)", "Output Shape", "Param #", "MACs", "Parameters from"]
    if summary.showsConnections { header.append("Connected to") }
    var html = "<table style=\"border-collapse:collapse;font-family:monospace;font-size:12px\">"
    html += "<caption style=\"text-align:left;font-weight:bold;padding:4px 0\">Model: \(HTMLTable.escape(summary.modelName))"
    html += " (\(HTMLTable.escape(summary.modelType)))</caption><thead><tr>"
    for (i, title) in header.enumerated() {
      let align = i == 2 || i == 3 ? "right" : "left"
      html += "<th style=\"\(cell)border-bottom:2px solid #333;text-align:\(align)\">\(title)</th>"
    }
    html += "</tr></thead><tbody>"
    for row in summary.rows {
      html += "<tr><td style=\"\(cell)\">\(HTMLTable.escape(row.name)) <span style=\"color:#666\">(\(HTMLTable.escape(row.type)))</span></td>"
      html += "<td style=\"\(cell)\">\(HTMLTable.escape(row.outputShape))</td>"
      html += "<td style=\"\(numeric)\">\(ModelSummary.grouped(row.parameters))</td>"
      html += "<td style=\"\(numeric)\">\(ModelSummary.grouped(row.macs))</td>"
      html += "<td style=\"\(cell)color:#555\">\(HTMLTable.escape(row.arithmetic))</td>"
      if summary.showsConnections { html += "<td style=\"\(cell)\">\(HTMLTable.escape(row.connectedTo.joined(separator: ", ")))</td>" }
      html += "</tr>"
    }
    let span = header.count - 2
    html += "</tbody><tfoot>"
    html += "<tr><td colspan=\"2\" style=\"\(cell)font-weight:bold\">Total params</td>"
    html += "<td style=\"\(numeric)font-weight:bold\">\(ModelSummary.grouped(summary.totalParameters))</td><td colspan=\"\(span)\"></td></tr>"
    html += "<tr><td colspan=\"3\" style=\"\(cell)font-weight:bold\">Total MACs per image</td>"
    html += "<td style=\"\(numeric)font-weight:bold\">\(ModelSummary.grouped(summary.totalMACs))</td><td colspan=\"\(span - 1)\"></td></tr>"
    return html + "</tfoot></table>"
  }
}
