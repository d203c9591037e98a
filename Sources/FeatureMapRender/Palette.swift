/// The colours one picture may use: the colormap's levels first, then the few colours
/// of the frame (paper, ink, borders). Feature maps are drawn as palette indices, one byte
/// per pixel, which makes PNGs about three times faster to compress than RGB.
struct Palette: Sendable {
  let colors: [RGB]
  /// How many leading entries belong to the colormap.
  let levels: Int
  let paper: UInt8
  let ink: UInt8
  let muted: UInt8
  let border: UInt8
  let missing: UInt8

  /// Frame colours: white paper, near-black ink, mid-gray notes, light-gray tile borders,
  /// and magenta for NaN because no colormap here uses it.
  private static let frame = [
    RGB(255, 255, 255), RGB(34, 34, 34), RGB(110, 110, 110), RGB(200, 200, 200), RGB(255, 0, 255),
  ]

  init(colormap: Colormap) {
    if colormap == .gray {
      // All 256 grays, so pixel values survive exactly; the frame reuses grays (NaN shows mid-gray).
      colors = colormap.table(levels: 256)
      levels = 256
      paper = 255
      ink = 34
      muted = 110
      border = 200
      missing = 128
    } else {
      levels = 256 - Palette.frame.count
      colors = colormap.table(levels: levels) + Palette.frame
      let first = UInt8(levels)
      paper = first
      ink = first + 1
      muted = first + 2
      border = first + 3
      missing = first + 4
    }
  }
}
