import TensorEngine

/// `explore(model, x)`: a layer dropdown, a channel slider, the picture of that layer's map
/// for that channel, row and column sliders, and the `explain()` of the value there (the
/// window, the filter, the products, the sum). The model runs once; moving a control only
/// slices maps already computed and explains one value.
struct Explorer {
  /// The layers whose outputs are maps `(H, W, C)`, with those outputs.
  let layers: [(layer: Layer, output: Tensor)]
  let layerPicker: Widget
  let channel: Widget
  let row: Widget
  let column: Widget
  let picture: Widget
  let explanation: Widget
  let root: Widget

  init(model: Model, input: Tensor, evaluator: Evaluator) throws(RuntimeError) {
    _ = try model.predict(Explorer.fitted(input, to: model), evaluator: evaluator)
    layers = model.layers.compactMap { layer in
      guard let output = layer.output, output.rank == 3 else { return nil }
      return (layer, output)
    }
    guard let first = layers.first else { throw RuntimeError(.argumentType(function: "explore", parameter: "model", expected: .modelWithMaps, got: "model")) }
    let (h, w, c) = (first.output.shape[0], first.output.shape[1], first.output.shape[2])
    layerPicker = Widget(.dropdown, [
      "description": .string("layer"), "options": .list(layers.map { .string($0.layer.name) }),
      "value": .string(first.layer.name),
    ])
    channel = Explorer.slider("channel", max: c - 1)
    row = Explorer.slider("row", max: h - 1)
    column = Explorer.slider("column", max: w - 1)
    // Gray on the map's own range (black its lowest value, white its highest), whatever the
    // signs: one scale for every layer, so moving between them compares like with like.
    picture = Widget(.image, [
      "value": .tensor(Explorer.map(first.output, channel: 0)), "width": .string("280"), "cmap": .string("gray"),
    ])
    explanation = Widget(.html, ["value": .string("")])
    let controls = Widget(.vBox, ["children": .list([.widget(row), .widget(column), .widget(explanation)])])
    let top = Widget(.hBox, ["children": .list([.widget(layerPicker), .widget(channel)])])
    let middle = Widget(.hBox, ["children": .list([.widget(picture), .widget(controls)])])
    root = Widget(.vBox, ["children": .list([.widget(top), .widget(middle)])])
    explanation.set(["value": describe(0, channel: 0, row: 0, column: 0)])
    let explorer = self
    layerPicker.observers.append(.native { _, _ throws(RuntimeError) in explorer.layerChanged() })
    channel.observers.append(.native { _, _ throws(RuntimeError) in explorer.redraw(picture: true) })
    row.observers.append(.native { _, _ throws(RuntimeError) in explorer.redraw(picture: false) })
    column.observers.append(.native { _, _ throws(RuntimeError) in explorer.redraw(picture: false) })
  }

  static func slider(_ name: String, max: Int) -> Widget {
    Widget(.intSlider, [
      "description": .string(name), "value": .number(0), "min": .number(0), "max": .number(Double(max)),
      "step": .number(1),
    ])
  }

  /// The chosen layer's index, from the dropdown's value.
  private var selected: Int {
    guard case .string(let name)? = layerPicker["value"] else { return 0 }
    return layers.firstIndex { $0.layer.name == name } ?? 0
  }

  private func number(_ widget: Widget) -> Int {
    guard case .number(let n)? = widget["value"] else { return 0 }
    return Int(n)
  }

  /// A new layer: the sliders' ranges change (their values kept when they still fit), then
  /// the picture and the explanation follow.
  private func layerChanged() {
    let shape = layers[selected].output.shape
    for (slider, size) in [(channel, shape[2]), (row, shape[0]), (column, shape[1])] {
      var changes: [String: Value] = ["max": .number(Double(size - 1))]
      if number(slider) >= size { changes["value"] = .number(0) }
      slider.set(changes)
    }
    redraw(picture: true)
  }

  private func redraw(picture redrawsPicture: Bool) {
    let index = selected
    let shape = layers[index].output.shape
    let c = min(max(0, number(channel)), shape[2] - 1)
    let r = min(max(0, number(row)), shape[0] - 1)
    let col = min(max(0, number(column)), shape[1] - 1)
    if redrawsPicture { picture.set(["value": .tensor(Explorer.map(layers[index].output, channel: c))]) }
    explanation.set(["value": describe(index, channel: c, row: r, column: col)])
  }

  /// The explanation of one value, or the value alone for a layer without a window (an
  /// activation or a normalisation) or whose history was not kept.
  private func describe(_ index: Int, channel c: Int, row r: Int, column col: Int) -> Value {
    let (layer, output) = layers[index]
    if let origin = layer.outputOrigin, !origin.isBoolean,
      let explained = try? Explainer(output: output, origin: origin).explain(at: [r, col], filter: c, sample: nil)
    {
      return .explanation(explained)
    }
    let shape = output.shape
    let value = output.values[(r * shape[1] + col) * shape[2] + c]
    return .string("\(layer.name)[\(r), \(col), \(c)] = \(TensorText.number(value))")
  }

  /// One channel of a map `(H, W, C)` as `(H, W)`.
  static func map(_ output: Tensor, channel c: Int) -> Tensor {
    let (h, w, channels) = (output.shape[0], output.shape[1], output.shape[2])
    var values = [Float](repeating: 0, count: h * w)
    output.values.withUnsafeBufferPointer { source in
      for i in 0..<(h * w) { values[i] = source[i * channels + c] }
    }
    return Tensor(shape: [h, w], values: values)
  }

  /// The input the model takes: an image smaller by an even margin is padded with zeros on
  /// every side (a 28x28 digit for LeNet-5's 32x32, as in the paper); anything else is left
  /// for the model to accept or refuse with its usual message.
  static func fitted(_ x: Tensor, to model: Model) -> Tensor {
    guard let expected = model.inputShape, expected.count == 3, x.rank == 2 || x.rank == 3 else { return x }
    let (h, w) = (x.shape[0], x.shape[1])
    let c = x.rank == 3 ? x.shape[2] : 1
    let (dh, dw) = (expected[0] - h, expected[1] - w)
    guard c == expected[2], dh > 0, dh == dw, dh % 2 == 0 else { return x }
    let m = dh / 2
    let (ph, pw) = (expected[0], expected[1])
    var values = [Float](repeating: 0, count: ph * pw * c)
    for i in 0..<h {
      for j in 0..<w {
        for k in 0..<c { values[((i + m) * pw + j + m) * c + k] = x.values[(i * w + j) * c + k] }
      }
    }
    return Tensor(shape: [ph, pw, c], values: values)
  }
}
