import TensorEngine

/// `summary(model)`: Keras's table of layers (name and type, output shape with `None` for the
/// batch, parameters) with a MACs column, the arithmetic behind each parameter count, and
/// totals. Counts come from `LayerCost`, so a summary never makes a weight.
public struct ModelSummary {
  /// One layer of the table.
  public struct Row: Sendable {
    public var name: String
    public var type: String
    /// `(None, 28, 28, 6)`.
    public var outputShape: String
    public var parameters: Int
    public var macs: Int
    /// How the parameter count comes about: `6·(5·5·1)+6 = 156`; empty for none.
    public var arithmetic: String
    /// The layers feeding this one (functional models only).
    public var connectedTo: [String]
  }

  public var modelName: String
  public var modelType: String
  public var rows: [Row]
  public var totalParameters: Int
  public var totalMACs: Int
  /// Whether the model has branches, so the table shows what each layer is connected to.
  public var showsConnections: Bool

  init(_ model: Model) throws(RuntimeError) {
    guard let graph = model.graph else { throw RuntimeError(.unknownInputShape(model: model.name)) }
    modelName = model.name
    modelType = model.typeName
    showsConnections = !model.isSequential && graph.nodes.contains { $0.inputs.count > 1 }
    rows = []
    if !model.isSequential {
      for input in graph.inputs {
        rows.append(Row(
          name: input.layer?.name ?? "input", type: "InputLayer", outputShape: ShapeText.batched(input.shape),
          parameters: 0, macs: 0, arithmetic: "", connectedTo: []))
      }
    }
    var seen = Set<ObjectIdentifier>()
    for node in graph.nodes {
      guard let layer = node.layer, seen.insert(ObjectIdentifier(layer)).inserted else { continue }
      let cost = try node.cost()
      rows.append(Row(
        name: layer.name, type: layer.typeName, outputShape: ShapeText.batched(node.shape),
        parameters: cost.parameters, macs: cost.macs, arithmetic: try ModelSummary.arithmetic(layer, cost),
        connectedTo: node.inputs.compactMap { $0.layer?.name }))
    }
    let total = try model.totalCost()
    totalParameters = total.parameters
    totalMACs = total.macs
  }

  /// Digits in groups of three: 61,706.
  public static func grouped(_ n: Int) -> String { FormatSpec.group(String(n), separator: ",") }

  /// The factors behind a layer's count, in the chapters' notation; the total is `LayerCost`'s.
  static func arithmetic(_ layer: Layer, _ cost: LayerCost) throws(RuntimeError) -> String {
    let result = " = " + grouped(cost.parameters)
    guard cost.parameters > 0 else { return "" }
    switch layer.kind {
    case .conv2d(let c), .conv1d(let c):
      guard let k = try layer.kernelShape() else { return "" }
      let window = k.dropLast().map(String.init).joined(separator: "·")
      return "\(c.filters)·(\(window))" + (c.useBias ? "+\(c.filters)" : "") + result
    case .dense(let units, _, let useBias):
      guard let k = try layer.kernelShape() else { return "" }
      return "\(k[0])·\(units)" + (useBias ? "+\(units)" : "") + result
    case .batchNormalization:
      return "2·\(cost.parameters / 2)" + result
    case .block:
      return "sum of \(layer.inner?.layers.count ?? 0) layers" + result
    default:
      return ""
    }
  }

  /// The table as text, columns padded, numbers right-aligned.
  public var text: String {
    var header = ["Layer (type)", "Output Shape", "Param #", "MACs", "Parameters from"]
    if showsConnections { header.append("Connected to") }
    var table = rows.map { row -> [String] in
      var cells = [
        "\(row.name) (\(row.type))", row.outputShape, ModelSummary.grouped(row.parameters), ModelSummary.grouped(row.macs),
        row.arithmetic,
      ]
      if showsConnections { cells.append(row.connectedTo.joined(separator: ", ")) }
      return cells
    }
    table.insert(header, at: 0)
    var widths = header.map { _ in 0 }
    for cells in table { for (i, c) in cells.enumerated() { widths[i] = max(widths[i], c.count) } }
    let rightAligned: Set<Int> = [2, 3]
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { (i, c) -> String in
        let fill = String(repeating: " ", count: widths[i] - c.count)
        return rightAligned.contains(i) ? fill + c : c + fill
      }
      return padded.joined(separator: "  ").trimmingTrailingSpaces()
    }
    let width = widths.reduce(0, +) + 2 * (widths.count - 1)
    var lines = ["Model: \"\(modelName)\" (\(modelType))", String(repeating: "━", count: width), line(header)]
    lines.append(String(repeating: "━", count: width))
    for cells in table.dropFirst() { lines.append(line(cells)) }
    lines.append(String(repeating: "━", count: width))
    lines.append("Total params: \(ModelSummary.grouped(totalParameters)) (\(formatBytes(totalParameters * MemoryLayout<Float>.stride)) as float32)")
    lines.append("Total MACs: \(ModelSummary.grouped(totalMACs)) per image")
    return lines.joined(separator: "\n")
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
