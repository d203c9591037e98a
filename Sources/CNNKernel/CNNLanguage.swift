import CNNLang
import JupyterKernel
import TensorEngine

/// The CNN Lab language as a Jupyter kernel language: the dispatcher calls these on its
/// execution thread, and they call the interpreter. Only `interrupt()` comes from another
/// thread, and it only sets the interpreter's atomic cancellation flag.
public final class CNNLanguage: KernelLanguage, @unchecked Sendable {
  private let interpreter: Interpreter
  private var display = ValueDisplay()
  /// Set once the dispatcher hands over its comms; widgets are shown as text before that.
  private var widgets: WidgetBridge?

  /// `messages`: the language of errors, hints and help() pages (the Korean kernelspec
  /// passes `--language ko`).
  public init(messages: MessageLanguage = .english) {
    interpreter = Interpreter(language: messages)
    HeapTuning.holdFreedMemory()
  }

  public var info: LanguageInfo { CNNLabInfo.languageInfo }

  public func execute(code: String, executionCount: Int, silent: Bool, output: any ExecutionOutput)
    -> ExecutionOutcome
  {
    // Inside a cell freed tensors stay mapped for the next layer or step; between cells an
    // idle kernel gives them back.
    defer { HeapTuning.releaseFreedMemory() }
    let host = CellHost(output: output, display: display, widgets: widgets)
    switch interpreter.run(code, cellID: executionCount, host: host) {
    case .value(let value):
      guard let value, !silent else { return .ok(result: nil) }
      return .ok(result: display.bundle(for: value, options: [:]))
    case .failure(let error):
      return .error(Self.executionError(error))
    }
  }

  public func evaluate(expression: String) -> Result<MimeBundle, ExecutionError> {
    let host = DiscardingHost()
    switch interpreter.evaluate(expression: expression, host: host) {
    case .success(let value): return .success(display.bundle(for: value, options: [:]))
    case .failure(let error): return .failure(Self.executionError(error))
    }
  }

  public func complete(code: String, cursorPosition: Int) -> CompletionResult {
    let completion = interpreter.complete(code: code, cursor: cursorPosition)
    return CompletionResult(
      matches: completion.matches, cursorStart: completion.start, cursorEnd: completion.end,
      types: completion.kinds)
  }

  public func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> MimeBundle? {
    interpreter.inspect(code: code, cursor: cursorPosition).map(MimeBundle.plain)
  }

  public func isComplete(code: String) -> Completeness {
    switch interpreter.isComplete(code) {
    case .complete: return .complete
    case .incomplete(let indent): return .incomplete(indent: indent)
    case .invalid: return .invalid
    case .unknown: return .unknown
    }
  }

  public func attach(comms: CommManager) {
    let bridge = WidgetBridge(comms: comms, interpreter: interpreter)
    widgets = bridge
    display = ValueDisplay(widgets: bridge)
  }

  public func interrupt() { interpreter.cancellation.cancel() }

  public func reset() { interpreter.reset() }

  static func executionError(_ error: LanguageError) -> ExecutionError {
    ExecutionError(name: error.kind.name, value: error.message, traceback: error.traceback)
  }
}
