/// How a glyph is placed and how the pen behaves: the variations a seed chooses.
public struct PenStyle: Sendable {
  /// Stroke width in pixels.
  public var thickness: Double
  /// Horizontal shear (positive leans right, as italic handwriting does).
  public var slant: Double
  /// Rotation in degrees.
  public var rotation: Double
  /// Glyph box size in pixels, horizontally and vertically.
  public var width: Double
  public var height: Double
  /// Offset of the glyph box's centre from the image centre, in pixels.
  public var shiftX: Double
  public var shiftY: Double

  public init(
    thickness: Double, slant: Double = 0, rotation: Double = 0, width: Double, height: Double,
    shiftX: Double = 0, shiftY: Double = 0
  ) {
    self.thickness = thickness
    self.slant = slant
    self.rotation = rotation
    self.width = width
    self.height = height
    self.shiftX = shiftX
    self.shiftY = shiftY
  }
}

/// Draws pen strokes into a gray image with soft edges, like a scanned pen stroke:
/// full ink inside the stroke, fading to paper over about one pixel.
enum StrokeRenderer {
  /// Returns `size.h x size.w` intensities in 0...255 (ink is bright, as in MNIST).
  static func render(_ strokes: [[GlyphPoint]], style: PenStyle, rows: Int, columns: Int) -> [Float] {
    let segments = placedSegments(strokes, style: style, rows: rows, columns: columns)
    let radius = style.thickness / 2
    var pixels = [Float](repeating: 0, count: rows * columns)
    for r in 0..<rows {
      for c in 0..<columns {
        let px = Double(c) + 0.5, py = Double(r) + 0.5
        var nearest = Double.infinity
        for s in segments { nearest = min(nearest, distance(px, py, s)) }
        let ink = min(max(radius + 0.5 - nearest, 0), 1)
        pixels[r * columns + c] = Float((ink * 255).rounded())
      }
    }
    return pixels
  }

  typealias Segment = (x0: Double, y0: Double, x1: Double, y1: Double)

  /// The strokes' segments in pixel coordinates, after scaling, slant, rotation and shift.
  static func placedSegments(_ strokes: [[GlyphPoint]], style: PenStyle, rows: Int, columns: Int) -> [Segment] {
    let angle = style.rotation * .pi / 180
    let (ca, sa) = (cosine(angle), sine(angle))
    func place(_ p: GlyphPoint) -> (Double, Double) {
      // Centre the unit box, slant about its middle line, then rotate and scale.
      var x = (p.x - 0.5) * style.width
      let y = (p.y - 0.5) * style.height
      x -= style.slant * y
      let rx = x * ca - y * sa, ry = x * sa + y * ca
      return (rx + Double(columns) / 2 + style.shiftX, ry + Double(rows) / 2 + style.shiftY)
    }
    var segments: [Segment] = []
    for stroke in strokes {
      let placed = stroke.map(place)
      for (a, b) in zip(placed, placed.dropFirst()) { segments.append((a.0, a.1, b.0, b.1)) }
      if placed.count == 1 { segments.append((placed[0].0, placed[0].1, placed[0].0, placed[0].1)) }
    }
    return segments
  }

  static func distance(_ px: Double, _ py: Double, _ s: Segment) -> Double {
    let dx = s.x1 - s.x0, dy = s.y1 - s.y0
    let lengthSquared = dx * dx + dy * dy
    var t = lengthSquared > 0 ? ((px - s.x0) * dx + (py - s.y0) * dy) / lengthSquared : 0
    t = min(max(t, 0), 1)
    let ex = s.x0 + t * dx - px, ey = s.y0 + t * dy - py
    return (ex * ex + ey * ey).squareRoot()
  }
}
