/// matplotlib.pyplot's picture calls as CNN Lab draws them: `plt.imshow` puts a value in the
/// current panel, `plt.title` names it, `plt.subplot(rows, columns, i)` picks panel `i`, and
/// `plt.show()` (or the end of the cell, as Jupyter's inline backend does) shows each panel
/// with CNN Lab's own pictures, one after another rather than in a grid.
struct Pyplot {
  struct Panel {
    var image: Value?
    var options: [String: Value] = [:]
  }

  var panels: [Panel] = []
  var current = 0
  /// `plt.suptitle`: written above the pictures when they are shown.
  var heading: String?

  /// The functions `matplotlib.pyplot` has in CNN Lab; each is the built-in `plt.NAME`.
  static let functionNames = [
    "imshow", "title", "show", "subplot", "figure", "suptitle",
    "axis", "colorbar", "xlabel", "ylabel", "xticks", "yticks", "tight_layout", "grid",
  ]

  mutating func select(_ index: Int) {
    while panels.count <= index { panels.append(Panel()) }
    current = index
  }

  mutating func setImage(_ value: Value, options: [String: Value]) {
    select(current)
    panels[current].image = value
    panels[current].options.merge(options) { _, new in new }
  }

  mutating func setTitle(_ title: String) {
    select(current)
    panels[current].options["title"] = .string(title)
  }

  /// Shows every panel that has a picture, then starts an empty figure.
  mutating func flush(to host: (any LanguageHost)?) {
    defer { self = Pyplot() }
    guard let host, panels.contains(where: { $0.image != nil }) else { return }
    if let heading { host.write(heading + "\n", toStderr: false) }
    for panel in panels {
      guard let image = panel.image else { continue }
      var options = panel.options
      // A colormap CNN Lab does not draw (matplotlib has dozens) falls back to its own choice.
      if options["cmap"] != nil, host.problem(withShowOptions: options) != nil { options["cmap"] = nil }
      if host.problem(withShowOptions: options) != nil { options = options.filter { $0.key == "title" } }
      host.show(image, options: options)
    }
  }
}
