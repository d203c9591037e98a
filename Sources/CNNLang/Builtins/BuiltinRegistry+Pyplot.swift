// `plt.imshow`, `plt.title`, `plt.show`, ...: matplotlib's calls drawn with CNN Lab's pictures
// (see `Pyplot`). Reached through `import matplotlib.pyplot as plt`; their names hold a dot, so
// they are never global names.
extension BuiltinRegistry {
  mutating func addPyplot() {
    let styling = Parameter("options", keywordVariadic: true)
    func plt(_ name: String, _ parameters: [Parameter], doc: String, body: @escaping Builtin.Body) {
      add(Builtin("plt." + name, parameters + [styling], doc: doc, body: body))
    }

    plt("imshow", [Parameter("X"), Parameter("cmap", default: Value.none), Parameter("vmin", default: Value.none), Parameter("vmax", default: Value.none)],
        doc: "Puts a picture of X (an image, a feature map, nested lists) in the current panel; plt.show() or the end of the cell shows it with CNN Lab's pictures. cmap names a colormap (one CNN Lab does not have falls back to its own); vmin and vmax fix the range. Other matplotlib keywords are accepted and change nothing.") {
      (args, ev) throws(RuntimeError) in
      var image = args["X"]
      if case .list = image { image = .tensor(try args.tensorArgument("X")) }
      if case .tuple = image { image = .tensor(try args.tensorArgument("X")) }
      var options: [String: Value] = [:]
      if !args["cmap"].isNone { options["cmap"] = args["cmap"] }
      if let low = args["vmin"].numeric, let high = args["vmax"].numeric { options["scale"] = .tuple([.number(low), .number(high)]) }
      ev.figure.setImage(image, options: options)
      return .none
    }
    plt("title", [Parameter("label")], doc: "The title of the current panel, shown above its picture.") { (args, ev) throws(RuntimeError) in
      ev.figure.setTitle(args["label"].str)
      return .none
    }
    plt("suptitle", [Parameter("t")], doc: "A heading for the whole figure, written above its pictures.") { (args, ev) throws(RuntimeError) in
      ev.figure.heading = args["t"].str
      return .none
    }
    plt("subplot", [Parameter("args", variadic: true)],
        doc: "Picks panel index (counted from 1) of a rows x columns figure: plt.subplot(1, 3, 2) or plt.subplot(132). CNN Lab shows the panels one after another, not in a grid.") {
      (args, ev) throws(RuntimeError) in
      var numbers: [Int] = []
      for v in args.rest {
        guard let d = v.numeric, let n = Int(exactly: d) else { throw args.typeError("args", .wholeNumbers) }
        numbers.append(n)
      }
      if numbers.count == 1, numbers[0] >= 111 { numbers = [numbers[0] / 100, numbers[0] / 10 % 10, numbers[0] % 10] }
      guard numbers.count == 3, numbers[2] >= 1, numbers[2] <= max(1, numbers[0] * numbers[1]) else {
        throw args.typeError("args", .subplotPosition)
      }
      ev.figure.select(numbers[2] - 1)
      return .none
    }
    plt("show", [], doc: "Shows the figure's pictures now, then starts an empty figure.") { (_, ev) throws(RuntimeError) in
      ev.figure.flush(to: ev.host)
      return .none
    }
    plt("figure", [Parameter("num", default: Value.none), Parameter("figsize", default: Value.none)],
        doc: "Starts a new figure; the pictures of the one before are shown first. figsize is accepted and changes nothing: CNN Lab sizes its pictures itself.") {
      (_, ev) throws(RuntimeError) in
      ev.figure.flush(to: ev.host)
      return .none
    }
    let noOps: [(String, String)] = [
      ("axis", "Accepted and changes nothing: CNN Lab's pictures have no axes."),
      ("colorbar", "Accepted and changes nothing: CNN Lab's pictures have no colour bar; a small 2-D tensor shows a table of its values instead."),
      ("xlabel", "Accepted and changes nothing: CNN Lab's pictures have no axis labels."),
      ("ylabel", "Accepted and changes nothing: CNN Lab's pictures have no axis labels."),
      ("xticks", "Accepted and changes nothing: CNN Lab's pictures have no ticks."),
      ("yticks", "Accepted and changes nothing: CNN Lab's pictures have no ticks."),
      ("tight_layout", "Accepted and changes nothing: CNN Lab lays out its pictures itself."),
      ("grid", "Accepted and changes nothing: CNN Lab's pictures have no grid lines."),
    ]
    for (name, doc) in noOps {
      plt(name, [Parameter("args", variadic: true)], doc: doc) { (_, _) throws(RuntimeError) in .none }
    }
  }
}
