/// The Python literal in a `.npy` header, `{'descr': '<f4', 'fortran_order': False,
/// 'shape': (60000, 28, 28), }`: dicts, tuples, lists, strings, integers, True, False and None,
/// which is all numpy writes there. Anything else is refused, never evaluated.
indirect enum PythonLiteral: Equatable {
  case string(String)
  case integer(Int)
  case bool(Bool)
  case none
  case tuple([PythonLiteral])
  case list([PythonLiteral])
  case dict([(String, PythonLiteral)])

  static func == (a: PythonLiteral, b: PythonLiteral) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): return x == y
    case (.integer(let x), .integer(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.none, .none): return true
    case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)): return x == y
    case (.dict(let x), .dict(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The value of `key` in a dict.
  subscript(key: String) -> PythonLiteral? {
    guard case .dict(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// Parses `text`, which must hold one literal and nothing else but spaces.
  static func parse(_ text: [UInt8]) -> PythonLiteral? {
    var parser = Parser(text: text)
    guard let value = parser.value(depth: 0) else { return nil }
    parser.skipSpaces()
    return parser.position == text.count ? value : nil
  }

  private struct Parser {
    let text: [UInt8]
    var position = 0

    mutating func skipSpaces() {
      while position < text.count, [0x20, 0x0A, 0x0D, 0x09].contains(text[position]) { position += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
      skipSpaces()
      guard position < text.count, text[position] == byte else { return false }
      position += 1
      return true
    }

    mutating func value(depth: Int) -> PythonLiteral? {
      guard depth < 16 else { return nil }
      skipSpaces()
      guard position < text.count else { return nil }
      switch text[position] {
      case UInt8(ascii: "{"):
        position += 1
        var pairs: [(String, PythonLiteral)] = []
        while !take(UInt8(ascii: "}")) {
          guard case .string(let key)? = value(depth: depth + 1), take(UInt8(ascii: ":")),
            let item = value(depth: depth + 1)
          else { return nil }
          pairs.append((key, item))
          if !take(UInt8(ascii: ",")) { return take(UInt8(ascii: "}")) ? .dict(pairs) : nil }
        }
        return .dict(pairs)
      case UInt8(ascii: "("), UInt8(ascii: "["):
        let close = text[position] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
        let isTuple = close == UInt8(ascii: ")")
        position += 1
        var items: [PythonLiteral] = []
        var sawComma = false
        while !take(close) {
          guard let item = value(depth: depth + 1) else { return nil }
          items.append(item)
          sawComma = take(UInt8(ascii: ","))
          if !sawComma { guard take(close) else { return nil }; break }
        }
        // `(3)` is the number 3 in Python, not a tuple.
        if isTuple, items.count == 1, !sawComma { return items[0] }
        return isTuple ? .tuple(items) : .list(items)
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        let quote = text[position]
        position += 1
        let start = position
        while position < text.count, text[position] != quote {
          if text[position] == UInt8(ascii: "\\") { return nil }
          position += 1
        }
        guard position < text.count else { return nil }
        position += 1
        return .string(String(decoding: text[start..<position - 1], as: UTF8.self))
      default:
        let start = position
        while position < text.count, isWordByte(text[position]) { position += 1 }
        let word = String(decoding: text[start..<position], as: UTF8.self)
        switch word {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return PythonLiteral.none
        default:
          // Python 2's numpy wrote long integers with an L: (60000L, 28L).
          let digits = word.hasSuffix("L") ? String(word.dropLast()) : word
          return Int(digits).map { .integer($0) }
        }
      }
    }

    func isWordByte(_ b: UInt8) -> Bool {
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2B || b == 0x5F
    }
  }
}
