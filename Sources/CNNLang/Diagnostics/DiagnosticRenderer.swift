/// The one place that turns diagnostics into text: the error line, the location
/// `cell[N]:line:col`, the source line with a caret under the span, notes and help.
///
/// ```
/// NameError: name 'pirnt' is not defined
///  --> cell[3]:1:1
///   |
/// 1 | pirnt("x")
///   | ^^^^^
///   = help: did you mean 'print'?
/// ```
public struct DiagnosticRenderer: Sendable {
  /// ANSI colours for the error name and the caret; off for plain text.
  public var colored: Bool
  /// Call notes beyond this many are summarised, so deep recursion stays readable.
  public var maximumNotes = 8
  /// Source lines longer than this show a window around the caret: a pasted megabyte on
  /// one line would otherwise be repeated in every error.
  public var maximumLineWidth = 160
  /// The language of the sentences; error names (`NameError`) are the same in every language.
  public var language: MessageLanguage

  public init(colored: Bool, language: MessageLanguage = .english) {
    self.colored = colored
    self.language = language
  }

  /// Errors shown for one cell: a pasted file of stray characters can have one per character.
  public var maximumDiagnostics = 10

  /// The diagnostics of one cell, separated by blank lines; past `maximumDiagnostics`, the
  /// last one shown says how many more there are.
  public func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> [String] {
    var lines: [String] = []
    let shown = diagnostics.prefix(maximumDiagnostics)
    for (i, d) in shown.enumerated() {
      if i > 0 { lines.append("") }
      var d = d
      if i == shown.count - 1 && diagnostics.count > shown.count {
        d.notes.append(.errorsOmitted(diagnostics.count - shown.count))
      }
      lines += render(d, in: file)
    }
    return lines
  }

  public func render(_ d: Diagnostic, in file: SourceFile) -> [String] {
    let start = min(d.range.start, file.scalars.count)
    let lineIndex = file.lineIndex(of: start)
    let (line, column) = file.location(of: start)
    let number = String(line)
    let gutter = String(repeating: " ", count: number.count)
    let lineStart = start - (column - 1)
    let lineEnd = file.lineEnd(lineIndex)
    // The caret covers the span's part on its first line, and at least one character.
    let spanEnd = min(d.range.end, lineEnd)
    let shown = window(lineStart: lineStart, lineEnd: lineEnd, caret: start)
    let sourceLine = (shown.start > lineStart ? "..." : "")
      + file.lineText(lineIndex, from: shown.start, to: shown.end)
      + (shown.end < lineEnd ? "..." : "")
    let caretCount = max(1, min(spanEnd, shown.end) - start)
    let lead = shown.start > lineStart ? "   " : ""
    let prefix = lead + String(file.text(shown.start, start).unicodeScalars.map { $0 == "\t" ? "\t" : " " })

    var lines = [paint(d.kind.name, "1;31") + ": " + d.message.text(in: language)]
    lines.append("\(gutter)--> \(file.name):\(line):\(column)")
    lines.append("\(gutter) |")
    lines.append("\(number) | \(sourceLine)")
    lines.append("\(gutter) | \(prefix)" + paint(String(repeating: "^", count: caretCount), "1;31"))
    for note in summarised(d.notes) {
      lines.append("\(gutter) = \(labels.note): \(note.text(in: language))")
    }
    if let suggestion = d.suggestion {
      lines.append("\(gutter) = " + paint(labels.help, "1;36") + ": \(suggestion.text(in: language))")
    }
    return lines
  }

  /// The part of a line shown: all of it when short, else `maximumLineWidth` code points
  /// with the caret a third of the way in.
  private func window(lineStart: Int, lineEnd: Int, caret: Int) -> (start: Int, end: Int) {
    guard lineEnd - lineStart > maximumLineWidth else { return (lineStart, lineEnd) }
    let start = max(lineStart, min(caret - maximumLineWidth / 3, lineEnd - maximumLineWidth))
    return (start, start + maximumLineWidth)
  }

  private var labels: (note: String, help: String) {
    switch language {
    case .english: ("note", "help")
    case .korean: ("참고", "도움말")
    }
  }

  private func summarised(_ notes: [Note]) -> [Note] {
    guard notes.count > maximumNotes else { return notes }
    let keep = maximumNotes / 2
    return Array(notes.prefix(keep)) + [.framesOmitted(notes.count - 2 * keep)] + Array(notes.suffix(keep))
  }

  private func paint(_ text: String, _ code: String) -> String {
    colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
