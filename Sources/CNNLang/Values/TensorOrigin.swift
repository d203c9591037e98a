import TensorEngine

/// Where a tensor came from, kept beside it. A convolution or pooling result remembers how it
/// was computed, so that `explain(y, at=(r, c))` can show the window, the filter, the products,
/// the sum, the bias and the activation behind any value. Pixels of a picture remember that
/// they are pixels, so that they are drawn on the scale a learner expects of a picture rather
/// than stretched over their own range. Made by the `conv2d`/pooling built-ins and layers, and by
/// `image()`, `digits()` and `load_idx()`; arithmetic drops it (see `PixelScale` for the few
/// operations that keep pixels pixels).
public indirect enum TensorOrigin: Sendable {
  /// A 2-D convolution (cross-correlation): `kernel` is `(kh, kw)` or `(kh, kw, C_in/groups, C_out)`.
  case convolution(
    input: Tensor, kernel: Tensor, bias: Tensor?, strides: Size2, padding: Padding, dilation: Size2,
    groups: Int, activation: Activation, layerName: String?)
  /// A max, average or min pooling window.
  case pooling(input: Tensor, kind: PoolKind, poolSize: Size2, strides: Size2, padding: Padding, layerName: String?)
  /// Pixel data of a photo, a digit or a data set, on the scale it was read or rescaled to.
  case pixels(PixelScale)

  /// The pixel scale of a tensor's origin, if it is pixel data.
  public var pixelScale: PixelScale? {
    if case .pixels(let scale) = self { return scale }
    return nil
  }
}
