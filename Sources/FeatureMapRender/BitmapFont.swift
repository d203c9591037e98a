/// A 5x8 pixel font drawn for this module: capitals and digits stand on rows 0...6, the
/// baseline is row 6 and row 7 holds descenders. Each glyph is written below as eight
/// rows of `#` (ink) and `.` (paper), so anyone can read and adjust it here.
enum BitmapFont {
  static let glyphWidth = 5
  static let glyphHeight = 8
  /// Horizontal distance from one glyph to the next, one column of spacing included.
  static let advance = 6

  /// Bit masks, one per row, bit 4 the leftmost column.
  static let glyphs: [Character: [UInt8]] = {
    var table: [Character: [UInt8]] = [:]
    for (character, picture) in drawings {
      let rows = picture.split(separator: " ").map { row in
        row.reduce(UInt8(0)) { ($0 << 1) | ($1 == "#" ? 1 : 0) }
      }
      table[character] = rows + [UInt8](repeating: 0, count: max(0, glyphHeight - rows.count))
    }
    return table
  }()

  /// How one character is drawn: from this font, or from an outline font for the letters this
  /// one lacks (Hangul, say: see `OutlineFont`).
  enum Letter {
    case bitmap([UInt8])
    case outline(OutlineGlyph)
  }

  /// Whether every character of `text` can be drawn: it has a glyph or a look-alike in this
  /// font, or in the outline font.
  static func canLetter(_ text: String) -> Bool {
    text.allSatisfy { ownRows(for: $0) != nil || $0 == "?" || OutlineFont.glyph($0, scale: 1) != nil }
  }

  /// The rows of `character`, with a few look-alikes folded in and `?` for the unknown.
  static func rows(for character: Character) -> [UInt8] {
    ownRows(for: character) ?? glyphs["?"] ?? []
  }

  /// The rows of `character` or of its look-alike in this font, nil when it has neither.
  static func ownRows(for character: Character) -> [UInt8]? {
    if let rows = glyphs[character] { return rows }
    switch character {
    case "\u{2212}", "\u{2013}", "\u{2014}": return glyphs["-"]
    case "\u{00D7}": return glyphs["x"]
    case "\u{2026}": return glyphs["."]
    case "\"", "`": return glyphs["'"]
    default: return nil
    }
  }

  /// What draws `character` at `scale`: this font's glyph, else the outline font's, else `?`.
  static func letter(for character: Character, scale: Int) -> Letter {
    if let rows = ownRows(for: character) { return .bitmap(rows) }
    if let glyph = OutlineFont.glyph(character, scale: scale) { return .outline(glyph) }
    return .bitmap(rows(for: "?"))
  }

  /// Pen movement in pixels after `letter` at `scale`, its spacing column included.
  static func advance(of letter: Letter, scale: Int) -> Int {
    switch letter {
    case .bitmap: return advance * scale
    case .outline(let glyph): return glyph.advance + scale
    }
  }

  /// Width in pixels of `text` drawn at `scale`.
  static func width(of text: String, scale: Int) -> Int {
    guard !text.isEmpty else { return 0 }
    var total = 0
    for character in text {
      total += ownRows(for: character) != nil ? advance * scale : advance(of: letter(for: character, scale: scale), scale: scale)
    }
    return total - scale
  }

  private static let drawings: [Character: String] = [
    " ": "..... ..... ..... ..... ..... ..... .....",
    "0": ".###. #...# #..## #.#.# ##..# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "###.. #..#. #...# #...# #...# #..#. ###..",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "a": "..... ..... .###. ....# .#### #...# .####",
    "b": "#.... #.... #.##. ##..# #...# #...# ####.",
    "c": "..... ..... .###. #.... #.... #...# .###.",
    "d": "....# ....# .##.# #..## #...# #...# .####",
    "e": "..... ..... .###. #...# ##### #.... .###.",
    "f": "..##. .#..# .#... ###.. .#... .#... .#...",
    "g": "..... ..... .#### #...# #...# .#### ....# .###.",
    "h": "#.... #.... #.##. ##..# #...# #...# #...#",
    "i": "..#.. ..... .##.. ..#.. ..#.. ..#.. .###.",
    "j": "...#. ..... ..##. ...#. ...#. ...#. #..#. .##..",
    "k": "#.... #.... #..#. #.#.. ##... #.#.. #..#.",
    "l": ".##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "m": "..... ..... ##.#. #.#.# #.#.# #...# #...#",
    "n": "..... ..... #.##. ##..# #...# #...# #...#",
    "o": "..... ..... .###. #...# #...# #...# .###.",
    "p": "..... ..... ####. #...# #...# ####. #.... #....",
    "q": "..... ..... .#### #...# #...# .#### ....# ....#",
    "r": "..... ..... #.##. ##..# #.... #.... #....",
    "s": "..... ..... .#### #.... .###. ....# ####.",
    "t": ".#... .#... ###.. .#... .#... .#..# ..##.",
    "u": "..... ..... #...# #...# #...# #..## .##.#",
    "v": "..... ..... #...# #...# #...# .#.#. ..#..",
    "w": "..... ..... #...# #...# #.#.# #.#.# .#.#.",
    "x": "..... ..... #...# .#.#. ..#.. .#.#. #...#",
    "y": "..... ..... #...# #...# #...# .#### ....# .###.",
    "z": "..... ..... ##### ...#. ..#.. .#... #####",
    "-": "..... ..... ..... .###. ..... ..... .....",
    "+": "..... ..#.. ..#.. ##### ..#.. ..#.. .....",
    "=": "..... ..... ##### ..... ##### ..... .....",
    ".": "..... ..... ..... ..... ..... .##.. .##..",
    ",": "..... ..... ..... ..... .##.. ..#.. .#...",
    ":": "..... .##.. .##.. ..... .##.. .##.. .....",
    ";": "..... .##.. .##.. ..... .##.. ..#.. .#...",
    "(": "...#. ..#.. .#... .#... .#... ..#.. ...#.",
    ")": ".#... ..#.. ...#. ...#. ...#. ..#.. .#...",
    "[": ".###. .#... .#... .#... .#... .#... .###.",
    "]": ".###. ...#. ...#. ...#. ...#. ...#. .###.",
    "<": "...#. ..#.. .#... #.... .#... ..#.. ...#.",
    ">": ".#... ..#.. ...#. ....# ...#. ..#.. .#...",
    "/": "..... ....# ...#. ..#.. .#... #.... .....",
    "_": "..... ..... ..... ..... ..... ..... #####",
    "%": "##... ##..# ...#. ..#.. .#... #..## ...##",
    "'": "..#.. ..#.. .#... ..... ..... ..... .....",
    "!": "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..",
    "?": ".###. #...# ....# ...#. ..#.. ..... ..#..",
    "*": "..... ..#.. #.#.# .###. #.#.# ..#.. .....",
    "#": ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.",
    "@": ".###. #...# #.### #.#.# #.### #.... .####",
    "&": ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#",
    "|": "..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
  ]
}
