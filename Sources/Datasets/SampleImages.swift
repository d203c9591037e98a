import TensorEngine

/// The images built into CNN Lab, by name: what `image("digit9")` returns. All are drawn by
/// the project itself, with pixel values 0...255; gray ones are `(H, W)`, colour ones `(H, W, 3)`.
public enum SampleImages {
  public struct Entry: Sendable {
    public var name: String
    public var summary: String
    /// A picture of pixels (digits, letters, scenes), as opposed to a small grid of teaching
    /// numbers such as the 10 | 0 image, whose values are meant to be computed with.
    public var isPhotograph = true
    public let make: @Sendable () -> Tensor

    init(name: String, summary: String, isPhotograph: Bool = true, make: @escaping @Sendable () -> Tensor) {
      self.name = name
      self.summary = summary
      self.isPhotograph = isPhotograph
      self.make = make
    }
  }

  public static let catalogue: [Entry] = [
    Entry(name: "digit9", summary: "a handwritten 9, 28x28 gray, like an MNIST digit") { DigitSet.canonical(9) },
    Entry(name: "letter_d", summary: "a handwritten lower-case d, 10x10 gray (chapter 1)") {
      let style = PenStyle(thickness: 1.3, slant: 0.1, width: 7, height: 8.6)
      return Tensor(shape: [10, 10], values: StrokeRenderer.render(Glyph.letterD.strokes, style: style, rows: 10, columns: 10))
    },
    Entry(name: "vertical_edge_6x6", summary: "6x6: 10 in the left three columns, 0 in the right three", isPhotograph: false) {
      halves(rows: 6, columns: 6) { _, c in c < 3 }
    },
    Entry(name: "horizontal_edge_6x6", summary: "6x6: 10 in the top three rows, 0 in the bottom three", isPhotograph: false) {
      halves(rows: 6, columns: 6) { r, _ in r < 3 }
    },
    Entry(name: "checkerboard", summary: "32x32 gray: 4x4-pixel squares, black and white") {
      Tensor(shape: [32, 32], values: (0..<1024).map { i in ((i / 32 / 4) + (i % 32 / 4)) % 2 == 0 ? 255 : 0 })
    },
    Entry(name: "house", summary: "a photo-like scene, 120x160 RGB: a house, a tree and the sun") { SceneImage.render() },
    Entry(name: "rgb_circles", summary: "64x64 RGB: red, green and blue discs overlapping") { rgbCircles() },
  ]

  public static var names: [String] { catalogue.map(\.name) }

  public static func image(named name: String) -> Tensor? {
    entry(named: name)?.make()
  }

  public static func entry(named name: String) -> Entry? {
    catalogue.first { $0.name == name }
  }

  static func halves(rows: Int, columns: Int, bright: (Int, Int) -> Bool) -> Tensor {
    Tensor(shape: [rows, columns], values: (0..<rows * columns).map { bright($0 / columns, $0 % columns) ? 10 : 0 })
  }

  /// Additive colour discs: each channel shows one disc, which is what a learner sees when
  /// the picture is split into its channels.
  static func rgbCircles() -> Tensor {
    let side = 64
    let centres: [(Double, Double)] = [(26, 24), (38, 24), (32, 35)]
    var values = [Float](repeating: 0, count: side * side * 3)
    for r in 0..<side {
      for c in 0..<side {
        for (channel, centre) in centres.enumerated() {
          let dx = Double(c) + 0.5 - centre.0, dy = Double(r) + 0.5 - centre.1
          let inside = min(max(15.5 - (dx * dx + dy * dy).squareRoot(), 0), 1)
          values[(r * side + c) * 3 + channel] = Float((inside * 255).rounded())
        }
      }
    }
    return Tensor(shape: [side, side, 3], values: values)
  }
}
