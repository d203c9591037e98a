import ArgumentParser
import CNNKernel
import CNNLang
import EngineBench
import FeatureMapRender
import TensorEngine
import TextAndTime

/// `cnnlab bench`: the engine's timings (convolutions, pooling, whole networks) as a table,
/// or as JSON for `bench/onnx_bench.py`, which sets them beside ONNX Runtime's.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Time the tensor engine on the chapters' workloads.")

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  @Option(help: "Run only the workloads whose name contains this.")
  var filter: String?

  @Option(help: "Seconds of timed repetitions per workload, after a warm-up.")
  var seconds = 1.0

  @Flag(help: "Also measure VGG-16's memory with every layer's output kept.")
  var memory = false

  @Option(help: "Time each layer of this workload instead (e.g. vgg16).")
  var profile: String?

  @Option(help: "Worker threads for the engine (default: one per core).")
  var threads: Int?

  @Flag(inversion: .prefixedNo, help: "Run eligible 3x3 layers as Winograd F(2x2, 3x3) (--no-winograd: direct only).")
  var winograd = true

  func run() throws {
    HeapTuning.holdFreedMemory()
    if let threads { Parallelism.threadCount = threads }
    WinogradTuning.isEnabled = winograd
    if let profile {
      let (network, input) = EngineBenchmark.workload(profile)
      if profile.hasPrefix("train_") {
        EngineBenchmark.trainingProfileLines(network, input).forEach { print($0) }
        return
      }
      EngineBenchmark.profileLines(try network.profile(input)).forEach { print($0) }
      return
    }
    let rows = try EngineBenchmark.run(filter: filter, seconds: seconds) { line in
      if !json { print(line) }
    }
    // The display path: drawing and encoding feature maps, and whole MIME bundles.
    let wantsRender = filter.map { "render".containsText($0) || $0.containsText("render") } ?? true
    let pictures = (wantsRender ? RenderBenchmark.run() : []) + DisplayBenchmark.run(filter: filter)
    if !json {
      for (name, ms) in pictures {
        print(leftAligned(name, width: 50) + printfFormat(" %10.3f ms", ms))
      }
      if filter.map({ "summary(VGG16())".containsText($0) }) ?? true {
        print(leftAligned("summary(VGG16())", width: 50) + printfFormat(" %10.3f ms", ModelBenchmark.cellMilliseconds(seconds: seconds)))
      }
    }
    let report = memory ? try EngineBenchmark.vggMemory() : nil
    if json {
      // Display timings go in their own list, beside the engine's rows.
      let engine = EngineBenchmark.json(rows, memory: report)
      let display = pictures.map { "{\"name\": \"\($0.name)\", \"ms\": \($0.ms)}" }.joined(separator: ", ")
      print(String(engine.dropLast()) + ", \"display\": [" + display + "]}")
    } else if let report {
      print(
        "VGG-16 keeping every output: weights \(formatBytes(report.weightBytes)), "
          + "outputs \(formatBytes(report.outputBytes)), peak resident \(formatBytes(report.peakResidentBytes))")
    }
  }
}
