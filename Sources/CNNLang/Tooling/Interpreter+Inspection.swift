// Shift-Tab and is_complete.
extension Interpreter {
  /// Documentation of the name under or just before the cursor, or of the call the cursor
  /// is inside (`print(|`); nil when nothing is known.
  public func inspect(code: String, cursor: Int) -> String? {
    let s = Array(code.unicodeScalars)
    let cursor = min(max(0, cursor), s.count)
    var end = cursor
    while end < s.count && CodeScanner.isIdentifier(s[end]) { end += 1 }
    var chain = CodeScanner.dottedName(s, endingAt: end)
    if chain == nil || end == cursor && (cursor == 0 || !CodeScanner.isIdentifier(s[cursor - 1])) {
      chain = CodeScanner.enclosingCall(s, before: cursor) ?? chain
    }
    guard let chain, let last = chain.last else { return nil }
    let documentation = Documentation(evaluator: evaluator)
    if chain.count == 1, evaluator.globals[last] == nil, registry.value(named: last) == nil {
      return documentation.page(named: last)
    }
    guard let value = resolve(chain) else { return nil }
    return documentation.describe(value, name: chain.joined(separator: "."))
  }

  /// Input longer than this (in UTF-8 bytes) is not parsed for is_complete: a console asks
  /// on every Enter, and a megabyte takes the parser seconds while the shell socket waits.
  public static let maximumCheckedLength = 65_536

  /// Whether a console should run `code` now, wait for more lines, or reject it.
  public func isComplete(_ code: String) -> CompletenessStatus {
    if code.utf8.count > Interpreter.maximumCheckedLength { return .unknown }
    let file = SourceFile(name: "cell", text: code)
    var parser = Parser(file: file)
    _ = parser.parseProgram()
    if parser.sawStrayClosingBracket { return .invalid }
    if code.hasSuffix("\\") { return .incomplete(indent: "") }
    let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let trimmedEnd = code.unicodeScalars.count - code.unicodeScalars.reversed().prefix { $0.properties.isWhitespace }.count
    let structural = parser.diagnostics.filter {
      switch $0.message {
      case .unclosedBracket, .unterminatedTripleQuotedString: return false
      default: return true
      }
    }
    // The last line with code on it: blank and comment-only lines do not count.
    let lastCode = lines.last { line in
      let trimmed = line.trimmingWhitespace()
      return !trimmed.isEmpty && !trimmed.hasPrefix("#")
    } ?? ""
    let lastIndent = String(lastCode.prefix { $0 == " " || $0 == "\t" })
    if !structural.isEmpty {
      // Only a block that has not started yet, after a trailing ':', can be mended by more lines.
      let onlyMissingBlock = structural.allSatisfy {
        if case .expectedIndentedBlock = $0.message { return $0.range.start >= trimmedEnd }
        return false
      }
      return onlyMissingBlock ? .incomplete(indent: lastIndent + "    ") : .invalid
    }
    if parser.unclosedBrackets > 0 || parser.unclosedTripleString { return .incomplete(indent: "") }
    // Console rule: an indented block ends with an empty line.
    let endsWithBlankLine = lines.count > 1 && (lines.last ?? "").allSatisfy(\.isWhitespace)
    if parser.openBlockIndent > 0 && !endsWithBlankLine {
      return .incomplete(indent: String(repeating: " ", count: parser.openBlockIndent))
    }
    return .complete
  }
}
