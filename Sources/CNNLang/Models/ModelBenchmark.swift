import TensorEngine
import TextAndTime

/// Timings of the language's model vocabulary for `cnnlab bench`: how long a learner waits
/// for `summary(VGG16())`, which builds the graph and counts 138M parameters from shapes.
public enum ModelBenchmark {
  /// The median wall time in milliseconds of running `code` as a cell, repeated for about
  /// `seconds` after one warm-up run, each on a fresh interpreter.
  public static func cellMilliseconds(_ code: String = "summary(VGG16())", seconds: Double = 1.0) -> Double {
    final class SilentHost: LanguageHost {
      func write(_ text: String, toStderr: Bool) {}
      func show(_ value: Value, options: [String: Value]) {}
      func clearOutput(wait: Bool) {}
      func page(_ text: String) {}
    }
    let host = SilentHost()
    _ = Interpreter().run(code, cellID: 1, host: host)
    var times: [Double] = []
    let deadline = MonotonicClock.seconds() + seconds
    repeat {
      let interpreter = Interpreter()
      let start = MonotonicClock.nanoseconds()
      _ = interpreter.run(code, cellID: 1, host: host)
      times.append(MonotonicClock.milliseconds(since: start))
    } while MonotonicClock.seconds() < deadline && times.count < 1000
    times.sort()
    return times[times.count / 2]
  }
}
