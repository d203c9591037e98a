import EngineBench
import Foundation
import TensorEngine

// engine-bench [--json] [--filter NAME] [--seconds S] [--memory] [--threads N] [--panel-kib K]
var arguments = CommandLine.arguments.dropFirst()
var asJSON = false
var filter: String?
var seconds = 1.0
var memory = false
var profile: String?
while let argument = arguments.popFirst() {
  switch argument {
  case "--json": asJSON = true
  case "--memory": memory = true
  case "--filter": filter = arguments.popFirst()
  case "--profile": profile = arguments.popFirst()
  case "--seconds": seconds = arguments.popFirst().flatMap(Double.init) ?? seconds
  case "--threads": Parallelism.threadCount = arguments.popFirst().flatMap(Int.init) ?? Parallelism.threadCount
  case "--panel-kib": ConvolutionTuning.panelBytes = (arguments.popFirst().flatMap(Int.init) ?? 512) << 10
  default:
    FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
    exit(2)
  }
}

do {
  if let profile {
    let (network, input) = EngineBenchmark.workload(profile)
    for (layer, ms) in try network.profile(input) { print(String(format: "%9.3f ms  ", ms) + layer) }
    exit(0)
  }
  let rows = try EngineBenchmark.run(filter: filter, seconds: seconds) { line in
    if !asJSON { print(line) }
  }
  let report = memory ? try EngineBenchmark.vggMemory() : nil
  if asJSON {
    print(EngineBenchmark.json(rows, memory: report))
  } else if let report {
    print(
      "VGG-16 keeping every output: weights \(formatBytes(report.weightBytes)), outputs \(formatBytes(report.outputBytes)), "
        + "peak resident \(formatBytes(report.peakResidentBytes))")
  }
} catch {
  FileHandle.standardError.write(Data("engine-bench: \(error)\n".utf8))
  exit(1)
}
