/// The textbook loops, kept forever as the oracle the fast kernels are tested against.
/// They share only argument checking and `WindowGeometry` with the fast path; the arithmetic
/// is written out directly (and accumulated in Double) so a bug in tiling or im2col cannot
/// hide in both.
public enum Reference {
  /// Cross-correlation, exactly as `Ops.conv2d` defines it, one output value at a time.
  // input (N, H, W, C), kernel (kh, kw, C / groups, C_out) → output (N, OH, OW, C_out)
  public static func conv2d(
    _ input: Tensor, kernel: Tensor, bias: Tensor? = nil, strides: Size2 = 1, padding: Padding = .valid,
    dilation: Size2 = 1, groups: Int = 1, activation: Activation = .linear
  ) throws -> Tensor {
    let p = try ConvProblem(
      operation: "conv2d", input: input.shape, kernel: kernel.shape, bias: bias?.shape, strides: strides,
      padding: padding, dilation: dilation, groups: groups)
    let x = input.values
    let w = kernel.values
    var out = [Float](repeating: 0, count: Tensor.count(of: p.outputShape))
    for n in 0..<p.batch {
      for oh in 0..<p.outHeight {
        for ow in 0..<p.outWidth {
          for co in 0..<p.filters {
            let group = co / p.groupFilters
            var total = 0.0
            for i in 0..<p.kernelHeight {
              let ih = oh * p.strideH - p.padTop + i * p.dilationH
              if ih < 0 || ih >= p.height { continue }
              for j in 0..<p.kernelWidth {
                let iw = ow * p.strideW - p.padLeft + j * p.dilationW
                if iw < 0 || iw >= p.width { continue }
                for c in 0..<p.groupChannels {
                  let xv = x[((n * p.height + ih) * p.width + iw) * p.channels + group * p.groupChannels + c]
                  let wv = w[((i * p.kernelWidth + j) * p.groupChannels + c) * p.filters + co]
                  total += Double(xv) * Double(wv)
                }
              }
            }
            if let bias { total += Double(bias.values[co]) }
            out[((n * p.outHeight + oh) * p.outWidth + ow) * p.filters + co] = Float(total)
          }
        }
      }
    }
    activation.apply(&out, count: out.count)
    return Tensor(shape: p.outputShape, values: out)
  }

  /// `x · W + b` one output at a time.
  // input (..., inputs), weights (inputs, units) → output (..., units)
  public static func dense(_ input: Tensor, weights: Tensor, bias: Tensor? = nil) throws -> Tensor {
    guard weights.rank == 2, let inputs = input.shape.last, inputs == weights.shape[0] else {
      throw TensorError.shapeMismatch(operation: "dense", lhs: input.shape, rhs: weights.shape)
    }
    let units = weights.shape[1]
    let rows = input.count / max(inputs, 1)
    var out = [Float](repeating: 0, count: rows * units)
    for r in 0..<rows {
      for u in 0..<units {
        var total = Double(bias?.values[u] ?? 0)
        for k in 0..<inputs { total += Double(input.values[r * inputs + k]) * Double(weights.values[k * units + u]) }
        out[r * units + u] = Float(total)
      }
    }
    return Tensor(shape: Array(input.shape.dropLast()) + [units], values: out)
  }
}
