import CNNLang
import Foundation
import TensorEngine
import Testing
import TestSupport

/// A seeded generator of cells for the lexer, the parser and the evaluator: token soup,
/// programs from a small grammar of the language's own vocabulary, and golden programs with
/// bytes and lines cut, repeated and swapped. Every cell must end (its value or an error) and
/// leave the interpreter answering; a crash stops the process, and the cell that did it is
/// in `language-fuzz-current.cnn` in the temporary folder.
///
/// `make test` runs a few thousand cells; `scripts/fuzz-language.sh` runs more by hand
/// (`CNNLANG_FUZZ_INPUTS`, `CNNLANG_FUZZ_SEED`), with the memory budget lowered to 64 MiB so
/// that a cell asking for a lot is refused quickly instead of filling the machine.
@Suite(.serialized)
struct LanguageFuzzTests {
  @Test func generatedCellsEndWithAValueOrAnError() throws {
    let environment = ProcessInfo.processInfo.environment
    let count = environment["CNNLANG_FUZZ_INPUTS"].flatMap(Int.init) ?? 3_000
    let seed = environment["CNNLANG_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_206
    // Given a count (by hand, and by `make test`, which runs this suite alone), the memory
    // budget is lowered; a plain `swift test` shares the process with other suites and their
    // budget, so it stays as it is.
    let lowBudget = environment["CNNLANG_FUZZ_INPUTS"] != nil
    let fuzzer = LanguageFuzzer(seed: seed, golden: LanguageFuzzer.goldenPrograms())
    // On a thread with the kernel's stack (512 MiB): the test's own thread has far less, and
    // a deep but legal cell would overflow it where the kernel would not.
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var report = LanguageFuzzer.Report()
    let thread = Thread {
      report = fuzzer.run(count, lowBudget: lowBudget)
      done.signal()
    }
    thread.stackSize = 512 << 20
    thread.start()
    done.wait()
    #expect(report.hangs.isEmpty, "cells that ignored the interrupt: \(report.hangs)")
    print("language fuzz: \(report.summary)")
  }
}

final class LanguageFuzzer: @unchecked Sendable {
  struct Report {
    var cells = 0
    var values = 0
    var errors: [String: Int] = [:]
    var interrupted = 0
    var hangs: [String] = []
    var seconds = 0.0
    var summary: String {
      let kinds = errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      return "\(cells) cells in \(String(format: "%.1f", seconds)) s (\(Int(Double(cells) / max(seconds, 1e-9)))/s): "
        + "\(values) values, interrupted by the watchdog \(interrupted), errors: \(kinds)"
    }
  }

  private var g: SplitMix
  private let golden: [String]
  /// A cell running longer than this is interrupted; one that then runs on for `hangAfter` is a hang.
  private let slice = 0.1
  private let hangAfter = 5.0

  init(seed: UInt64, golden: [String]) {
    g = SplitMix(state: seed)
    self.golden = golden
  }

  static func goldenPrograms() -> [String] {
    guard let root = Bundle.module.url(forResource: "Programs", withExtension: nil),
      let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    else { return [] }
    var programs: [String] = []
    for case let url as URL in walker where url.pathExtension == "cnn" {
      if let text = try? String(contentsOf: url, encoding: .utf8) { programs.append(text) }
    }
    return programs.sorted()
  }

  func run(_ count: Int, lowBudget: Bool) -> Report {
    let savedLimit = MemoryBudget.limitBytes
    if lowBudget { MemoryBudget.limitBytes = 64 << 20 }
    defer { MemoryBudget.limitBytes = savedLimit }
    let current = FileManager.default.temporaryDirectory.appendingPathComponent("language-fuzz-current.cnn")
    let watchdog = Watchdog(slice: slice)
    defer { watchdog.stop() }
    var report = Report()
    let show = ProcessInfo.processInfo.environment["CNNLANG_FUZZ_SHOW"] != nil
    let start = Date()
    var interpreter = Interpreter()
    for i in 0..<count {
      // A fresh session now and then, so that names pile up but not forever.
      if i % 200 == 0 {
        interpreter = Interpreter()
        _ = interpreter.run(LanguageFuzzer.setup, cellID: 0, host: SilentHost())
      }
      let cell = generate()
      try? cell.write(to: current, atomically: false, encoding: .utf8)
      let host = SilentHost()
      watchdog.watch(interpreter.cancellation)
      let began = Date()
      let result = interpreter.run(cell, cellID: i + 1, host: host)
      watchdog.unwatch()
      let took = Date().timeIntervalSince(began)
      report.cells += 1
      if show, took > 0.05 || i % 97 == 0 { print("---- \(String(format: "%.3f", took)) s\n\(cell)\n=> \(result)") }
      switch result {
      case .value: report.values += 1
      case .failure(let e):
        report.errors[e.kind.name, default: 0] += 1
        if e.kind.name == "KeyboardInterrupt" { report.interrupted += 1 }
      }
      if took > slice + hangAfter { report.hangs.append(cell) }
      if count >= 100_000 && (i + 1) % 100_000 == 0 {
        report.seconds = Date().timeIntervalSince(start)
        print("language fuzz: \(report.summary)")
      }
    }
    report.seconds = Date().timeIntervalSince(start)
    return report
  }

  // MARK: Generating cells

  func generate() -> String {
    switch g.below(10) {
    case 0: return tokenSoup()
    case 1, 2, 3, 4, 5, 6: return program()
    default: return mutatedGolden()
    }
  }

  private static let tokens = [
    "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "==", "+", "-", "*", "/", "//", "%", "**", "@",
    "<", ">", "<=", "!=", "&", "|", "~", "+=", "if", "else", "elif", "for", "in", "while", "def",
    "return", "not", "and", "or", "is", "None", "True", "False", "lambda", "pass", "break",
    "import", "from", "as", "global", "\n", "\n    ", "\n        ", "a", "b", "xs", "s", "f",
    "print", "len", "range", "str", "repr", "sorted", "list", "tensor", "zeros", "int", "float",
    "0", "1", "-1", "3", "2**62", "10**10", "1e308", "0.5", "'x'", "\"ab\"", "f\"{a}\"", "'''",
    "%time", "?", "!", "#", "\\", "$", ";", "...", "x.shape", "np", "tf",
  ]

  private func tokenSoup() -> String {
    (0..<(1 + g.below(40))).map { _ in g.pick(LanguageFuzzer.tokens) }.joined(separator: g.chance(70) ? " " : "")
  }

  private let names = ["a", "b", "xs", "s", "d", "t", "n"]
  /// Every name the generator uses has a value at the start of a session.
  static let setup = "a = 1\nb = 'ab'\nxs = [1, 2, 3]\ns = 'hello'\nd = {'k': 1}\nt = zeros((2, 3))\nn = 3\ndef f(x=1):\n    return x"


  private func program() -> String {
    (0..<(1 + g.below(8))).map { _ in statement(depth: 0) }.joined(separator: "\n")
  }

  private func statement(depth: Int) -> String {
    let indent = String(repeating: "    ", count: depth)
    let name = g.pick(names)
    let body = { (self: LanguageFuzzer) in
      (0..<(1 + self.g.below(3))).map { _ in self.statement(depth: depth + 1) }.joined(separator: "\n")
    }
    switch g.below(depth < 2 ? 14 : 9) {
    case 0, 1, 2: return indent + "\(name) = \(expression(3))"
    case 3: return indent + "\(name) += \(expression(2))"
    case 4: return indent + "\(name).append(\(expression(2)))"
    case 5: return indent + "print(\(expression(3)))"
    case 6: return indent + "\(name)[\(expression(1))] = \(expression(2))"
    case 7: return indent + expression(3)
    case 8: return indent + g.pick(["pass", "assert \(expression(2))", "\(name) = \(name) + \(name)"])
    case 9: return indent + "for \(g.pick(names)) in \(expression(2)):\n" + body(self)
    case 10: return indent + "if \(expression(2)):\n" + body(self) + (g.chance(50) ? "\n\(indent)else:\n" + body(self) : "")
    case 11: return indent + "while \(expression(2)):\n" + body(self)
    case 12: return indent + "def f(\(g.pick(["", "x", "x, y=2"]))):\n" + body(self) + "\n\(indent)    return \(expression(2))"
    default: return indent + "\(name) = [\(expression(2)) for \(g.pick(names)) in \(expression(2))\(g.chance(30) ? " if \(expression(1))" : "")]"
    }
  }

  private static let calls = [
    "len", "str", "repr", "sorted", "list", "tuple", "int", "float", "abs", "min", "max", "sum",
    "range", "tensor", "zeros", "ones", "print", "type", "bool", "enumerate", "zip", "reversed",
    "round", "isinstance", "np.array", "np.zeros", "np.ones", "np.arange", "f", "help", "dict",
  ]
  private static let methods = [
    "append", "join", "replace", "split", "upper", "copy", "pop", "sort", "index", "count",
    "keys", "values", "items", "get", "format", "reshape", "sum", "mean", "max", "shape", "T",
  ]

  private func expression(_ depth: Int) -> String {
    if depth <= 0 || g.chance(25) { return atom() }
    switch g.below(10) {
    case 0, 1:
      return "\(expression(depth - 1)) \(g.pick(["+", "-", "*", "/", "//", "%", "**", "==", "<", "in", "and", "or", "is", "@", "&"])) \(expression(depth - 1))"
    case 2: return "\(g.pick(LanguageFuzzer.calls))(\(arguments(depth - 1)))"
    case 3: return "\(expression(depth - 1)).\(g.pick(LanguageFuzzer.methods))(\(arguments(depth - 1)))"
    case 4: return "[\(arguments(depth - 1))]"
    case 5: return "(\(arguments(depth - 1)),)"
    case 6: return "\(expression(depth - 1))[\(g.pick(["0", "-1", "1:", ":2", "::-1", "a", "0, 0", "...", "None"]))]"
    case 7: return "{\(expression(depth - 1)): \(expression(depth - 1))}"
    case 8: return "(\(g.pick(["not ", "-", "~"]))\(expression(depth - 1)))"
    default: return "f\"{\(g.pick(names))\(g.pick(["", "!r", ":,", ":.2f", ":>8"]))}\""
    }
  }

  private func arguments(_ depth: Int) -> String {
    (0..<g.below(4)).map { _ in expression(depth) }.joined(separator: ", ")
  }

  private func atom() -> String {
    g.pick([
      "0", "1", "2", "-3", "0.5", "10**6", "10**10", "2**62", "1e308", "float('nan')", "True", "None",
      "'x'", "'ab'", "''", "'é한'", "[]", "[1, 2]", "[[0] * 3] * 3", "(1, 2)", "{}", "{'k': 1}", "range(5)",
      "range(10**8)", "zeros((2, 3))", "ones((4,))", "a", "b", "xs", "s", "d", "t", "n", "image('digit9')",
    ])
  }

  private func mutatedGolden() -> String {
    guard !golden.isEmpty else { return tokenSoup() }
    var lines = g.pick(golden).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // A window of the program: whole programs train models, which takes the slice.
    let start = g.below(lines.count)
    lines = Array(lines[start..<min(lines.count, start + 1 + g.below(12))])
    for _ in 0..<(1 + g.below(3)) {
      guard !lines.isEmpty else { break }
      let i = g.below(lines.count)
      switch g.below(6) {
      case 0: lines.remove(at: i)
      case 1: lines.insert(lines[g.below(lines.count)], at: i)
      case 2: lines.swapAt(i, g.below(lines.count))
      default:
        var scalars = Array(lines[i].unicodeScalars)
        let at = g.below(scalars.count + 1)
        switch g.below(3) {
        case 0 where !scalars.isEmpty: scalars.remove(at: min(at, scalars.count - 1))
        case 1: scalars.insert(contentsOf: g.pick(LanguageFuzzer.tokens).unicodeScalars, at: at)
        default: if at < scalars.count { scalars[at] = g.pick(Array("()[]{}:,.=+-*0 9'\"\n\t".unicodeScalars)) }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        lines[i] = String(view)
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// Interrupts the watched cell once it has run for `slice` seconds, as the kernel's interrupt does.
private final class Watchdog: @unchecked Sendable {
  private let lock = NSLock()
  private var flag: CancellationFlag?
  private var since = Date()
  private var running = true
  private let slice: Double

  init(slice: Double) {
    self.slice = slice
    let thread = Thread { [self] in loop() }
    thread.start()
  }

  func watch(_ flag: CancellationFlag) {
    lock.lock()
    self.flag = flag
    since = Date()
    lock.unlock()
  }

  func unwatch() {
    lock.lock()
    flag = nil
    lock.unlock()
  }

  func stop() {
    lock.lock()
    running = false
    lock.unlock()
  }

  private func loop() {
    while true {
      Thread.sleep(forTimeInterval: 0.01)
      lock.lock()
      if !running {
        lock.unlock()
        return
      }
      let running = Date().timeIntervalSince(since)
      if let flag, running > slice { flag.cancel() }
      // A cell that ignores the interrupt: stop here, with the cell in the current-cell file.
      if flag != nil, running > slice + 10 { fatalError("a cell ran on 10 s after its interrupt") }
      lock.unlock()
    }
  }
}

private final class SilentHost: LanguageHost {
  func write(_ text: String, toStderr: Bool) {}
  func show(_ value: Value, options: [String: Value]) {}
  func clearOutput(wait: Bool) {}
  func page(_ text: String) {}
}

/// Cells the fuzzer found that stopped the process, kept as they were found.
struct FuzzFindingsTests {
  @Test func arangeFromFarAboveItsStopIsEmpty() {
    // arange(1e308, False): (0 - 1e308) / 1 steps, below Int.min.
    #expect(eval("import numpy as np\nn = 3\nxs = np.arange(1e308, range(10**8) == n)\nxs.shape") == "(0,)")
    #expect(eval("arange(-1e308).shape") == "(0,)")
    #expect(eval("arange(1e308, 0, 1).shape") == "(0,)")
  }
}
