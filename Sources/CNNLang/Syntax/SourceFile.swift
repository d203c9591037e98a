/// A half-open range of Unicode scalar offsets into one cell's text.
///
/// Offsets count code points, the unit Jupyter uses for cursor positions, so completion,
/// inspection and diagnostics share one coordinate system.
public struct SourceRange: Sendable, Equatable, Hashable {
  public var start: Int
  public var end: Int
  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }
  public static func spanning(_ a: SourceRange, _ b: SourceRange) -> SourceRange {
    SourceRange(start: min(a.start, b.start), end: max(a.end, b.end))
  }
}

/// The text of one cell with its name (`cell[3]`), kept alive by every function defined in it
/// so that an error inside an old cell's function can still show its source line.
public final class SourceFile: Sendable {
  public let name: String
  public let scalars: [Unicode.Scalar]
  /// Offsets where each line begins; `lineStarts[0] == 0`.
  let lineStarts: [Int]

  public init(name: String, text: String) {
    self.name = name
    let scalars = Array(text.unicodeScalars)
    self.scalars = scalars
    var starts = [0]
    for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
    self.lineStarts = starts
  }

  /// The 0-based line containing `offset`.
  func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// 1-based line and column (in code points) of an offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let line = lineIndex(of: offset)
    return (line + 1, offset - lineStarts[line] + 1)
  }

  /// Part of a 0-based line, `from` and `to` clamped to it (a trailing `\r` is not shown).
  func lineText(_ index: Int, from: Int, to: Int) -> String {
    let start = lineStarts[index]
    var end = lineEnd(index)
    if end > start, scalars[end - 1] == "\r" { end -= 1 }
    let lower = min(max(from, start), end)
    return text(lower, max(lower, min(to, end)))
  }

  func lineEnd(_ index: Int) -> Int {
    index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : scalars.count
  }

  func text(_ start: Int, _ end: Int) -> String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
    return String(s)
  }

  public func text(of range: SourceRange) -> String { text(range.start, range.end) }
}
