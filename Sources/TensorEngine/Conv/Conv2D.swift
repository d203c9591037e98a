import Synchronization

/// Knobs of the convolution's tiling, public so that benchmarks and tests can move them.
public enum ConvolutionTuning {
  private static let block = Atomic<Int>(256 << 10)

  /// Target size in bytes of what a block of pixels keeps in one core's L2 on the direct
  /// path (its outputs and one depth block of its inputs), and of a batch of unfolded
  /// border windows. Small values make many small blocks, which tests use to reach their edges.
  public static var blockBytes: Int {
    get { block.load(ordering: .relaxed) }
    set { block.store(max(1024, newValue), ordering: .relaxed) }
  }
}

extension ConvolutionTuning {
  /// Bytes the convolution keeps between calls: weights packed for the direct kernel, with
  /// the original weights they were packed from (at most 16 MiB in 32 entries, least recently
  /// used first out).
  public static var cachedWeightBytes: Int { PackedWeightsCache.heldBytes }

  /// Kernels whose packed weights are kept now, in all (at most 32).
  public static var cachedWeightEntryCount: Int { PackedWeightsCache.heldEntries }

  /// Packed copies kept for the versioned weights of `owner`: 0 or 1.
  public static func cachedWeightEntries(owner: UInt64) -> Int { PackedWeightsCache.entries(owner: owner) }
}

extension Ops {
  /// 2-D cross-correlation (what deep learning calls convolution), channels-last.
  /// A `(kh, kw)` kernel on an `(H, W)` image gives an `(OH, OW)` map; a full kernel is
  /// Keras's `(kh, kw, C_in / groups, C_out)`. Runs on the engine's direct kernel, or on
  /// im2col + SGEMM for weight-heavy layers (see `ConvPlan`), adding the bias and applying
  /// `activation` while each tile is in registers or cache.
  ///
  /// `weightsVersion` names weights that an optimizer updates (see `WeightsVersion`): their
  /// packed copy is then kept once per owner and replaced when the version changes. Without
  /// it the packed copy is found by the weights' storage.
  // input (N, H, W, C), kernel (kh, kw, C / groups, C_out), bias (C_out) → output (N, OH, OW, C_out)
  public static func conv2d(
    _ input: Tensor, kernel: Tensor, bias: Tensor? = nil, strides: Size2 = 1, padding: Padding = .valid,
    dilation: Size2 = 1, groups: Int = 1, activation: Activation = .linear,
    cancellation: CancellationFlag? = nil, weightsVersion: WeightsVersion? = nil
  ) throws -> Tensor {
    let p = try ConvProblem(
      operation: "conv2d", input: input.shape, kernel: kernel.shape, bias: bias?.shape, strides: strides,
      padding: padding, dilation: dilation, groups: groups)
    return try convolve(
      p, input, kernel: kernel, bias: bias, activation: activation, cancellation: cancellation,
      identity: weightsVersion.map(WeightsIdentity.versioned) ?? .storage)
  }

  static func convolve(
    _ p: ConvProblem, _ input: Tensor, kernel: Tensor, bias: Tensor?, activation: Activation,
    cancellation: CancellationFlag?, operation: String = "conv2d", identity: WeightsIdentity = .storage
  ) throws -> Tensor {
    let plan = ConvPlan(problem: p)
    if case .winograd(let winograd) = plan {
      return try convolveWinograd(
        p, plan: winograd, input, kernel: kernel, bias: bias, activation: activation, cancellation: cancellation,
        operation: operation)
    }
    return try Tensor.make(operation: operation, shape: p.outputShape, workspaceBytes: plan.workspaceBytes) { out in
      try input.values.withUnsafeBufferPointer { x in
        try kernel.values.withUnsafeBufferPointer { w in
          try (bias?.values ?? []).withUnsafeBufferPointer { b in
            let biases = bias == nil ? nil : b.baseAddress
            guard let source = x.baseAddress, let weights = w.baseAddress else {
              // No input channels: every output is the bias alone.
              out.update(repeating: 0, count: p.pixels * p.filters)
              epilogue(out, rows: p.pixels, filters: p.filters, bias: biases, activation: activation)
              return
            }
            let (x, w, b, y) = (SharedPointer(source), SharedPointer(weights), biases.map(SharedPointer.init), SharedPointer(out))
            switch plan {
            case .direct(let direct, let padded):
              let packed = PackedWeightsCache.packed(
                kernel: kernel.values, bias: bias?.values, layout: direct.packingLayout, floats: direct.packedFloats,
                identity: identity
              ) { target in
                direct.packWeights(w: w, bias: b, into: target)
              }
              withExtendedLifetime(packed) {
                guard let padded else {
                  direct.run(
                    x: x, packed: SharedPointer(packed.base), out: y, activation: activation, cancellation: cancellation)
                  return
                }
                withWorkspace(padded.floats) { image in
                  padded.copy(x, into: image)
                  direct.run(
                    x: image, packed: SharedPointer(packed.base), out: y, activation: activation,
                    cancellation: cancellation)
                }
              }
            case .im2col(let im2col):
              im2col.run(x: x, w: w, bias: b, out: y, activation: activation, cancellation: cancellation)
            case .winograd:
              preconditionFailure("Winograd layers return above")
            }
            if cancellation?.isCancelled == true { throw TensorError.cancelled }
          }
        }
      }
    }
  }
}
