import CNNLang

/// A host that keeps everything a cell sends, for assertions.
final class RecordingHost: LanguageHost {
  var stdout = ""
  var stderr = ""
  var shown: [(value: Value, options: [String: Value])] = []
  var clears: [Bool] = []
  var pages: [String] = []

  func write(_ text: String, toStderr: Bool) {
    if toStderr { stderr += text } else { stdout += text }
  }
  func show(_ value: Value, options: [String: Value]) { shown.append((value, options)) }
  func clearOutput(wait: Bool) { clears.append(wait) }
  func page(_ text: String) { pages.append(text) }
}

/// Runs one cell on a fresh interpreter and returns what it printed and its result.
struct CellRun {
  let host = RecordingHost()
  let interpreter: Interpreter
  let result: CellResult

  init(_ code: String, interpreter: Interpreter = Interpreter(), cellID: Int = 1) {
    self.interpreter = interpreter
    result = interpreter.run(code, cellID: cellID, host: host)
  }

  /// The displayed value's repr, "" for no value, or "error: <kind>: <message>".
  var shown: String {
    switch result {
    case .value(let v): return v?.repr ?? ""
    case .failure(let e): return "error: \(e.kind.name): \(e.message)"
    }
  }

  var error: LanguageError? {
    if case .failure(let e) = result { return e }
    return nil
  }
}

/// Shorthand: the repr of a cell's result (or its error line).
func eval(_ code: String) -> String { CellRun(code).shown }
