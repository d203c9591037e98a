/// Which of the three convolution paths runs a layer: the one place that chooses.
///
/// - `winograd` (`WinogradConv`): F(2x2, 3x3) for 3x3 stride-1 layers large enough to repay
///   the transforms (`WinogradPlan.eligible`, thresholds in `WinogradTuning`).
/// - `direct` (`DirectConvolution`): the engine's own register-tiled kernel, reading patches
///   in place from the input (border pixels from their unfolded windows) against weights
///   packed once per kernel and kept (`PackedWeightsCache`). Every layer whose weights are
///   used by enough pixels goes here. A small padded image is copied into its zero border
///   first (`PaddedInput`) when that moves fewer values than unfolding its border windows.
/// - `im2col` (`Im2colConvolution`): unfolded patches and OpenBLAS SGEMM, for layers with
///   more than 4 KiB of weights per output pixel (late 3x3 layers on 28x28 or smaller maps,
///   1x1-output heads, a single pixel), where the direct kernel would stream megabytes of
///   packed weights past each block of a few hundred pixels.
enum ConvPlan: Sendable {
  case winograd(WinogradPlan)
  case direct(DirectConvolution, PaddedInput?)
  case im2col(Im2colConvolution)

  /// Weight bytes per output pixel above which a layer takes the im2col path. Measured on
  /// two Zen 3 cores: the direct kernel wins clearly up to about 1.5 KiB per pixel (VGG's
  /// layers on 56x56 and larger maps), ties around 3 KiB (3x3x256x256 on 28x28, AlexNet's
  /// second layer) and loses from about 6 KiB (3x3x256x512 on 28x28, every 3x3 layer on
  /// 14x14 or smaller, 1x1-output heads).
  static let im2colBytesPerPixel = 4 << 10

  init(problem p: ConvProblem) {
    if let winograd = WinogradPlan(problem: p) {
      self = .winograd(winograd)
      return
    }
    let macs = p.multiplyAdds
    let threads = macs < Parallelism.serialMultiplyAdds ? 1 : Parallelism.threadCount
    let weightBytes = p.patchLength * p.filters * MemoryLayout<Float>.stride
    if weightBytes > Self.im2colBytesPerPixel * p.pixels {
      self = .im2col(Im2colConvolution(problem: p))
    } else {
      let padded = PaddedInput(problem: p)
      self = .direct(DirectConvolution(problem: padded?.problem ?? p, threads: threads), padded)
    }
  }

  var workspaceBytes: Int {
    switch self {
    case .direct(let direct, let padded): direct.workspaceBytes + (padded?.floats ?? 0) * MemoryLayout<Float>.stride
    case .im2col(let im2col): im2col.workspaceBytes
    case .winograd(let winograd): winograd.workspaceBytes
    }
  }
}

/// The path a convolution takes, for tests and benchmarks that must know which one ran.
public enum ConvolutionPath: String, Sendable { case winograd, direct, im2col }

extension Ops {
  /// The path `Ops.conv2d` takes with these arguments (nil when they are not a valid problem).
  public static func convolutionPath(
    input: [Int], kernel: [Int], strides: Size2 = 1, padding: Padding = .valid, dilation: Size2 = 1, groups: Int = 1
  ) -> ConvolutionPath? {
    guard
      let p = try? ConvProblem(
        operation: "conv2d", input: input, kernel: kernel, bias: nil, strides: strides, padding: padding,
        dilation: dilation, groups: groups)
    else { return nil }
    switch ConvPlan(problem: p) {
    case .winograd: return .winograd
    case .direct: return .direct
    case .im2col: return .im2col
    }
  }
}
