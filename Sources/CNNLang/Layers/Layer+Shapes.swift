import TensorEngine

// Shape inference: what each layer makes of its input shapes (without the batch axis), and
// the learner-facing error when it cannot. Window sizes come from `WindowGeometry` only.
extension Layer {
  /// Builds the layer for these input shapes and returns its output shape. A layer that was
  /// built before must get inputs its weights fit.
  @discardableResult
  func build(_ shapes: [[Int]]) throws(RuntimeError) -> [Int] {
    let output = try inferOutput(shapes)
    let previous = inputShapes
    let oldKernel = previous == nil ? nil : try kernelShape()
    inputShapes = shapes
    if let oldKernel, try kernelShape() != oldKernel {
      inputShapes = previous
      throw RuntimeError(.layerInput(
        layer: label, expected: .shape(ShapeText.plain(previous?.first ?? [])), got: ShapeText.plain(shapes.first ?? []),
        fix: .newLayerForNewShape))
    }
    outputShape = output
    do {
      try checkHandWeights()
    } catch {
      inputShapes = previous
      throw error
    }
    return output
  }

  /// The output shape for these inputs, or the error that names the layer, both shapes and a fix.
  func inferOutput(_ shapes: [[Int]]) throws(RuntimeError) -> [Int] {
    guard let first = shapes.first else {
      throw RuntimeError(.layerInput(layer: label, expected: .atLeastOneInput, got: nil, fix: nil))
    }
    if !kind.merges && shapes.count > 1 {
      throw RuntimeError(.layerInput(layer: label, expected: .oneInput, got: "\(shapes.count)", fix: nil))
    }
    switch kind {
    case .input(let shape):
      return shape
    case .conv2d(let c):
      let (h, w, channels) = try image(first, fix: .reshapeToImage)
      guard channels % c.groups == 0, c.filters % c.groups == 0 else {
        throw RuntimeError(.layerInput(
          layer: label, expected: .channelsDivisibleByGroups(c.groups),
          got: ShapeText.plain(first), fix: nil))
      }
      let (oh, ow) = try window(h, w, kernel: c.kernel, strides: c.strides, dilation: c.dilation, padding: c.padding, parameter: "kernel_size")
      try countable([oh, ow, c.filters, c.kernel.height, c.kernel.width, channels])
      return [oh, ow, c.filters]
    case .conv1d(let c):
      guard first.count == 2 || first.count == 1 else {
        throw RuntimeError(.layerInput(layer: label, expected: .shape("(L, C)"), got: ShapeText.plain(first), fix: .reshapeToSequence))
      }
      let length = first[0]
      let channels = first.count == 2 ? first[1] : 1
      guard channels % c.groups == 0, c.filters % c.groups == 0 else {
        throw RuntimeError(.layerInput(
          layer: label, expected: .channelsDivisibleByGroups(c.groups), got: ShapeText.plain(first), fix: nil))
      }
      let geometry = WindowGeometry(kernel: c.kernel.width, stride: c.strides.width, dilation: c.dilation.width, padding: c.padding)
      guard let out = geometry.outputSize(input: length) else {
        throw RuntimeError(.windowTooLarge(
          layer: label, window: "\(geometry.effectiveKernel)", input: "\(length)", fix: .paddingSameOrSmaller(parameter: "kernel_size")))
      }
      try countable([out, c.filters, c.kernel.width, channels])
      return [out, c.filters]
    case .pool(_, let size, let strides, let padding):
      let (h, w, channels) = try image(first, fix: .reshapeToImage)
      let (oh, ow) = try window(h, w, kernel: size, strides: strides ?? size, dilation: 1, padding: padding, parameter: "pool_size")
      return [oh, ow, channels]
    case .globalPool:
      let (_, _, channels) = try image(first, fix: nil)
      return [channels]
    case .zeroPadding(let top, let bottom, let left, let right):
      let (h, w, channels) = try image(first, fix: nil)
      return [h + top + bottom, w + left + right, channels]
    case .flatten:
      try countable(first)
      return [Tensor.count(of: first)]
    case .dense(let units, _, _):
      guard first.count == 1 else {
        // A 2-D tensor is one image here; a batch of vectors goes through a model.
        let fix = first.count == 2
          ? LayerFix.flattenOrBatchOfVectors
          : first.count > 2 ? LayerFix.flattenBeforeDense : nil
        throw RuntimeError(.layerInput(layer: label, expected: .vector, got: ShapeText.plain(first), fix: fix))
      }
      try countable([first[0], units])
      return [units]
    case .activation, .dropout, .batchNormalization:
      return first
    case .add:
      guard shapes.count >= 2, shapes.allSatisfy({ $0 == first }) else {
        throw RuntimeError(.unequalShapes(layer: label, requirement: .equalShapes, shapes: shapes.map(ShapeText.plain)))
      }
      return first
    case .concatenate(let axis):
      return try concatenated(shapes, axis: axis)
    case .block(let recipe):
      // Built once per input shape, so its weights survive later calls.
      if let inner, inner.inputShape == first { return inner.outputShape ?? first }
      let model = try Model.block(recipe, name: name, inputShape: first, seed: seed)
      inner = model
      return model.outputShape ?? first
    }
  }

  /// Refuses sizes whose parameter or MAC count would not fit in a whole number, so that
  /// `LayerCost` never overflows on an absurd `input_shape` or kernel.
  private func countable(_ factors: [Int]) throws(RuntimeError) {
    var product = 1
    for f in factors {
      let (p, overflow) = product.multipliedReportingOverflow(by: max(f, 1))
      guard !overflow, p < 1 << 60 else {
        throw RuntimeError(.tooLargeToCount(layer: label))
      }
      product = p
    }
  }

  /// `(H, W, C)` from a shape; `(H, W)` counts as one channel.
  private func image(_ shape: [Int], fix: LayerFix?) throws(RuntimeError) -> (Int, Int, Int) {
    if shape.count == 3 { return (shape[0], shape[1], shape[2]) }
    if shape.count == 2 { return (shape[0], shape[1], 1) }
    throw RuntimeError(.layerInput(layer: label, expected: .shape("(H, W, C)"), got: ShapeText.plain(shape), fix: fix))
  }

  private func window(
    _ h: Int, _ w: Int, kernel: Size2, strides: Size2, dilation: Size2, padding: Padding, parameter: String
  ) throws(RuntimeError) -> (Int, Int) {
    let rows = WindowGeometry(kernel: kernel.height, stride: strides.height, dilation: dilation.height, padding: padding)
    let columns = WindowGeometry(kernel: kernel.width, stride: strides.width, dilation: dilation.width, padding: padding)
    guard let oh = rows.outputSize(input: h), let ow = columns.outputSize(input: w) else {
      throw RuntimeError(.windowTooLarge(
        layer: label, window: ShapeText.size(rows.effectiveKernel, columns.effectiveKernel), input: ShapeText.size(h, w),
        fix: .paddingSameOrSmaller(parameter: parameter)))
    }
    return (oh, ow)
  }

  /// Keras counts `axis` with the batch axis: -1 is the channels, 0 the batch.
  func unbatchedAxis(_ axis: Int, rank: Int) -> Int? {
    let a = axis < 0 ? axis + rank + 1 : axis
    guard a >= 1, a <= rank else { return nil }
    return a - 1
  }

  private func concatenated(_ shapes: [[Int]], axis: Int) throws(RuntimeError) -> [Int] {
    let first = shapes[0]
    let texts = shapes.map(ShapeText.plain)
    guard shapes.count >= 2, shapes.allSatisfy({ $0.count == first.count }), let a = unbatchedAxis(axis, rank: first.count) else {
      throw RuntimeError(.unequalShapes(layer: label, requirement: .sameRank(axis: axis), shapes: texts))
    }
    var result = first
    result[a] = 0
    for shape in shapes {
      for i in shape.indices where i != a && shape[i] != first[i] {
        throw RuntimeError(.unequalShapes(layer: label, requirement: .equalExceptAxis(axis), shapes: texts))
      }
      result[a] += shape[a]
    }
    return result
  }

  // MARK: Weights and costs from shapes alone

  /// The kernel's shape for the built input: conv `(kh, kw, C_in / groups, filters)`, conv1d
  /// `(k, C_in / groups, filters)`, Dense `(inputs, units)`; nil for layers without one.
  func kernelShape() throws(RuntimeError) -> [Int]? {
    guard kind.hasKernel else { return nil }
    guard let input = inputShapes?.first else { throw RuntimeError(.notCalledYet(layer: name)) }
    switch kind {
    case .conv2d(let c):
      let channels = input.count == 3 ? input[2] : 1
      return [c.kernel.height, c.kernel.width, channels / c.groups, c.filters]
    case .conv1d(let c):
      let channels = input.count == 2 ? input[1] : 1
      return [c.kernel.width, channels / c.groups, c.filters]
    case .dense(let units, _, _):
      return [input.last ?? 0, units]
    default:
      return nil
    }
  }

  var usesBias: Bool {
    switch kind {
    case .conv2d(let c), .conv1d(let c): return c.useBias
    case .dense(_, _, let useBias): return useBias
    default: return false
    }
  }

  /// Parameters and MACs for the built shapes, from `LayerCost` (never from allocated weights).
  func cost() throws(RuntimeError) -> LayerCost {
    guard let input = inputShapes?.first, let output = outputShape else { throw RuntimeError(.notCalledYet(layer: name)) }
    return try cost(input: input, output: output)
  }

  /// The cost of one use of the layer, for a model's node whose shapes may differ from the
  /// layer's last call.
  func cost(input: [Int], output: [Int]) throws(RuntimeError) -> LayerCost {
    switch kind {
    case .conv2d(let c):
      return LayerCost.conv(
        kernelHeight: c.kernel.height, kernelWidth: c.kernel.width, inputChannels: input.count == 3 ? input[2] : 1,
        filters: c.filters, groups: c.groups, useBias: c.useBias, outputHeight: output[0], outputWidth: output[1])
    case .conv1d(let c):
      return LayerCost.conv(
        kernelHeight: 1, kernelWidth: c.kernel.width, inputChannels: input.count == 2 ? input[1] : 1,
        filters: c.filters, groups: c.groups, useBias: c.useBias, outputHeight: 1, outputWidth: output[0])
    case .dense(let units, _, let useBias):
      return LayerCost.dense(inputs: input.last ?? 0, units: units, useBias: useBias)
    case .batchNormalization:
      return LayerCost.batchNormalization(channels: input.last ?? 0)
    case .block:
      guard let inner else { return LayerCost(parameters: 0, macs: 0) }
      return try inner.totalCost()
    default:
      return LayerCost(parameters: 0, macs: 0)
    }
  }
}
