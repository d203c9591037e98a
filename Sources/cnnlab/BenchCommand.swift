import ArgumentParser
import EngineBench

/// `cnnlab bench`: the engine's timings (convolutions, pooling, whole networks) as a table,
/// or as JSON for `bench/onnx_bench.py`, which sets them beside ONNX Runtime's.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Time the tensor engine on the chapters' workloads.")

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    try EngineBenchmark.main(json: json)
  }
}
