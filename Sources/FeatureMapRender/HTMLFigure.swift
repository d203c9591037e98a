/// A value as HTML: its title as a header on top, then its picture and its numbers side by
/// side (wrapping under each other when the output area is narrow). The picture is the PNG
/// inline, so front ends that prefer `text/html` (JupyterLab, nbconvert, voila) show the same
/// picture as those that take `image/png`. The title is the browser's text, so any script
/// reads in it.
public enum HTMLFigure {
  /// `<img>` of a rendered picture at its pixel size.
  public static func image(_ picture: RenderedImage, alt: String) -> String {
    "<img class=\"cnnlab-picture\" src=\"data:image/png;base64,\(picture.base64)\" width=\"\(picture.width)\""
      + " height=\"\(picture.height)\" style=\"image-rendering:pixelated;max-width:none;margin:0\""
      + " alt=\"\(HTMLTable.escape(alt))\"/>"
  }

  /// The parts (pictures, tables, charts: HTML each) under an optional title.
  public static func compose(title: String?, parts: [String]) -> String {
    var html = "<div class=\"cnnlab-figure\" style=\"display:inline-block;margin:0\">"
    if let title {
      html += "<div class=\"cnnlab-title\" style=\"font-family:sans-serif;font-weight:bold;font-size:14px;"
      html += "margin:0 0 6px 0\">\(HTMLTable.escape(title))</div>"
    }
    html += "<div class=\"cnnlab-parts\" style=\"display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start\">"
    for part in parts { html += "<div class=\"cnnlab-part\">" + part + "</div>" }
    return html + "</div></div>"
  }
}
