import TensorEngine

/// Builds an `Explanation` from a tensor's `TensorOrigin`: it re-reads the window of the input
/// that one output value saw, with the geometry `WindowGeometry` gives (never its own sizes).
struct Explainer {
  /// Beyond this many input channels the view lists only the first ones and sums the rest.
  static let shownChannels = 8

  let output: Tensor
  let origin: TensorOrigin

  /// `at` is the full output index, or `(r, c)` with the filter and sample given apart.
  func explain(at: [Int], filter: Int?, sample: Int?) throws(RuntimeError) -> Explanation {
    let input: Tensor
    switch origin {
    case .convolution(let x, _, _, _, _, _, _, _, _): input = x
    case .pooling(let x, _, _, _, _, _): input = x
    case .pixels: throw RuntimeError(.notExplainable(.notComputed))
    case .comparison: input = output
    }
    var explanation = try build(at: at, filter: filter, sample: sample)
    let finite = input.values.filter(\.isFinite)
    if let low = finite.min(), let high = finite.max() { explanation.inputRange = low...high }
    return explanation
  }

  private func build(at: [Int], filter: Int?, sample: Int?) throws(RuntimeError) -> Explanation {
    switch origin {
    case .comparison:
      throw RuntimeError(.notExplainable(.comparison))
    case .convolution(let input, let kernel, let bias, let strides, let padding, let dilation, let groups, let activation, let layerName):
      let view = try ImageLayout(input.shape)
      let kh = kernel.shape[0], kw = kernel.shape[1]
      let perGroup = kernel.rank == 4 ? kernel.shape[2] : 1
      let filters = kernel.rank == 4 ? kernel.shape[3] : 1
      let place = try locate(at: at, filter: filter, sample: sample, view: view, filters: filters)
      let rows = try axis(view.height, kernel: kh, stride: strides.height, dilation: dilation.height, padding: padding, at: place.row)
      let columns = try axis(view.width, kernel: kw, stride: strides.width, dilation: dilation.width, padding: padding, at: place.column)
      let firstChannel = (place.filter / max(1, filters / max(1, groups))) * perGroup
      var channels: [ExplanationChannel] = []
      var hiddenSum = 0.0
      var total = 0.0
      for local in 0..<perGroup {
        let window = grid(input, view, sample: place.sample, channel: firstChannel + local, rows: rows, columns: columns)
        var weights: [Float] = []
        for i in 0..<kh {
          for j in 0..<kw { weights.append(kernel.values[((i * kw + j) * perGroup + local) * filters + place.filter]) }
        }
        let products = zip(window.values, weights).map { $0 * $1 }
        let sum = products.reduce(0.0) { $0 + Double($1) }
        total += sum
        if local < Explainer.shownChannels {
          channels.append(ExplanationChannel(
            channel: view.channels > 1 ? firstChannel + local : nil, window: window,
            weights: ExplanationGrid(rows: kh, columns: kw, values: weights, padding: window.padding),
            products: ExplanationGrid(rows: kh, columns: kw, values: products, padding: window.padding),
            sum: Float(sum)))
        } else {
          hiddenSum += sum
        }
      }
      return Explanation(
        operation: .convolution, source: layerName ?? "conv2d", position: place.position, value: value(at: place.position),
        rows: rows, columns: columns, sample: view.batched ? place.sample : nil, filter: filters > 1 ? place.filter : nil,
        filterCount: filters, channels: channels, hiddenChannels: max(0, perGroup - Explainer.shownChannels),
        hiddenSum: Float(hiddenSum), total: Float(total), bias: bias.map { $0.values[place.filter] },
        activation: Explainer.name(of: activation), chosen: nil, counted: kh * kw)

    case .pooling(let input, let kind, let poolSize, let strides, let padding, let layerName):
      let view = try ImageLayout(input.shape)
      let place = try locate(at: at, filter: filter, sample: sample, view: view, filters: view.channels)
      let rows = try axis(view.height, kernel: poolSize.height, stride: strides.height, dilation: 1, padding: padding, at: place.row)
      let columns = try axis(view.width, kernel: poolSize.width, stride: strides.width, dilation: 1, padding: padding, at: place.column)
      let window = grid(input, view, sample: place.sample, channel: place.filter, rows: rows, columns: columns)
      let inside = window.values.indices.filter { !window.padding[$0] }
      var chosen: Int?
      var pooled = 0.0
      switch kind {
      case .average:
        pooled = inside.reduce(0.0) { $0 + Double(window.values[$1]) } / Double(max(1, inside.count))
      case .max, .min:
        for i in inside {
          let better = chosen.map { kind == .max ? window.values[i] > window.values[$0] : window.values[i] < window.values[$0] } ?? true
          if better { chosen = i }
        }
        pooled = chosen.map { Double(window.values[$0]) } ?? 0
      }
      let channel = ExplanationChannel(
        channel: view.channels > 1 ? place.filter : nil, window: window, weights: nil, products: nil, sum: Float(pooled))
      return Explanation(
        operation: .pooling(kind), source: layerName ?? Explainer.poolName(kind), position: place.position,
        value: value(at: place.position), rows: rows, columns: columns, sample: view.batched ? place.sample : nil,
        filter: view.channels > 1 ? place.filter : nil, filterCount: view.channels, channels: [channel],
        hiddenChannels: 0, hiddenSum: 0, total: Float(pooled), bias: nil, activation: nil, chosen: chosen,
        counted: inside.count)
    case .pixels:
      throw RuntimeError(.notExplainable(.notComputed))
    }
  }

  /// The output position and what it means: sample, row, column, filter.
  private func locate(at: [Int], filter: Int?, sample: Int?, view: ImageLayout, filters: Int) throws(RuntimeError)
    -> (position: [Int], sample: Int, row: Int, column: Int, filter: Int)
  {
    let rank = output.rank
    var index = at
    // (r, c) on a multi-channel or batched output: fill in the filter and sample.
    if rank >= 3, index.count == 2 || (rank == 4 && index.count == 3) {
      if index.count == 2 { index.append(filter ?? 0) }
      if rank == 4 { index.insert(sample ?? 0, at: 0) }
    }
    guard index.count == rank else {
      let form = ["", "", "(row, column)", "(row, column, filter)", "(sample, row, column, filter)"][min(rank, 4)]
      throw RuntimeError(.invalidChoice(
        function: "explain", parameter: "at", got: TensorValues.shapeValue(at).repr, choices: form.isEmpty ? [] : [form], described: form.isEmpty ? [.somePosition] : []))
    }
    for (axis, i) in index.enumerated() where i < -output.shape[axis] || i >= output.shape[axis] {
      throw RuntimeError(.axisIndexOutOfRange(result: true, axis: axis, index: i, count: output.shape[axis]))
    }
    index = index.enumerated().map { $1 < 0 ? $1 + output.shape[$0] : $1 }
    switch rank {
    case 2: return (index, 0, index[0], index[1], 0)
    case 3: return (index, 0, index[0], index[1], index[2])
    default: return (index, index[0], index[1], index[2], index[3])
    }
  }

  /// The input positions a window covers along one axis, from `WindowGeometry`'s padding split.
  private func axis(_ size: Int, kernel: Int, stride: Int, dilation: Int, padding: Padding, at out: Int) throws(RuntimeError) -> [Int] {
    let geometry = WindowGeometry(kernel: kernel, stride: stride, dilation: dilation, padding: padding)
    guard let resolved = geometry.resolve(input: size) else {
      throw RuntimeError(.engine(.windowDoesNotFit(operation: "explain", input: [size], window: [kernel])))
    }
    let start = out * stride - resolved.padBefore
    return (0..<kernel).map { start + $0 * dilation }
  }

  private func grid(_ input: Tensor, _ view: ImageLayout, sample: Int, channel: Int, rows: [Int], columns: [Int]) -> ExplanationGrid {
    var values: [Float] = []
    var padding: [Bool] = []
    for r in rows {
      for c in columns {
        let inside = r >= 0 && r < view.height && c >= 0 && c < view.width
        values.append(inside ? input.values[((sample * view.height + r) * view.width + c) * view.channels + channel] : 0)
        padding.append(!inside)
      }
    }
    return ExplanationGrid(rows: rows.count, columns: columns.count, values: values, padding: padding)
  }

  private func value(at position: [Int]) -> Float {
    var offset = 0
    for (axis, i) in position.enumerated() { offset = offset * output.shape[axis] + i }
    return output.values[offset]
  }

  static func name(of activation: Activation) -> String? {
    switch activation {
    case .linear: return nil
    case .relu: return "relu"
    case .leakyRelu: return "leaky_relu"
    case .tanh: return "tanh"
    case .sigmoid: return "sigmoid"
    }
  }

  static func poolName(_ kind: PoolKind) -> String {
    switch kind {
    case .max: return "max_pool"
    case .average: return "avg_pool"
    case .min: return "min_pool"
    }
  }
}

/// An input seen as `(N, H, W, C)`.
struct ImageLayout {
  var batch, height, width, channels: Int
  var batched: Bool

  init(_ shape: [Int]) throws(RuntimeError) {
    switch shape.count {
    case 2: (batch, height, width, channels, batched) = (1, shape[0], shape[1], 1, false)
    case 3: (batch, height, width, channels, batched) = (1, shape[0], shape[1], shape[2], false)
    case 4: (batch, height, width, channels, batched) = (shape[0], shape[1], shape[2], shape[3], true)
    default:
      throw RuntimeError(.tensorProblem(.notAnImage(shape: shape)))
    }
  }
}
