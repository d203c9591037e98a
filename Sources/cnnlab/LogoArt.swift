import FeatureMapRender

/// The CNN Lab logo: a small feature map on a dark tile with a 3x3 filter window outlined.
/// One description drawn three ways (SVG, 32 px and 64 px PNG), so the logos always agree.
enum LogoArt {
  /// 8x8 cells: the outer ring is the tile, the inner 6x6 a feature map with a diagonal edge.
  static let cells = 8
  static let background: (UInt8, UInt8, UInt8) = (0x1E, 0x29, 0x3B)
  static let window: (UInt8, UInt8, UInt8) = (0xF5, 0x9E, 0x0B)

  /// The feature map's colour at inner cell (r, c): blue on one side of the edge, red on the other.
  static func mapColor(row: Int, column: Int) -> (UInt8, UInt8, UInt8) {
    let v = Double(column - row) / 5  // -1 ... 1 across the diagonal
    let t = (v + 1) / 2
    let cold = (0x3B, 0x82, 0xF6), warm = (0xEF, 0x44, 0x44), white = (0xF8, 0xFA, 0xFC)
    func mix(_ a: (Int, Int, Int), _ b: (Int, Int, Int), _ f: Double) -> (UInt8, UInt8, UInt8) {
      (UInt8(Double(a.0) + (Double(b.0) - Double(a.0)) * f),
       UInt8(Double(a.1) + (Double(b.1) - Double(a.1)) * f),
       UInt8(Double(a.2) + (Double(b.2) - Double(a.2)) * f))
    }
    return t < 0.5 ? mix(cold, white, t * 2) : mix(white, warm, (t - 0.5) * 2)
  }

  static func png(size: Int) throws -> [UInt8] {
    let cell = size / cells
    var rgba = [UInt8](repeating: 0, count: size * size * 4)
    func put(_ x: Int, _ y: Int, _ color: (UInt8, UInt8, UInt8)) {
      let i = (y * size + x) * 4
      rgba[i] = color.0
      rgba[i + 1] = color.1
      rgba[i + 2] = color.2
      rgba[i + 3] = 255
    }
    for y in 0..<size {
      for x in 0..<size {
        let (r, c) = (y / cell, x / cell)
        let inner = (1..<cells - 1).contains(r) && (1..<cells - 1).contains(c)
        // A one-pixel gap between map cells keeps them readable at 32 px.
        let gap = inner && (x % cell == 0 || y % cell == 0)
        put(x, y, inner && !gap ? mapColor(row: r - 1, column: c - 1) : background)
      }
    }
    // The 3x3 filter window over the map's top-left corner.
    let lo = cell, hi = cell * 4
    for t in lo...hi {
      for w in 0..<max(1, cell / 4) {
        put(t, lo + w, window)
        put(t, hi - w, window)
        put(lo + w, t, window)
        put(hi - w, t, window)
      }
    }
    return try PNGEncoder(level: 9).encode(pixels: rgba, width: size, height: size, format: .rgba)
  }

  static func svg() -> String {
    var parts = [
      #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8" width="64" height="64">"#,
      #"<rect width="8" height="8" rx="0.6" fill="\#(hex(background))"/>"#,
    ]
    for r in 0..<cells - 2 {
      for c in 0..<cells - 2 {
        parts.append(
          #"<rect x="\#(c + 1).06" y="\#(r + 1).06" width="0.88" height="0.88" fill="\#(hex(mapColor(row: r, column: c)))"/>"#)
      }
    }
    parts.append(#"<rect x="1" y="1" width="3" height="3" fill="none" stroke="\#(hex(window))" stroke-width="0.25"/>"#)
    parts.append("</svg>")
    return parts.joined(separator: "\n") + "\n"
  }

  static func hex(_ color: (UInt8, UInt8, UInt8)) -> String {
    let digits = Array("0123456789abcdef")
    return "#" + [color.0, color.1, color.2].map { "\(digits[Int($0 >> 4)])\(digits[Int($0 & 15)])" }.joined()
  }
}
