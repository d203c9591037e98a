/// The textbook loops, kept forever as the oracle the fast kernels are tested against.
/// They share only argument checking and `WindowGeometry` with the fast path; the arithmetic
/// is written out directly, in Double (`ConvReference.swift`, `DenseReference.swift`,
/// `PoolReference.swift`), so a bug in tiling or im2col cannot hide in both. The float
/// versions here convert, call the Double loops and round once.
public enum Reference {
  /// Cross-correlation, exactly as `Ops.conv2d` defines it, one output value at a time.
  // input (N, H, W, C), kernel (kh, kw, C / groups, C_out) → output (N, OH, OW, C_out)
  public static func conv2d(
    _ input: Tensor, kernel: Tensor, bias: Tensor? = nil, strides: Size2 = 1, padding: Padding = .valid,
    dilation: Size2 = 1, groups: Int = 1, activation: Activation = .linear
  ) throws -> Tensor {
    var out = try conv2d(
      DoubleTensor(input), kernel: DoubleTensor(kernel), bias: bias.map(DoubleTensor.init), strides: strides,
      padding: padding, dilation: dilation, groups: groups
    ).float
    activation.apply(&out.values, count: out.count)
    return out
  }

  /// `x · W + b` one output at a time.
  // input (..., inputs), weights (inputs, units) → output (..., units)
  public static func dense(_ input: Tensor, weights: Tensor, bias: Tensor? = nil) throws -> Tensor {
    try dense(DoubleTensor(input), weights: DoubleTensor(weights), bias: bias.map(DoubleTensor.init)).float
  }
}
