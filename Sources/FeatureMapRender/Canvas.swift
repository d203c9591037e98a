/// An indexed picture being drawn: one palette index per pixel, rows top to bottom.
struct Canvas {
  let width: Int
  let height: Int
  var pixels: [UInt8]

  init(width: Int, height: Int, fill: UInt8) {
    self.width = width
    self.height = height
    pixels = [UInt8](repeating: fill, count: width * height)
  }

  mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with index: UInt8) {
    let x0 = max(0, x)
    let y0 = max(0, y)
    let x1 = min(width, x + w)
    let y1 = min(height, y + h)
    guard x0 < x1, y0 < y1 else { return }
    pixels.withUnsafeMutableBufferPointer { p in
      for row in y0..<y1 {
        for col in x0..<x1 { p[row * width + col] = index }
      }
    }
  }

  /// A one-pixel frame just outside the rectangle, so white tiles stay visible on white paper.
  mutating func frame(x: Int, y: Int, width w: Int, height h: Int, with index: UInt8) {
    fill(x: x - 1, y: y - 1, width: w + 2, height: 1, with: index)
    fill(x: x - 1, y: y + h, width: w + 2, height: 1, with: index)
    fill(x: x - 1, y: y, width: 1, height: h, with: index)
    fill(x: x + w, y: y, width: 1, height: h, with: index)
  }

  /// Draws `text` with its top-left corner at (x, y), each font pixel a `scale`-sized square.
  mutating func text(_ text: String, x: Int, y: Int, scale: Int, with index: UInt8) {
    var penX = x
    // The bitmap font's baseline is under its row 6.
    let baseline = y + 7 * scale
    for character in text {
      let letter = BitmapFont.letter(for: character, scale: scale)
      switch letter {
      case .bitmap(let rows):
        for (r, bits) in rows.enumerated() where bits != 0 {
          for c in 0..<BitmapFont.glyphWidth where bits & (1 << UInt8(BitmapFont.glyphWidth - 1 - c)) != 0 {
            fill(x: penX + c * scale, y: y + r * scale, width: scale, height: scale, with: index)
          }
        }
      case .outline(let glyph):
        for r in 0..<glyph.height {
          for c in 0..<glyph.width where glyph.ink[r * glyph.width + c] {
            fill(x: penX + glyph.left + c, y: baseline - glyph.top + r, width: 1, height: 1, with: index)
          }
        }
      }
      penX += BitmapFont.advance(of: letter, scale: scale)
    }
  }

  /// Draws `text` centred horizontally on `centerX`.
  mutating func text(_ text: String, centerX: Int, y: Int, scale: Int, with index: UInt8) {
    self.text(text, x: centerX - BitmapFont.width(of: text, scale: scale) / 2, y: y, scale: scale, with: index)
  }
}
