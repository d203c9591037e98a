import TextAndTime

/// Keras 3's progress line, character for character where a notebook can show it:
/// `1688/1688 ━━━━━━━━━━━━━━━━━━━━ 7s 4ms/step - accuracy: 0.8512 - loss: 0.4120`.
/// The counter is bold, the done part of the bar green and the rest light gray (ANSI colours,
/// which JupyterLab and nbconvert render in text output); while running the time is the
/// estimated time left, at the end the time taken.
struct ProgressLine {
  static let barWidth = 20

  /// Steps in the epoch.
  var target: Int

  /// The line after `current` steps. `metrics` are (name, value) in Keras's order
  /// (alphabetical: accuracy, loss, val_accuracy, val_loss).
  func text(current: Int, elapsed: Double, secondsPerStep: Double, metrics: [(String, Double)], finished: Bool) -> String {
    let digits = String(max(target, 1)).count
    let counter = String(repeating: " ", count: max(0, digits - String(current).count)) + "\(current)/\(target)"
    let done = target > 0 ? min(Self.barWidth, Self.barWidth * current / target) : 0
    var line = "\u{1B}[1m\(counter)\u{1B}[0m "
    if done > 0 { line += "\u{1B}[32m" + String(repeating: "━", count: done) + "\u{1B}[0m" }
    line += "\u{1B}[37m" + String(repeating: "━", count: Self.barWidth - done) + "\u{1B}[0m"
    let time = finished ? "\(Int(elapsed.rounded()))s" : Self.eta(secondsPerStep * Double(max(0, target - current)))
    line += " \u{1B}[1m\(time)\u{1B}[0m" + Self.perStep(secondsPerStep)
    for (name, value) in metrics { line += " - \(name): " + Self.metric(value) }
    return line
  }

  /// `7s`, `1:05`, `1:02:03`, as Keras writes the time left.
  static func eta(_ seconds: Double) -> String {
    let s = Int(seconds)
    if seconds > 3600 { return "\(s / 3600):" + twoDigits((s % 3600) / 60) + ":" + twoDigits(s % 60) }
    if seconds > 60 { return "\(s / 60):" + twoDigits(s % 60) }
    return "\(s)s"
  }

  /// ` 4ms/step`, ` 877us/step`, ` 2s/step`.
  static func perStep(_ seconds: Double) -> String {
    if seconds >= 1 || seconds == 0 { return " \(Int(seconds.rounded()))s/step" }
    if seconds >= 1e-3 { return " \(Int((seconds * 1e3).rounded()))ms/step" }
    return " \(Int((seconds * 1e6).rounded()))us/step"
  }

  /// `.4f`, or `.4e` for values at most 1e-3 in size, as Keras prints metrics.
  static func metric(_ value: Double) -> String {
    if !value.isFinite { return NumberText.repr(value) }
    if abs(value) > 1e-3 { return printfFormat("%.4f", value) }
    return printfFormat("%.4e", value)
  }

  private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
