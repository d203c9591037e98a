/// A point in a glyph's unit box: x to the right, y downwards, both 0...1.
public struct GlyphPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }
}

/// A handwritten-style character as pen strokes: each stroke is a polyline the pen follows
/// without lifting. Curves are sampled ellipse arcs, so a slant or a jitter bends them the
/// way a hand would.
public struct Glyph: Sendable {
  public var strokes: [[GlyphPoint]]

  /// An elliptic arc from `start` to `end` degrees (0 = right, 90 = down, as y grows downwards).
  static func arc(
    _ cx: Double, _ cy: Double, _ rx: Double, _ ry: Double, from start: Double, to end: Double
  ) -> [GlyphPoint] {
    let steps = max(8, Int(abs(end - start) / 10))
    return (0...steps).map { i in
      let degrees = start + (end - start) * Double(i) / Double(steps)
      let radians = degrees * .pi / 180
      return GlyphPoint(cx + rx * cosine(radians), cy + ry * sine(radians))
    }
  }

  static func line(_ points: (Double, Double)...) -> [GlyphPoint] { points.map { GlyphPoint($0.0, $0.1) } }

  /// The ten digits, drawn the way most people write them.
  public static let digits: [Glyph] = [
    Glyph(strokes: [arc(0.5, 0.5, 0.3, 0.45, from: -90, to: 270)]),
    Glyph(strokes: [line((0.38, 0.2), (0.56, 0.04), (0.52, 0.96))]),
    Glyph(strokes: [arc(0.5, 0.3, 0.3, 0.25, from: 200, to: 400) + line((0.2, 0.95), (0.84, 0.94))]),
    Glyph(strokes: [
      arc(0.5, 0.28, 0.28, 0.23, from: 210, to: 450) + arc(0.5, 0.73, 0.32, 0.23, from: 270, to: 520)
    ]),
    Glyph(strokes: [line((0.62, 0.96), (0.62, 0.04), (0.14, 0.66), (0.86, 0.66))]),
    Glyph(strokes: [
      line((0.8, 0.05), (0.3, 0.05), (0.26, 0.45)) + arc(0.5, 0.69, 0.3, 0.26, from: 235, to: 520)
    ]),
    Glyph(strokes: [arc(0.74, 0.68, 0.5, 0.64, from: 265, to: 180) + arc(0.5, 0.7, 0.26, 0.25, from: 180, to: 540)]),
    Glyph(strokes: [line((0.15, 0.05), (0.85, 0.05), (0.42, 0.96))]),
    Glyph(strokes: [
      arc(0.5, 0.27, 0.24, 0.22, from: 90, to: 450), arc(0.5, 0.71, 0.29, 0.25, from: -90, to: 270),
    ]),
    Glyph(strokes: [arc(0.48, 0.3, 0.28, 0.25, from: 0, to: 360) + line((0.76, 0.3), (0.72, 0.62), (0.64, 0.96))]),
  ]

  /// A lower-case 'd': a bowl with the stem on its right, as in the chapter 1 example.
  public static let letterD = Glyph(strokes: [
    arc(0.42, 0.66, 0.3, 0.3, from: -20, to: 340), line((0.72, 0.02), (0.72, 0.97)),
  ])
}
