import ArgumentParser
import CNNLang
import EngineBench
import Foundation
import TensorEngine

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

  func run() throws {
    let rows = try EngineBenchmark.run(filter: filter, seconds: seconds) { line in
      if !json { print(line) }
    }
    if !json, filter.map({ "summary(VGG16())".contains($0) }) ?? true {
      print("summary(VGG16())".padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: " %10.3f ms", ModelBenchmark.cellMilliseconds(seconds: seconds)))
    }
    let report = memory ? try EngineBenchmark.vggMemory() : nil
    if json {
      print(EngineBenchmark.json(rows, memory: report))
    } else if let report {
      print(
        "VGG-16 keeping every output: weights \(formatBytes(report.weightBytes)), "
          + "outputs \(formatBytes(report.outputBytes)), peak resident \(formatBytes(report.peakResidentBytes))")
    }
  }
}
