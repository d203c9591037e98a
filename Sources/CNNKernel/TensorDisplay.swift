import CNNLang
import FeatureMapRender
import JupyterKernel
import JupyterProtocol
import TensorEngine

/// A tensor's MIME bundle: its text (shape and values) always; a picture for anything
/// image-like (feature maps as a grid of tiles, colour images as one picture, kernels as
/// filters); and `text/html` that holds what a notebook should show, since JupyterLab,
/// nbconvert and voila all prefer it: the title on top, then the picture and, for a small 2-D
/// tensor, its value table side by side; for a vector its values with bars, or labelled bars
/// with percentages for probabilities. A picture that cannot be drawn is simply left out.
struct TensorDisplay {
  let options: DisplayOptions

  func bundle(for tensor: Tensor, pixels: PixelScale?, text: String) -> MimeBundle {
    var bundle = MimeBundle.plain(options.title.map { $0 + "\n" + text } ?? text)
    var render = options.render
    render.pixelRange = pixels.map { ValueRange(low: $0.bounds.lowerBound, high: $0.bounds.upperBound) }
    let title = options.title
    guard tensor.count > 0 else { return bundle }
    if tensor.rank == 1 || probabilities(of: tensor) != nil {
      return vectorBundle(bundle, tensor, render: render)
    }
    var parts: [String] = []
    // The HTML carries the title as its header, so its picture is drawn without one.
    var untitled = render
    untitled.title = nil
    let forHTML = options.picture ? picture(of: tensor, render: untitled) : nil
    if let forHTML {
      var forPNG = forHTML
      // Front ends that take the PNG alone get the title drawn on top, where the font has its letters.
      if let title, FeatureMapRenderer.canLetter(title), let titled = picture(of: tensor, render: render) {
        forPNG = titled
      }
      bundle.data["image/png"] = .string(forPNG.base64)
      bundle.metadata["image/png"] = .object([
        "width": .number(Double(forPNG.width)), "height": .number(Double(forPNG.height)),
      ])
      parts.append(HTMLFigure.image(forHTML, alt: title ?? "tensor of shape \(formatShape(tensor.shape))"))
    }
    if let table = table(of: tensor, render: render) { parts.append(table) }
    // A lone untitled picture needs no HTML: every front end shows the PNG.
    if !parts.isEmpty, title != nil || parts.count > 1 || forHTML == nil {
      bundle.data["text/html"] = .string(HTMLFigure.compose(title: title, parts: parts))
    }
    return bundle
  }

  /// Values of a `(n,)` or `(1, n)` tensor that are probabilities, else nil.
  private func probabilities(of tensor: Tensor) -> [Float]? {
    guard tensor.rank == 1 || (tensor.rank == 2 && tensor.shape[0] == 1) else { return nil }
    return BarChart.looksLikeProbabilities(tensor.values) ? tensor.values : nil
  }

  /// A vector: labelled bars with percentages for probabilities, columns of bars over the
  /// values up to `BarChart.maxColumns`, and beyond that its text and a strip picture.
  private func vectorBundle(_ plain: MimeBundle, _ tensor: Tensor, render: RenderOptions) -> MimeBundle {
    var bundle = plain
    var parts: [String] = []
    if let values = probabilities(of: tensor) {
      parts.append(BarChart.probabilities(values, labels: options.classNames))
    } else if tensor.count <= BarChart.maxColumns {
      parts.append(BarChart.columns(tensor.values))
    } else {
      parts.append("<pre style=\"margin:0\">" + HTMLTable.escape(Value.tensor(tensor).str) + "</pre>")
      var untitled = render
      untitled.title = nil
      if options.picture, let strip = picture(of: tensor, render: untitled) {
        bundle.data["image/png"] = .string(strip.base64)
        bundle.metadata["image/png"] = .object([
          "width": .number(Double(strip.width)), "height": .number(Double(strip.height)),
        ])
        parts.append(HTMLFigure.image(strip, alt: options.title ?? "tensor of shape \(formatShape(tensor.shape))"))
      }
    }
    bundle.data["text/html"] = .string(HTMLFigure.compose(title: options.title, parts: parts))
    return bundle
  }

  /// Kernels `(kh, kw, C_in, C_out)` look like batches `(N, H, W, C)`; a small square window
  /// in the first two axes is what tells them apart (a batch of 3 images of 3x3 is rare).
  static func looksLikeKernel(_ shape: [Int]) -> Bool {
    shape.count == 4 && shape[0] == shape[1] && shape[0] <= 11
  }

  func picture(of tensor: Tensor, render: RenderOptions) -> RenderedImage? {
    guard (1...4).contains(tensor.rank), tensor.count > 0 else { return nil }
    do {
      if options.filters ?? TensorDisplay.looksLikeKernel(tensor.shape), tensor.rank == 4 {
        return try FeatureMapRenderer.renderFilters(tensor, options: render)
      }
      return try FeatureMapRenderer.renderPNG(tensor, options: render)
    } catch {
      // Too large or an unusual shape: the text form stands alone.
      return nil
    }
  }

  /// A value table for a 2-D tensor of at most 32x32 (`HTMLTable.maxSide`).
  func table(of tensor: Tensor, render: RenderOptions) -> String? {
    guard options.table != false, tensor.rank == 2, tensor.shape.allSatisfy({ $0 >= 1 && $0 <= HTMLTable.maxSide }) else {
      return nil
    }
    return try? HTMLTable.render(
      tensor, colormap: render.colormap, scale: render.scale, pixelRange: render.pixelRange)
  }
}
