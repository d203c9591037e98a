import JupyterKernel
import JupyterProtocol
import Synchronization

/// A tiny language for protocol tests. One statement per line:
/// `print TEXT`, `warn TEXT` (stderr), `show TEXT [as ID]`, `update ID TEXT`, `clear`, `help`,
/// `open TARGET` (a comm from the kernel's side, which then sends `{"n": 1}` on it),
/// or integer arithmetic `A op B` / `A`, whose value is the cell's result. `1/0` fails.
final class CalculatorLanguage: KernelLanguage {
  let interrupts = Atomic<Int>(0)
  private(set) var executed: [(code: String, count: Int, silent: Bool)] = []
  private(set) var resets = 0
  /// Runs inside `execute` when a cell is `wait`: stands in for another thread acting mid-cell.
  var duringWait: (() -> Void)?
  private(set) var comms: CommManager?
  /// The comms this language opened with `open TARGET`, and what their frontends sent.
  let kernelOpened = EchoHandler()

  func attach(comms: CommManager) { self.comms = comms }

  var info: LanguageInfo {
    LanguageInfo(
      name: "calc", version: "1.0", mimetype: "text/x-calc", fileExtension: ".calc", pygmentsLexer: "text",
      codemirrorMode: "null", implementation: "calc-kernel", implementationVersion: "0.1", banner: "Calculator",
      helpLinks: [(text: "Docs", url: "https://example.org/calc")])
  }

  func execute(code: String, executionCount: Int, silent: Bool, output: any ExecutionOutput) -> ExecutionOutcome {
    executed.append((code, executionCount, silent))
    var last: MimeBundle?
    for line in code.split(separator: "\n").map(String.init) {
      let words = line.split(separator: " ", maxSplits: 1).map(String.init)
      let rest = words.count > 1 ? words[1] : ""
      last = nil
      switch words.first ?? "" {
      case "print": output.stream(rest + "\n", toStderr: false)
      case "warn": output.stream(rest + "\n", toStderr: true)
      case "show":
        let parts = rest.components(separatedBy: " as ")
        output.display(.plain(parts[0]), displayID: parts.count > 1 ? parts[1] : nil)
      case "update":
        let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
        output.updateDisplay(.plain(parts.count > 1 ? parts[1] : ""), displayID: parts[0])
      case "clear": output.clearOutput(wait: true)
      case "help": output.page(.plain("calc help"))
      case "open":
        let comm = comms?.open(
          target: rest, payload: CommPayload(data: .object(["hello": .bool(true)]), metadata: .object(["version": .string("9")])),
          handler: kernelOpened)
        comm?.send(CommPayload(data: .object(["n": .number(1)]), buffers: [[1, 2, 3]]))
      case "wait":
        duringWait?()
        if interrupts.load(ordering: .relaxed) > 0 {
          return .error(ExecutionError(name: "KeyboardInterrupt", value: "", traceback: []))
        }
      default:
        switch evaluate(expression: line) {
        case .success(let bundle): last = bundle
        case .failure(let error): return .error(error)
        }
      }
    }
    return .ok(result: last)
  }

  func evaluate(expression: String) -> Result<MimeBundle, ExecutionError> {
    let tokens = expression.split(separator: " ").map(String.init)
    func number(_ s: String) -> Int? { Int(s) }
    if tokens.count == 1, let n = number(tokens[0]) { return .success(.plain(String(n))) }
    guard tokens.count == 3, let a = number(tokens[0]), let b = number(tokens[2]) else {
      return .failure(ExecutionError(name: "SyntaxError", value: "cannot read '\(expression)'", traceback: ["line 1"]))
    }
    switch tokens[1] {
    case "+": return .success(.plain(String(a + b)))
    case "-": return .success(.plain(String(a - b)))
    case "*": return .success(.plain(String(a * b)))
    case "/":
      guard b != 0 else {
        return .failure(ExecutionError(name: "ZeroDivisionError", value: "division by zero", traceback: ["1 / 0", "^"]))
      }
      return .success(.plain(String(a / b)))
    default:
      return .failure(ExecutionError(name: "SyntaxError", value: "unknown operator", traceback: []))
    }
  }

  func complete(code: String, cursorPosition: Int) -> CompletionResult {
    let scalars = Array(code.unicodeScalars)
    var start = cursorPosition
    while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
    let prefix = String(String.UnicodeScalarView(scalars[start..<cursorPosition]))
    let matches = ["print", "pow", "show"].filter { $0.hasPrefix(prefix) }
    return CompletionResult(
      matches: matches, cursorStart: start, cursorEnd: cursorPosition, types: matches.map { _ in "function" })
  }

  func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> MimeBundle? {
    code.hasPrefix("print") ? .plain("print TEXT: writes TEXT") : nil
  }

  func isComplete(code: String) -> Completeness {
    if code.hasSuffix(":") { return .incomplete(indent: "    ") }
    if code.hasPrefix(")") { return .invalid }
    return .complete
  }

  func interrupt() { interrupts.add(1, ordering: .relaxed) }
  func reset() { resets += 1 }
}

extension String {
  func components(separatedBy separator: String) -> [String] {
    var parts: [String] = []
    var rest = self[...]
    while let range = rest.firstRange(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }
}

/// A comm handler for tests: records what arrives and answers each message with
/// `{"echo": data}`, returning its buffers reversed.
final class EchoHandler: CommHandler, CommTarget {
  private(set) var received: [CommPayload] = []
  private(set) var closes: [CommPayload] = []
  private(set) var openings: [CommPayload] = []
  var refuses = false

  func accept(_ comm: Comm, opening: CommPayload) -> (any CommHandler)? {
    openings.append(opening)
    return refuses ? nil : self
  }

  func received(_ payload: CommPayload, on comm: Comm) {
    received.append(payload)
    if payload.data["close"] == .bool(true) {
      comm.close(.object(["bye": .bool(true)]))
      return
    }
    comm.send(CommPayload(data: .object(["echo": payload.data]), buffers: payload.buffers.map { $0.reversed() }))
  }

  func closed(_ payload: CommPayload, comm: Comm) { closes.append(payload) }
}
