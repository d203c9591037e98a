/// The gradients of a convolution or Dense layer's loss with respect to its input (nil when
/// not asked for), its weights (kernel or matrix, in their own shape) and its bias (nil
/// without one).
public struct ConvGradients: Sendable {
  public var input: Tensor?
  public var kernel: Tensor
  public var bias: Tensor?

  public init(input: Tensor?, kernel: Tensor, bias: Tensor?) {
    self.input = input
    self.kernel = kernel
    self.bias = bias
  }
}

extension Ops {
  /// The backward pass of `conv2d`: given `outputGradient`, the loss's gradient with respect
  /// to the convolution's output before its activation (the caller applies the activation's
  /// backward first), returns the gradients with respect to the input, the kernel and the
  /// bias. Every stride, padding, dilation and grouping the forward pass takes is taken here.
  ///
  /// - The kernel's gradient, `Σ patchesᵀ · dY`, runs through OpenBLAS on im2col panels,
  ///   each thread summing its own share of the pixels (`Im2colBackward`).
  /// - The input's gradient of a stride-1 layer is itself a stride-1 convolution of `dY`
  ///   with the kernel flipped and transposed, so it runs on the forward pass's own paths
  ///   (Winograd, direct or im2col, as `ConvPlan` chooses); strided layers scatter
  ///   `dY · Wᵀ` back through the windows instead (col2im). `needsInputGradient: false`
  ///   skips it: a network's first layer needs none, and it is a third of the work.
  // input (N, H, W, C), kernel (kh, kw, C / groups, F), outputGradient (N, OH, OW, F)
  //   → input (N, H, W, C), kernel (kh, kw, C / groups, F), bias (F)
  public static func conv2dBackward(
    _ input: Tensor, kernel: Tensor, outputGradient: Tensor, strides: Size2 = 1, padding: Padding = .valid,
    dilation: Size2 = 1, groups: Int = 1, hasBias: Bool, needsInputGradient: Bool = true,
    cancellation: CancellationFlag? = nil
  ) throws -> ConvGradients {
    let p = try ConvProblem(
      operation: "conv2d", input: input.shape, kernel: kernel.shape, bias: nil, strides: strides, padding: padding,
      dilation: dilation, groups: groups)
    guard outputGradient.shape == p.outputShape else {
      throw TensorError.shapeMismatch(operation: "conv2d backward", lhs: p.outputShape, rhs: outputGradient.shape)
    }
    return try convolveBackward(
      p, input, kernel: kernel, outputGradient: outputGradient, hasBias: hasBias,
      needsInputGradient: needsInputGradient, cancellation: cancellation, operation: "conv2d backward")
  }

  /// The backward pass of `conv1d`, as `conv2dBackward` on a single row.
  // input (N, L, C), kernel (k, C / groups, F), outputGradient (N, OL, F)
  //   → input (N, L, C), kernel (k, C / groups, F), bias (F)
  public static func conv1dBackward(
    _ input: Tensor, kernel: Tensor, outputGradient: Tensor, stride: Int = 1, padding: Padding = .valid,
    dilation: Int = 1, groups: Int = 1, hasBias: Bool, needsInputGradient: Bool = true,
    cancellation: CancellationFlag? = nil
  ) throws -> ConvGradients {
    let (p, image, filter) = try sequenceProblem(
      input.shape, kernel: kernel.shape, bias: nil, stride: stride, padding: padding, dilation: dilation,
      groups: groups)
    guard outputGradient.count == p.pixels * p.filters, outputGradient.rank == input.rank else {
      var expected = p.outputShape
      expected.remove(at: input.rank == 3 ? 1 : 0)
      throw TensorError.shapeMismatch(operation: "conv1d backward", lhs: expected, rhs: outputGradient.shape)
    }
    var gradients = try convolveBackward(
      p, Tensor(shape: image, values: input.values), kernel: Tensor(shape: filter, values: kernel.values),
      outputGradient: Tensor(shape: p.outputShape, values: outputGradient.values), hasBias: hasBias,
      needsInputGradient: needsInputGradient, cancellation: cancellation, operation: "conv1d backward")
    gradients.input = gradients.input.map { Tensor(shape: input.shape, values: $0.values) }
    gradients.kernel = Tensor(shape: kernel.shape, values: gradients.kernel.values)
    return gradients
  }

  static func convolveBackward(
    _ p: ConvProblem, _ input: Tensor, kernel: Tensor, outputGradient: Tensor, hasBias: Bool,
    needsInputGradient: Bool, cancellation: CancellationFlag?, operation: String
  ) throws -> ConvGradients {
    let flipped = needsInputGradient ? FlippedConvolution(problem: p) : nil
    let scatter = needsInputGradient && flipped == nil
    let backward = Im2colBackward(problem: p, scattersInput: scatter)
    var inputGradient: Tensor? = nil
    if scatter {
      inputGradient = try Tensor.make(operation: operation, shape: input.shape) { $0.update(repeating: 0, count: input.count) }
    }
    let kernelGradient = try Tensor.make(operation: operation, shape: kernel.shape, workspaceBytes: backward.workspaceBytes) {
      dw in
      dw.update(repeating: 0, count: kernel.count)
      try input.values.withUnsafeBufferPointer { x in
        try kernel.values.withUnsafeBufferPointer { w in
          try outputGradient.values.withUnsafeBufferPointer { dy in
            guard let x = x.baseAddress, let w = w.baseAddress, let dy = dy.baseAddress else { return }
            if scatter {
              inputGradient!.values.withUnsafeMutableBufferPointer { dx in
                backward.run(
                  x: SharedPointer(x), w: SharedPointer(w), dy: SharedPointer(dy), dw: SharedPointer(dw),
                  dx: SharedPointer(dx.baseAddress!), cancellation: cancellation)
              }
            } else {
              backward.run(
                x: SharedPointer(x), w: SharedPointer(w), dy: SharedPointer(dy), dw: SharedPointer(dw), dx: nil,
                cancellation: cancellation)
            }
            if cancellation?.isCancelled == true { throw TensorError.cancelled }
          }
        }
      }
    }
    if let flipped {
      inputGradient = try flipped.inputGradient(
        outputGradient, kernel: kernel, inputShape: input.shape, cancellation: cancellation, operation: operation)
    }
    let biasGradient = hasBias ? try biasGradient(outputGradient, rows: p.pixels, filters: p.filters, operation: operation) : nil
    return ConvGradients(input: inputGradient, kernel: kernelGradient, bias: biasGradient)
  }

  /// `Σ dY` over every row (pixel or sample): the bias's gradient, `(filters)`. Blocks of
  /// about 64 rows are summed in float and the blocks in Double, since a VGG layer adds up
  /// hundreds of thousands of rows. The rows are read as a flat run of chunks of
  /// `lcm(filters, 8)` values, eight lanes at a time, so that a layer of 6 or 10 filters
  /// still sums whole vectors; each lane of a chunk belongs to filter `lane % filters`.
  static func biasGradient(_ outputGradient: Tensor, rows: Int, filters: Int, operation: String) throws -> Tensor {
    try Tensor.make(operation: operation, shape: [filters]) { db in
      var sums = [Double](repeating: 0, count: filters)
      let chunk = filters * (8 / gcd(filters, 8))
      let rowsPerChunk = chunk / filters
      let chunksPerBlock = max(1, 64 / rowsPerChunk)
      let chunks = rows / rowsPerChunk
      var block = [Float](repeating: 0, count: chunk)
      outputGradient.values.withUnsafeBufferPointer { dy in
        guard let base = dy.baseAddress else { return }
        block.withUnsafeMutableBufferPointer { block in
          for first in stride(from: 0, to: chunks, by: chunksPerBlock) {
            zeroFloats(block.baseAddress!, chunk)
            for c in first..<min(first + chunksPerBlock, chunks) {
              addFloats(block.baseAddress!, base + c * chunk, chunk)
            }
            for i in 0..<chunk { sums[i % filters] += Double(block[i]) }
          }
          // The rows after the last whole chunk.
          for r in chunks * rowsPerChunk..<rows {
            for f in 0..<filters { sums[f] += Double(base[r * filters + f]) }
          }
        }
      }
      for f in 0..<filters { db[f] = Float(sums[f]) }
    }
  }
}

/// The greatest common divisor of two positive numbers.
private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
