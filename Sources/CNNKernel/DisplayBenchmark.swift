import CNNLang
import FeatureMapRender
import JupyterKernel
import TensorEngine
import TextAndTime

/// Timings of the display path for `cnnlab bench`: what it costs to turn a value into the
/// MIME bundle a notebook receives (picture drawn, PNG encoded, base64, tables), next to the
/// renderer's own timings (`RenderBenchmark`).
public enum DisplayBenchmark {
  /// Each case runs `repeats` times after a warm-up; the figure is the median in ms.
  /// `filter` keeps the cases whose name contains it.
  public static func run(filter: String? = nil, repeats: Int = 15) -> [(name: String, ms: Double)] {
    let display = ValueDisplay()
    let maps = RenderBenchmark.syntheticMaps(height: 112, width: 112, channels: 64, noise: 0.05, seed: 1)
    let digit = Tensor(shape: [28, 28], values: (0..<784).map { Float(($0 * 37) % 256) })
    // An explanation of one value of a 56x56x64 -> 64 convolution (576 products).
    let interpreter = Interpreter()
    let host = SilentHost()
    let code = """
      x = randn((56, 56, 64), seed=1)
      explain(conv2d(x, randn((3, 3, 64, 64), seed=2), padding="same"), at=(10, 10), channel=3)
      """
    var explanation: Value?
    if case .value(let value) = interpreter.run(code, cellID: 1, host: host) { explanation = value }
    let cases: [(String, () -> Void)] = [
      ("display 64x112x112 maps -> bundle (PNG, base64)", { _ = display.bundle(for: .tensor(maps), options: [:]) }),
      ("display 28x28 image -> bundle (PNG, table)", { _ = display.bundle(for: .tensor(digit), options: [:]) }),
      (
        "explain 3x3x64 conv value -> bundle (text, HTML)",
        {
          guard let explanation else { return }
          _ = display.bundle(for: explanation, options: [:])
        }
      ),
    ]
    var results: [(name: String, ms: Double)] = []
    for (name, body) in cases where filter.map({ name.containsText($0) }) ?? true {
      var samples: [Double] = []
      for i in 0...max(1, repeats) {
        let start = MonotonicClock.nanoseconds()
        body()
        if i > 0 { samples.append(MonotonicClock.milliseconds(since: start)) }
      }
      samples.sort()
      results.append((name, samples[samples.count / 2]))
    }
    return results
  }
}

/// A host that drops everything, for timing cells without output.
private final class SilentHost: LanguageHost {
  func write(_ text: String, toStderr: Bool) {}
  func show(_ value: Value, options: [String: Value]) {}
  func clearOutput(wait: Bool) {}
  func page(_ text: String) {}
}
