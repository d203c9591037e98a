import Glibc
import TensorEngine
import TextAndTime

/// Timings of the display path, for `cnnlab bench`: the headline is 64 feature maps of
/// 112x112 (a VGG-16 first block) drawn and encoded as one PNG.
public enum RenderBenchmark {
  /// Each case is run `repeats` times after one warm-up; the figure is the median, in ms.
  public static func run(repeats: Int = 15) -> [(name: String, ms: Double)] {
    let smooth = syntheticMaps(height: 112, width: 112, channels: 64, noise: 0.05, seed: 1)
    let noisy = syntheticMaps(height: 112, width: 112, channels: 64, noise: 1, seed: 2)
    let digit = syntheticMaps(height: 28, width: 28, channels: 1, noise: 0, seed: 3)
    let stack = syntheticMaps(height: 13, width: 13, channels: 256, noise: 0.2, seed: 4)
    var results: [(name: String, ms: Double)] = []
    func time(_ name: String, _ body: () throws -> Void) {
      var samples: [Double] = []
      for i in 0...max(1, repeats) {
        let start = MonotonicClock.nanoseconds()
        do { try body() } catch { return results.append((name + " (failed: \(error))", .nan)) }
        if i > 0 { samples.append(MonotonicClock.milliseconds(since: start)) }
      }
      samples.sort()
      results.append((name, samples[samples.count / 2]))
    }
    time("render 64x112x112 smooth signed -> PNG") { _ = try FeatureMapRenderer.renderPNG(smooth) }
    time("render 64x112x112 noisy signed -> PNG") { _ = try FeatureMapRenderer.renderPNG(noisy) }
    time("render 64x112x112 per-channel viridis -> PNG") {
      _ = try FeatureMapRenderer.renderPNG(smooth, options: RenderOptions(colormap: .viridis, scale: .perChannel))
    }
    time("render one 28x28 map -> PNG") { _ = try FeatureMapRenderer.renderPNG(digit) }
    time("render 256x13x13 paged to 64 -> PNG") { _ = try FeatureMapRenderer.renderPNG(stack) }
    time("HTML table 28x28") { _ = try HTMLTable.render(Tensor(shape: [28, 28], values: digit.values)) }
    return results
  }

  /// Deterministic signed maps `(H, W, C)`: a different wave pattern per channel plus
  /// `noise` times uniform noise in -1...1 (a linear congruential generator, so runs agree).
  public static func syntheticMaps(height: Int, width: Int, channels: Int, noise: Float, seed: UInt64) -> Tensor {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    var values = [Float](repeating: 0, count: height * width * channels)
    for y in 0..<height {
      for x in 0..<width {
        for c in 0..<channels {
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          let random = Float(state >> 40) / Float(1 << 23) - 1
          let fx = Float(x) * 0.05 * Float(c % 7 + 1)
          let fy = Float(y) * 0.04 * Float(c % 5 + 1)
          let wave = (fx + Float(c)).sin * (fy - Float(c)).cos
          values[(y * width + x) * channels + c] = wave * Float(c % 4 + 1) + noise * random
        }
      }
    }
    return Tensor(shape: [height, width, channels], values: values)
  }
}

extension Float {
  fileprivate var sin: Float { Float(Glibc.sin(Double(self))) }
  fileprivate var cos: Float { Float(Glibc.cos(Double(self))) }
}
