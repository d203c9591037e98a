/// The gradients of a reference backward pass, in Double: with respect to the input, the
/// weights (kernel or Dense matrix) and the bias.
public struct ReferenceGradients: Sendable, Equatable {
  public var input: DoubleTensor
  public var weights: DoubleTensor
  public var bias: DoubleTensor?
}

extension Reference {
  /// Cross-correlation in Double, one output value at a time: the definition the fast
  /// convolution and its backward pass are checked against.
  // input (N, H, W, C), kernel (kh, kw, C / groups, C_out) → output (N, OH, OW, C_out)
  public static func conv2d(
    _ input: DoubleTensor, kernel: DoubleTensor, bias: DoubleTensor? = nil, strides: Size2 = 1,
    padding: Padding = .valid, dilation: Size2 = 1, groups: Int = 1
  ) throws -> DoubleTensor {
    let p = try ConvProblem(
      operation: "conv2d", input: input.shape, kernel: kernel.shape, bias: bias?.shape, strides: strides,
      padding: padding, dilation: dilation, groups: groups)
    let x = input.values
    let w = kernel.values
    var out = [Double](repeating: 0, count: Tensor.count(of: p.outputShape))
    if let bias {
      for o in out.indices { out[o] = bias.values[o % p.filters] }
    }
    forEachProduct(p) { o, xi, wi in out[o] += x[xi] * w[wi] }
    return DoubleTensor(shape: p.outputShape, values: out)
  }

  /// The backward pass of `conv2d`, on the forward's own walk with each product's two
  /// factors receiving the output gradient times the other: every input value and weight
  /// that met in the forward pass meet again here, so the sums need no index arithmetic of
  /// their own.
  // input (N, H, W, C), kernel (kh, kw, C / groups, F), outputGradient (N, OH, OW, F)
  //   → input (N, H, W, C), weights (kh, kw, C / groups, F), bias (F)
  public static func conv2dBackward(
    _ input: DoubleTensor, kernel: DoubleTensor, outputGradient: DoubleTensor, strides: Size2 = 1,
    padding: Padding = .valid, dilation: Size2 = 1, groups: Int = 1, hasBias: Bool = true
  ) throws -> ReferenceGradients {
    let p = try ConvProblem(
      operation: "conv2d", input: input.shape, kernel: kernel.shape, bias: nil, strides: strides,
      padding: padding, dilation: dilation, groups: groups)
    guard outputGradient.shape == p.outputShape else {
      throw TensorError.shapeMismatch(operation: "conv2d backward", lhs: p.outputShape, rhs: outputGradient.shape)
    }
    let x = input.values
    let w = kernel.values
    let dy = outputGradient.values
    var dx = [Double](repeating: 0, count: x.count)
    var dw = [Double](repeating: 0, count: w.count)
    var db = [Double](repeating: 0, count: p.filters)
    for o in dy.indices { db[o % p.filters] += dy[o] }
    forEachProduct(p) { o, xi, wi in
      dx[xi] += dy[o] * w[wi]
      dw[wi] += dy[o] * x[xi]
    }
    return ReferenceGradients(
      input: DoubleTensor(shape: input.shape, values: dx), weights: DoubleTensor(shape: kernel.shape, values: dw),
      bias: hasBias ? DoubleTensor(shape: [p.filters], values: db) : nil)
  }

  /// Every product the convolution sums, as the flat indices of its output, input value and
  /// weight, in the order of the output's layout and then the window's: the one walk the
  /// forward and backward references share, so both sum the same terms in the same order.
  private static func forEachProduct(_ p: ConvProblem, _ body: (_ output: Int, _ input: Int, _ weight: Int) -> Void) {
    for n in 0..<p.batch {
      for oh in 0..<p.outHeight {
        for ow in 0..<p.outWidth {
          for co in 0..<p.filters {
            let group = co / p.groupFilters
            let o = ((n * p.outHeight + oh) * p.outWidth + ow) * p.filters + co
            for i in 0..<p.kernelHeight {
              let ih = oh * p.strideH - p.padTop + i * p.dilationH
              if ih < 0 || ih >= p.height { continue }
              for j in 0..<p.kernelWidth {
                let iw = ow * p.strideW - p.padLeft + j * p.dilationW
                if iw < 0 || iw >= p.width { continue }
                for c in 0..<p.groupChannels {
                  body(
                    o, ((n * p.height + ih) * p.width + iw) * p.channels + group * p.groupChannels + c,
                    ((i * p.kernelWidth + j) * p.groupChannels + c) * p.filters + co)
                }
              }
            }
          }
        }
      }
    }
  }
}
