extension Ops {
  /// 1-D cross-correlation over sequences, channels-last, run as a 2-D convolution on a
  /// single row. A `(k)` kernel on an `(L)` sequence gives an `(OL)` sequence; a full kernel
  /// is Keras's `(k, C_in / groups, C_out)`.
  // input (N, L, C), kernel (k, C / groups, C_out), bias (C_out) → output (N, OL, C_out)
  public static func conv1d(
    _ input: Tensor, kernel: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Padding = .valid,
    dilation: Int = 1, groups: Int = 1, activation: Activation = .linear,
    cancellation: CancellationFlag? = nil, weightsVersion: WeightsVersion? = nil
  ) throws -> Tensor {
    let (p, image, filter) = try sequenceProblem(
      input.shape, kernel: kernel.shape, bias: bias?.shape, stride: stride, padding: padding, dilation: dilation,
      groups: groups)
    let result = try convolve(
      p, Tensor(shape: image, values: input.values), kernel: Tensor(shape: filter, values: kernel.values),
      bias: bias, activation: activation, cancellation: cancellation, operation: "conv1d",
      identity: weightsVersion.map(WeightsIdentity.versioned) ?? .storage)
    // Drop the single row again.
    var shape = result.shape
    shape.remove(at: input.rank == 3 ? 1 : 0)
    return Tensor(shape: shape, values: result.values)
  }

  /// A 1-D convolution's arguments as the 2-D problem on one row, with the input and
  /// kernel shapes seen as images: `(N, L, C)` becomes `(N, 1, L, C)`, `(k, C, F)` `(1, k, C, F)`.
  static func sequenceProblem(
    _ input: [Int], kernel: [Int], bias: [Int]?, stride: Int, padding: Padding, dilation: Int, groups: Int
  ) throws -> (ConvProblem, image: [Int], filter: [Int]) {
    let image: [Int]
    switch input.count {
    case 1: image = [1, input[0]]
    case 2: image = [1, input[0], input[1]]
    case 3: image = [input[0], 1, input[1], input[2]]
    default:
      throw TensorError.invalidShape(operation: "conv1d", shape: input, expected: .sequence)
    }
    let filter: [Int]
    switch kernel.count {
    case 1: filter = [1, kernel[0]]
    case 3: filter = [1] + kernel
    default:
      throw TensorError.invalidShape(operation: "conv1d", shape: kernel, expected: .conv1DKernel)
    }
    let p = try ConvProblem(
      operation: "conv1d", input: image, kernel: filter, bias: bias, strides: Size2(1, stride),
      padding: padding, dilation: Size2(1, dilation), groups: groups, rowPadding: .valid)
    return (p, image, filter)
  }
}
