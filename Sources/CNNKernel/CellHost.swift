import CNNLang
import JupyterKernel

/// Connects one running cell's side effects (`print`, `show`, `clear_output`, `help`) to the
/// Jupyter outputs of the request that runs it.
final class CellHost: LanguageHost {
  private let output: any ExecutionOutput
  private let display: ValueDisplay
  private var trainingView: TrainingView

  init(output: any ExecutionOutput, display: ValueDisplay, widgets: WidgetBridge? = nil) {
    self.output = output
    self.display = display
    self.trainingView = TrainingView(widgets: widgets)
  }

  func write(_ text: String, toStderr: Bool) { output.stream(text, toStderr: toStderr) }

  func show(_ value: Value, options: [String: Value]) {
    output.display(display.bundle(for: value, options: options), displayID: nil)
  }

  func problem(withShowOptions options: [String: Value]) -> ShowOptionProblem? { display.problem(with: options) }

  func clearOutput(wait: Bool) { output.clearOutput(wait: wait) }

  func page(_ text: String) { output.page(.plain(text)) }

  func training(_ frame: TrainingFrame) { trainingView.show(frame, on: output) }
  func askExit(keepKernel: Bool) { output.askExit(keepKernel: keepKernel) }
}

/// A host for `user_expressions`, which must not print or display anything.
final class DiscardingHost: LanguageHost {
  func write(_ text: String, toStderr: Bool) {}
  func show(_ value: Value, options: [String: Value]) {}
  func clearOutput(wait: Bool) {}
  func page(_ text: String) {}
}
