import TensorEngine

/// How a tensor was computed, kept beside it so that `explain(y, at=(r, c))` can show the
/// window, the filter, the products, the sum, the bias and the activation behind any value.
/// Made by the `conv2d`/pooling built-ins and by `Conv2D`/pooling layers; lost by arithmetic.
public indirect enum TensorOrigin: Sendable {
  /// A 2-D convolution (cross-correlation): `kernel` is `(kh, kw)` or `(kh, kw, C_in/groups, C_out)`.
  case convolution(
    input: Tensor, kernel: Tensor, bias: Tensor?, strides: Size2, padding: Padding, dilation: Size2,
    groups: Int, activation: Activation, layerName: String?)
  /// A max, average or min pooling window.
  case pooling(input: Tensor, kind: PoolKind, poolSize: Size2, strides: Size2, padding: Padding, layerName: String?)
  /// A comparison (`pred == y`, `x > 0.5`) or another test of each value: numpy's bool array.
  /// The values are 0 and 1 and read as False and True; arithmetic turns them into numbers.
  case comparison

  var isBoolean: Bool {
    if case .comparison = self { return true }
    return false
  }
}
