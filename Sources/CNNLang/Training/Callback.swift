import TensorEngine

/// Keras's callbacks that a course needs: `EarlyStopping` and `ModelCheckpoint`. Each keeps
/// its own state across the epochs of one `fit`, reset when the next `fit` begins.
public final class Callback {
  enum Kind {
    /// Stops when `monitor` has not improved by more than `minDelta` for `patience` epochs.
    case earlyStopping(patience: Int, minDelta: Double, restoreBestWeights: Bool)
    /// Saves the weights at each epoch's end (only improvements with `saveBestOnly`).
    case modelCheckpoint(path: String, saveBestOnly: Bool)
  }

  let kind: Kind
  /// The log entry watched: `val_loss` by default; lower is better unless it names an accuracy.
  let monitor: String
  private(set) var best: Double?
  private var wait = 0
  /// Weights at the best epoch, for `restore_best_weights=True`.
  var bestWeights: [[Tensor]]?

  init(kind: Kind, monitor: String) {
    self.kind = kind
    self.monitor = monitor
  }

  var repr: String {
    switch kind {
    case .earlyStopping(let patience, _, _): return "EarlyStopping monitor='\(monitor)' patience=\(patience)"
    case .modelCheckpoint(let path, _): return "ModelCheckpoint '\(path)' monitor='\(monitor)'"
    }
  }

  private var higherIsBetter: Bool { monitor.hasSuffix("accuracy") || monitor.hasSuffix("acc") }

  func reset() {
    best = nil
    wait = 0
    bestWeights = nil
  }

  /// Whether `value` improves on the best so far by more than `minDelta` (the first always does).
  func improves(_ value: Double, minDelta: Double = 0) -> Bool {
    guard let best else { return true }
    return higherIsBetter ? value - minDelta > best : value + minDelta < best
  }

  /// What to do at an epoch's end: records the value, and says whether training should stop
  /// and whether these weights are the best so far.
  func epochEnded(logs: [(String, Double)]) -> (stop: Bool, isBest: Bool) {
    guard let value = logs.first(where: { $0.0 == monitor })?.1 else { return (false, false) }
    switch kind {
    case .earlyStopping(let patience, let minDelta, _):
      if improves(value, minDelta: minDelta) {
        best = value
        wait = 0
        return (false, true)
      }
      // As Keras counts: with patience p, the p-th epoch in a row without improvement stops.
      wait += 1
      return (wait >= patience, false)
    case .modelCheckpoint:
      let better = improves(value)
      if better { best = value }
      return (false, better)
    }
  }
}
