/// The input gradient of a stride-1 convolution as a convolution: `dX[h, w, c]` sums
/// `dY[h + padTop - i·d, w + padLeft - j·d, f] · W[i, j, c, f]`, which is a stride-1
/// cross-correlation of `dY` (padded by `span - 1 - pad` on each side) with the kernel
/// flipped in both spatial axes and its channel and filter axes swapped within each group.
/// It then runs on the forward pass's own paths: Winograd for VGG's 3x3 layers, the direct
/// kernel elsewhere. The flipped kernel lives for one call, so its packing is not cached.
struct FlippedConvolution: Sendable {
  /// The convolution that computes `dX`: input `dY` `(N, OH, OW, F)`, kernel
  /// `(kh, kw, F / groups, C)`, output `(N, H, W, C)`.
  var problem: ConvProblem
  var forward: ConvProblem

  /// Nil for strided layers, for padding wider than the window's span (whose outer cells no
  /// window reads, so the flipped padding would be negative), and where col2im does less work.
  init?(problem p: ConvProblem) {
    guard p.strideH == 1, p.strideW == 1 else { return nil }
    let spanH = (p.kernelHeight - 1) * p.dilationH + 1
    let spanW = (p.kernelWidth - 1) * p.dilationW + 1
    let padBottom = p.outHeight - 1 + spanH - p.height - p.padTop
    let padRight = p.outWidth - 1 + spanW - p.width - p.padLeft
    let rows = (before: spanH - 1 - p.padTop, after: spanH - 1 - padBottom)
    let columns = (before: spanW - 1 - p.padLeft, after: spanW - 1 - padRight)
    guard min(rows.before, rows.after, columns.before, columns.after) >= 0,
      let flipped = try? ConvProblem(
        operation: "conv2d backward", input: [p.batch, p.outHeight, p.outWidth, p.filters],
        kernel: [p.kernelHeight, p.kernelWidth, p.groupFilters, p.channels], bias: nil, strides: 1,
        padding: .explicit(before: columns.before, after: columns.after), dilation: Size2(p.dilationH, p.dilationW),
        groups: p.groups, rowPadding: .explicit(before: rows.before, after: rows.after)),
      flipped.outHeight == p.height, flipped.outWidth == p.width
    else { return nil }
    // Every input pixel's window over the padded dY costs a full patch, while col2im only
    // spends the forward pass's own products: for a `valid` layer on a small map (LeNet's
    // 14x14 -> 10x10) the flipped convolution would do twice the work. Winograd repays it.
    guard WinogradPlan(problem: flipped) != nil || 4 * p.height * p.width <= 5 * p.outHeight * p.outWidth else {
      return nil
    }
    (problem, forward) = (flipped, p)
  }

  func inputGradient(
    _ outputGradient: Tensor, kernel: Tensor, inputShape: [Int], cancellation: CancellationFlag?, operation: String
  ) throws -> Tensor {
    let p = forward
    let flippedKernel = try Tensor.make(operation: operation, shape: [p.kernelHeight, p.kernelWidth, p.groupFilters, p.channels]) {
      out in
      kernel.values.withUnsafeBufferPointer { w in
        let (kh, kw, cg, fg) = (p.kernelHeight, p.kernelWidth, p.groupChannels, p.groupFilters)
        for i in 0..<kh {
          for j in 0..<kw {
            let target = out + ((kh - 1 - i) * kw + (kw - 1 - j)) * fg * p.channels
            let source = w.baseAddress! + (i * kw + j) * cg * p.filters
            for group in 0..<p.groups {
              for c in 0..<cg {
                for f in 0..<fg {
                  target[f * p.channels + group * cg + c] = source[c * p.filters + group * fg + f]
                }
              }
            }
          }
        }
      }
    }
    let result = try Ops.convolve(
      problem, Tensor(shape: [p.batch, p.outHeight, p.outWidth, p.filters], values: outputGradient.values),
      kernel: flippedKernel, bias: nil, activation: .linear,
      cancellation: cancellation, operation: operation, identity: .transient)
    return Tensor(shape: inputShape, values: result.values)
  }
}
