import TensorEngine

/// Where a running cell's effects go. The kernel glue implements it; the interpreter itself
/// never prints.
public protocol LanguageHost: AnyObject {
  /// `print()`: text for stdout or stderr.
  func write(_ text: String, toStderr: Bool)
  /// `show(value, title=..., cmap=...)`: the value and the keyword arguments the learner gave.
  func show(_ value: Value, options: [String: Value])
  /// Why `show`'s options cannot be honoured (an unknown colormap, a bad scale), asked before
  /// `show` so the cell fails with a ValueError at the call; nil when they are fine.
  func problem(withShowOptions options: [String: Value]) -> ShowOptionProblem?
  func clearOutput(wait: Bool)
  /// `help(name)`: text for the pager.
  func page(_ text: String)
  /// `fit(...)`: the live progress line and chart, redrawn in place.
  func training(_ frame: TrainingFrame)
  /// `exit` or `quit`: ask the front end to end the session (IPython's `ask_exit`).
  func askExit(keepKernel: Bool)
}

extension LanguageHost {
  public func problem(withShowOptions options: [String: Value]) -> ShowOptionProblem? { nil }
  public func askExit(keepKernel: Bool) {}
}

/// The end of a cell: the value of its last bare expression (nil if none or None), or an error.
public enum CellResult {
  case value(Value?)
  case failure(LanguageError)
}

/// One redraw of training's live view (`fit`): the progress text and the curves so far, and
/// the first layer's filters when the learner asked to watch them. Each `fit` call has its own
/// `id`; the host shows the first frame and replaces it in place with each later one, so a
/// saved notebook keeps only the last.
public struct TrainingFrame {
  public var id: Int
  /// `Epoch 1/3` lines and Keras's progress lines, the last one possibly still running; nil
  /// when only the chart changes.
  public var text: String?
  public var curves: TrainingCurves?
  public var filters: Tensor?
  public var isFinal: Bool
}

/// Loss and metrics as training went: the running means at each drawn step (x in epochs,
/// fractional between epochs) and the validation values at the end of each epoch.
public struct TrainingCurves {
  public var epochs: Int
  /// `loss`, then the metrics (`accuracy`), in the order of each point's values.
  public var names: [String]
  public var steps: [(x: Double, values: [Double])]
  public var validation: [(x: Double, values: [Double])]
}

extension LanguageHost {
  public func training(_ frame: TrainingFrame) {}
}
