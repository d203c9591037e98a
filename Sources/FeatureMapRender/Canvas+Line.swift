extension Canvas {
  /// A straight line between two pixel centres (Bresenham), `thickness` pixels wide, for charts.
  mutating func line(x0: Int, y0: Int, x1: Int, y1: Int, thickness: Int = 1, with index: UInt8) {
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    let stepX = x0 < x1 ? 1 : -1
    let stepY = y0 < y1 ? 1 : -1
    var error = dx + dy
    var (x, y) = (x0, y0)
    let half = (thickness - 1) / 2
    while true {
      fill(x: x - half, y: y - half, width: thickness, height: thickness, with: index)
      if x == x1 && y == y1 { return }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }
}
