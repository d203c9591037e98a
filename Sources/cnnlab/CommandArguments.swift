/// A mistake in the command line: printed with the command's usage, exit status 64 (EX_USAGE).
struct UsageError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Ends the program with this status and nothing printed (the command said what happened).
struct ExitStatus: Error {
  let code: Int32
}

/// The arguments after the subcommand's name. A command takes its options and arguments out
/// one by one, and `finish()` refuses whatever is left, so a typo is an error, not ignored.
/// Options are written `--name value`, `--name=value` or, for short names, `-n value`.
struct CommandArguments {
  private var words: [String]

  init(_ words: some Sequence<String>) { self.words = Array(words) }

  var wantsHelp: Bool { words.contains { $0 == "--help" || $0 == "-h" } }

  mutating func flag(_ name: String) -> Bool {
    let before = words.count
    words.removeAll { $0 == "--" + name }
    return words.count < before
  }

  mutating func option(_ name: String, short: Character? = nil) throws(UsageError) -> String? {
    var value: String?
    var i = 0
    while i < words.count {
      let word = words[i]
      if word.hasPrefix("--" + name + "=") {
        value = String(word.dropFirst(name.count + 3))
        words.remove(at: i)
      } else if word == "--" + name || short.map({ word == "-" + String($0) }) == true {
        guard i + 1 < words.count else { throw UsageError("missing value for '\(word)'") }
        value = words[i + 1]
        words.removeSubrange(i...i + 1)
      } else {
        i += 1
      }
    }
    return value
  }

  mutating func option<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws(UsageError) -> T? {
    guard let text = try option(name) else { return nil }
    guard let value = T(text) else { throw UsageError("the value '\(text)' of '--\(name)' is not a valid \(T.self)") }
    return value
  }

  /// The next word that is not an option.
  mutating func argument(_ name: String) throws(UsageError) -> String {
    guard let index = words.firstIndex(where: { !$0.hasPrefix("-") || $0 == "-" }) else {
      throw UsageError("missing expected argument '<\(name)>'")
    }
    return words.remove(at: index)
  }

  func finish() throws(UsageError) {
    if let first = words.first {
      throw UsageError(first.hasPrefix("-") ? "unknown option '\(first)'" : "unexpected argument '\(first)'")
    }
  }
}
