import CNNLang
import FeatureMapRender
import JupyterKernel
import JupyterProtocol
import TensorEngine

/// A tensor's MIME bundle: its text (shape and values), a picture for anything image-like
/// (feature maps as a grid of tiles, colour images as one picture, kernels as filters), and a
/// value table for a small 2-D tensor. A picture that cannot be drawn is simply left out: the
/// text is always there.
struct TensorDisplay {
  let options: DisplayOptions

  func bundle(for tensor: Tensor, text: String) -> MimeBundle {
    var bundle = MimeBundle.plain(options.title.map { $0 + "\n" + text } ?? text)
    // A title the picture's bitmap font cannot letter (Korean, say) becomes an HTML caption.
    var render = options.render
    let caption = options.title.flatMap { FeatureMapRenderer.canLetter($0) ? nil : $0 }
    if caption != nil { render.title = nil }
    let table = table(of: tensor)
    if options.picture, let image = picture(of: tensor, render: render) {
      bundle.data["image/png"] = .string(image.base64)
      bundle.metadata["image/png"] = .object(["width": .number(Double(image.width)), "height": .number(Double(image.height))])
      if let caption, table == nil {
        bundle.data["text/html"] = .string(HTMLTable.figure(png: image.png, width: image.width, height: image.height, caption: caption))
      }
    }
    if let table { bundle.data["text/html"] = .string(table) }
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
  func table(of tensor: Tensor) -> String? {
    guard options.table != false, tensor.rank == 2, tensor.shape.allSatisfy({ $0 >= 1 && $0 <= HTMLTable.maxSide }) else {
      return nil
    }
    guard let html = try? HTMLTable.render(tensor, colormap: options.render.colormap, scale: options.render.scale) else {
      return nil
    }
    guard let title = options.title else { return html }
    return "<div class=\"cnnlab-titled\"><div style=\"font-family:monospace;font-weight:bold;margin-bottom:2px\">"
      + HTMLTable.escape(title) + "</div>" + html + "</div>"
  }
}
