import CNNLang
import Glibc
import JupyterKernel

/// Runs a whole program outside Jupyter (`cnnlab run FILE`), through the same language and
/// display code as the kernel: text goes to the terminal, pictures are described in text.
public final class ScriptRunner {
  private let messages: MessageLanguage

  public init(messages: MessageLanguage = .english) { self.messages = messages }

  /// Returns false when the program ended with an error (already reported on stderr).
  public func run(source: String) -> Bool {
    let language = CNNLanguage(messages: messages)
    let output = TerminalOutput()
    switch language.execute(code: source, executionCount: 1, silent: false, output: output) {
    case .ok(let result):
      if case .string(let text)? = result?.data["text/plain"] { output.stream(text + "\n", toStderr: false) }
      return true
    case .error(let error):
      output.stream(error.traceback.joined(separator: "\n") + "\n", toStderr: true)
      return false
    }
  }
}

/// Writes a cell's outputs to the process's standard output and error.
final class TerminalOutput: ExecutionOutput {
  func stream(_ text: String, toStderr: Bool) {
    let bytes = Array(text.utf8)
    let fd: Int32 = toStderr ? 2 : 1
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return write(fd, base + offset, buffer.count - offset)
      }
      if n < 0 { if errno == EINTR { continue } else { return } }
      offset += n
    }
  }

  func display(_ bundle: MimeBundle, displayID: String?) {
    if case .string(let text)? = bundle.data["text/plain"] { stream(text + "\n", toStderr: false) }
  }

  func updateDisplay(_ bundle: MimeBundle, displayID: String) { display(bundle, displayID: displayID) }

  func clearOutput(wait: Bool) {}

  func page(_ bundle: MimeBundle) { display(bundle, displayID: nil) }
}
