/// A convolution's arguments checked and resolved into sizes, shared by the fast path and
/// the reference so that both compute exactly the same problem. Input and output are viewed
/// as `(N, H, W, C)`; the kernel as `(kh, kw, C / groups, filters)`.
struct ConvProblem: Sendable {
  var batch, height, width, channels: Int
  var kernelHeight, kernelWidth, filters, groups: Int
  var strideH, strideW, dilationH, dilationW: Int
  var outHeight, outWidth, padTop, padLeft: Int
  var outputShape: [Int]

  var groupChannels: Int { channels / groups }
  var groupFilters: Int { filters / groups }
  /// Length of one im2col row: the values one output sees in one group.
  var patchLength: Int { kernelHeight * kernelWidth * groupChannels }
  /// Output pixels over the whole batch.
  var pixels: Int { batch * outHeight * outWidth }
  /// Multiply-adds of the whole convolution, saturated at `Int.max` (only compared with
  /// thresholds; the output itself has been checked against the memory budget).
  var multiplyAdds: Int {
    let (perPixel, overflow) = filters.multipliedReportingOverflow(by: patchLength)
    let (total, overflowTotal) = pixels.multipliedReportingOverflow(by: perPixel)
    return overflow || overflowTotal ? Int.max : total
  }

  init(
    operation: String, input: [Int], kernel: [Int], bias: [Int]?, strides: Size2, padding: Padding,
    dilation: Size2, groups: Int, rowPadding: Padding? = nil
  ) throws {
    switch input.count {
    case 2: (batch, height, width, channels) = (1, input[0], input[1], 1)
    case 3: (batch, height, width, channels) = (1, input[0], input[1], input[2])
    case 4: (batch, height, width, channels) = (input[0], input[1], input[2], input[3])
    default:
      throw TensorError.invalidShape(operation: operation, shape: input, expected: .image)
    }
    guard groups >= 1 else {
      throw TensorError.invalidArgument(operation: operation, reason: .groups(groups))
    }
    self.groups = groups
    switch kernel.count {
    case 2:
      (kernelHeight, kernelWidth, filters) = (kernel[0], kernel[1], 1)
      guard channels == 1, groups == 1 else {
        throw TensorError.invalidShape(
          operation: operation, shape: input,
          expected: .oneChannel(kernel: kernel, channels: channels))
      }
    case 4:
      (kernelHeight, kernelWidth, filters) = (kernel[0], kernel[1], kernel[3])
      guard channels % groups == 0, filters % groups == 0, kernel[2] * groups == channels else {
        throw TensorError.shapeMismatch(operation: operation, lhs: input, rhs: kernel)
      }
    default:
      throw TensorError.invalidShape(operation: operation, shape: kernel, expected: .conv2DKernel)
    }
    // Keras refuses zero filters too; the tilings below would divide by the filter count.
    guard filters >= 1 else {
      throw TensorError.invalidArgument(
        operation: operation, reason: .noFilters(kernel: kernel))
    }
    if let bias, bias != [filters] {
      throw TensorError.shapeMismatch(operation: "\(operation) bias", lhs: [filters], rhs: bias)
    }
    (strideH, strideW, dilationH, dilationW) = (strides.height, strides.width, dilation.height, dilation.width)
    guard strideH >= 1, strideW >= 1, dilationH >= 1, dilationW >= 1 else {
      throw TensorError.invalidArgument(operation: operation, reason: .stridesAndDilation)
    }
    for mode in [padding, rowPadding ?? padding] {
      if case .explicit(let before, let after) = mode, before < 0 || after < 0 {
        throw TensorError.invalidArgument(operation: operation, reason: .negativePadding)
      }
    }
    // A 1-D convolution runs as a 2-D one on a single row, whose height is never padded.
    let rows = WindowGeometry(kernel: kernelHeight, stride: strideH, dilation: dilationH, padding: rowPadding ?? padding)
    let columns = WindowGeometry(kernel: kernelWidth, stride: strideW, dilation: dilationW, padding: padding)
    guard kernelHeight >= 1, kernelWidth >= 1,
      let resolvedRows = rows.resolve(input: height), let resolvedColumns = columns.resolve(input: width)
    else {
      throw TensorError.windowDoesNotFit(
        operation: operation, input: [height, width], window: [rows.effectiveKernel, columns.effectiveKernel])
    }
    (outHeight, padTop) = (resolvedRows.output, resolvedRows.padBefore)
    (outWidth, padLeft) = (resolvedColumns.output, resolvedColumns.padBefore)
    switch (input.count, kernel.count) {
    case (2, 2): outputShape = [outHeight, outWidth]
    case (2, _), (3, _): outputShape = [outHeight, outWidth, filters]
    default: outputShape = [batch, outHeight, outWidth, filters]
    }
    // Before any plan multiplies these sizes: padding can make an output of 2**40 x 2**40
    // pixels out of a small input, and the products must not wrap around.
    try MemoryBudget.check(operation: operation, shape: outputShape)
  }
}

/// Walks the cells of a batch of grids in storage order (image, row, column): the output
/// pixels of a layer, or Winograd's tiles. A loop over a range of flattened indices then knows
/// each cell's coordinates without dividing every time.
struct GridCursor {
  private let height, width: Int
  private(set) var image, row, column: Int

  init(height: Int, width: Int, first index: Int) {
    (self.height, self.width) = (height, width)
    let perImage = height * width
    (image, row, column) = (index / perImage, (index % perImage) / width, index % width)
  }

  /// Over the output pixels of `p`.
  init(pixelsOf p: ConvProblem, first index: Int) {
    self.init(height: p.outHeight, width: p.outWidth, first: index)
  }

  mutating func advance() {
    column += 1
    if column == width {
      column = 0
      row += 1
      if row == height {
        row = 0
        image += 1
      }
    }
  }
}
