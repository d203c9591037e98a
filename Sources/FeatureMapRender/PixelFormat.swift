/// An 8-bit colour, the unit of colormaps and palettes.
public struct RGB: Sendable, Hashable {
  public var r: UInt8
  public var g: UInt8
  public var b: UInt8

  public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
    self.r = r
    self.g = g
    self.b = b
  }

  /// Relative luminance (ITU-R BT.709 weights on the encoded values), 0...255; decides
  /// whether text drawn on this colour should be white or black.
  public var luminance: Float { 0.2126 * Float(r) + 0.7152 * Float(g) + 0.0722 * Float(b) }
}

/// The pixel layouts `PNGEncoder` writes, all 8 bits per sample, rows top to bottom.
public enum PixelFormat: Sendable, Equatable {
  /// One byte per pixel, 0 black ... 255 white.
  case gray
  /// Three bytes per pixel: red, green, blue.
  case rgb
  /// Four bytes per pixel: red, green, blue, alpha (255 opaque).
  case rgba
  /// One byte per pixel indexing a palette of at most 256 colours.
  case indexed(palette: [RGB])

  /// Bytes per pixel.
  public var bytesPerPixel: Int {
    switch self {
    case .gray, .indexed: return 1
    case .rgb: return 3
    case .rgba: return 4
    }
  }

  /// The PNG colour type written into IHDR.
  var colorType: UInt8 {
    switch self {
    case .gray: return 0
    case .rgb: return 2
    case .indexed: return 3
    case .rgba: return 6
    }
  }
}
