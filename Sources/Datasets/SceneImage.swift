import TensorEngine

/// A photo-like picture for edge detection: a house with a door and windows (strong vertical
/// and horizontal edges), a roof (diagonals), a tree and a sun (curves), under a graded sky,
/// with a little sensor noise. Drawn at twice the size and averaged down, so its edges are
/// as soft as a photograph's. `(120, 160, 3)`, values 0...255.
enum SceneImage {
  static let rows = 120, columns = 160

  typealias RGB = (Double, Double, Double)

  static func render() -> Tensor {
    let scale = 2
    var generator = SeededGenerator(seed: 2024)
    var values = [Float](repeating: 0, count: rows * columns * 3)
    for r in 0..<rows {
      for c in 0..<columns {
        var sum: RGB = (0, 0, 0)
        for sy in 0..<scale {
          for sx in 0..<scale {
            let y = (Double(r) + (Double(sy) + 0.5) / Double(scale))
            let x = (Double(c) + (Double(sx) + 0.5) / Double(scale))
            let p = color(x: x, y: y)
            sum = (sum.0 + p.0, sum.1 + p.1, sum.2 + p.2)
          }
        }
        let n = Double(scale * scale)
        let noise = generator.normal() * 3
        let base = (r * columns + c) * 3
        values[base] = clamp(sum.0 / n + noise)
        values[base + 1] = clamp(sum.1 / n + noise)
        values[base + 2] = clamp(sum.2 / n + noise)
      }
    }
    return Tensor(shape: [rows, columns, 3], values: values)
  }

  static func clamp(_ v: Double) -> Float { Float(min(max(v, 0), 255).rounded()) }

  /// The scene's colour at a point, front-most shape first.
  static func color(x: Double, y: Double) -> RGB {
    // Windows: glass with a cross-shaped frame.
    for left in [46.0, 96.0] where (left...(left + 18)).contains(x) && (62.0...78.0).contains(y) {
      let frame = abs(x - (left + 9)) < 1.2 || abs(y - 70) < 1.2 || x < left + 1.5 || x > left + 16.5
        || y < 63.5 || y > 76.5
      return frame ? (245, 245, 240) : (90 + (y - 62) * 3, 130 + (y - 62) * 3, 170)
    }
    // The door, with a knob.
    if (72.0...88.0).contains(x) && (78.0...104.0).contains(y) {
      if (x - 85) * (x - 85) + (y - 92) * (y - 92) < 2 { return (220, 190, 80) }
      return (92, 58, 36)
    }
    // The wall, lit from the left.
    if (38.0...122.0).contains(x) && (50.0...104.0).contains(y) { return (222 - (x - 38) * 0.5, 200 - (x - 38) * 0.5, 160) }
    // The roof: a triangle over the wall.
    if y >= 24 && y <= 52 && abs(x - 80) <= (y - 24) * 1.6 + 2 { return (150, 48, 40) }
    // The tree: crown and trunk.
    if (x - 140) * (x - 140) + (y - 66) * (y - 66) < 15 * 15 {
      let shade = 20 * sine(x * 0.7) * cosine(y * 0.6)
      return (40 + shade, 110 + shade, 45)
    }
    if (136.0...144.0).contains(x) && (72.0...106.0).contains(y) { return (100, 70, 40) }
    // The sun.
    if (x - 22) * (x - 22) + (y - 20) * (y - 20) < 10 * 10 { return (250, 215, 80) }
    // Grass below the horizon, sky above it.
    if y >= 100 { return (70 + (y - 100) * 0.8, 140 - (y - 100) * 1.2, 60) }
    return (120 + y * 0.9, 170 + y * 0.6, 235)
  }
}
