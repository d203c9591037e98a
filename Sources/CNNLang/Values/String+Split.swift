extension String {
  /// The parts between every occurrence of `separator`, as Python's `str.split(sep)`: empty
  /// parts are kept, and matching is exact (no Unicode normalisation). Done on UTF-8 bytes:
  /// a whole separator can only match at a character boundary, so every part is valid text.
  func parts(separatedBy separator: String) -> [String] {
    let text = Array(utf8), pattern = Array(separator.utf8)
    guard !pattern.isEmpty, text.count >= pattern.count else { return [self] }
    var parts: [String] = []
    var start = 0, i = 0
    while i <= text.count - pattern.count {
      if text[i] == pattern[0] && text[i..<i + pattern.count].elementsEqual(pattern) {
        parts.append(String(decoding: text[start..<i], as: UTF8.self))
        i += pattern.count
        start = i
      } else {
        i += 1
      }
    }
    parts.append(String(decoding: text[start...], as: UTF8.self))
    return parts
  }
}
