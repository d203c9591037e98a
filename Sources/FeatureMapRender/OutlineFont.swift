import CFreeType
import Glibc
import Synchronization

/// A glyph rasterised from an outline font: the pixels with ink, placed against the baseline.
struct OutlineGlyph: Sendable {
  let width: Int
  let height: Int
  /// From the pen position to the first column, and from the baseline up to the first row.
  let left: Int
  let top: Int
  /// Pen movement to the next glyph, in pixels.
  let advance: Int
  /// Row-major, `width * height`: whether each pixel is ink (coverage at least one half).
  let ink: [Bool]
}

/// Letters the bitmap font lacks (Hangul, say, in a Korean title) rasterised from a system
/// font with FreeType, so that a picture alone still carries its title in any script. FreeType
/// is opened with `dlopen` the first time such a letter is drawn, so a kernel that never
/// draws one never maps it; without FreeType or a font, such letters are not drawn (`glyph`
/// answers nil) and the HTML form of the picture carries the title instead.
enum OutlineFont {
  /// Fonts tried in order: `CNNLAB_TITLE_FONT` when set, then Debian's fonts-nanum (Hangul and
  /// Latin) and Noto CJK (Chinese and Japanese as well).
  static var candidates: [String] {
    var paths: [String] = []
    if let chosen = getenv("CNNLAB_TITLE_FONT") { paths.append(String(cString: chosen)) }
    return paths + [
      "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
      "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ]
  }

  static let libraryNames = ["libfreetype.so.6", "libfreetype.so"]

  private static let state = Mutex(FontState())

  /// The glyph of `character` at the bitmap font's `scale` (capitals `7 * scale` px tall), or
  /// nil when no outline font has it.
  static func glyph(_ character: Character, scale: Int) -> OutlineGlyph? {
    guard let code = character.unicodeScalars.first?.value, character.unicodeScalars.count == 1 else { return nil }
    return state.withLock { $0.glyph(code: code, pixels: BitmapFont.glyphHeight * scale) }
  }
}

/// FreeType's library and face, and the glyphs made so far. Only touched under the lock:
/// a FreeType face must not be used from two threads at once.
private struct FontState {
  struct Functions {
    let setPixelSizes: cnnlab_ft_set_pixel_sizes_function
    let charIndex: cnnlab_ft_get_char_index_function
    let loadChar: cnnlab_ft_load_char_function
  }

  var opened = false
  var face: FT_Face?
  var functions: Functions?
  var cache: [UInt64: OutlineGlyph?] = [:]
  /// Glyphs kept (each at most a few KiB at the scales titles use).
  static let cachedGlyphs = 512

  mutating func glyph(code: UInt32, pixels: Int) -> OutlineGlyph? {
    let key = UInt64(code) << 16 | UInt64(pixels)
    if let known = cache[key] { return known }
    if !opened { open() }
    let made = render(code: code, pixels: pixels)
    // Bounded: a title can hold any of Unicode's letters at any scale. A chapter's Korean
    // titles use a few dozen syllables, so starting afresh past the bound costs nothing there.
    if cache.count >= FontState.cachedGlyphs { cache.removeAll(keepingCapacity: true) }
    cache[key] = made
    return made
  }

  private mutating func open() {
    opened = true
    for name in OutlineFont.libraryNames {
      guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
      guard let initialise = dlsym(handle, "FT_Init_FreeType"), let newFace = dlsym(handle, "FT_New_Face"),
        let sizes = dlsym(handle, "FT_Set_Pixel_Sizes"), let index = dlsym(handle, "FT_Get_Char_Index"),
        let load = dlsym(handle, "FT_Load_Char")
      else { continue }
      var library: FT_Library?
      guard unsafeBitCast(initialise, to: cnnlab_ft_init_function.self)(&library) == 0, let library else { continue }
      for path in OutlineFont.candidates {
        var opened: FT_Face?
        if unsafeBitCast(newFace, to: cnnlab_ft_new_face_function.self)(library, path, 0, &opened) == 0, let opened {
          face = opened
          functions = Functions(
            setPixelSizes: unsafeBitCast(sizes, to: cnnlab_ft_set_pixel_sizes_function.self),
            charIndex: unsafeBitCast(index, to: cnnlab_ft_get_char_index_function.self),
            loadChar: unsafeBitCast(load, to: cnnlab_ft_load_char_function.self))
          return
        }
      }
      return
    }
  }

  private func render(code: UInt32, pixels: Int) -> OutlineGlyph? {
    guard let face, let functions, functions.charIndex(face, FT_ULong(code)) != 0,
      functions.setPixelSizes(face, 0, FT_UInt(pixels)) == 0,
      functions.loadChar(face, FT_ULong(code), FT_Int32(FT_LOAD_RENDER)) == 0,
      let slot = face.pointee.glyph
    else { return nil }
    let bitmap = slot.pointee.bitmap
    let (rows, columns, pitch) = (Int(bitmap.rows), Int(bitmap.width), Int(bitmap.pitch))
    var ink = [Bool](repeating: false, count: rows * columns)
    if let buffer = bitmap.buffer, Int32(bitmap.pixel_mode) == Int32(FT_PIXEL_MODE_GRAY.rawValue) {
      for r in 0..<rows {
        for c in 0..<columns { ink[r * columns + c] = buffer[r * pitch + c] >= 128 }
      }
    }
    return OutlineGlyph(
      width: columns, height: rows, left: Int(slot.pointee.bitmap_left), top: Int(slot.pointee.bitmap_top),
      advance: Int(slot.pointee.advance.x >> 6), ink: ink)
  }
}
