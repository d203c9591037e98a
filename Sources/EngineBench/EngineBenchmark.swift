import Glibc
import TensorEngine
import TextAndTime

/// One measured workload.
public struct BenchmarkRow: Sendable {
  public var name: String
  /// Multiply-accumulates of one call (0 for pooling).
  public var macs: Int
  /// Median wall time of one call.
  public var milliseconds: Double
  /// Processor time of the whole process per call (all threads). On a busy machine this is
  /// steadier than wall time: divided by the thread count, it approximates the quiet wall time.
  public var cpuMilliseconds: Double = 0
  /// Images per call (training steps; 1 for the forward workloads).
  public var batch = 1
  /// Training steps: the weights' and the kept layer outputs' own sizes, and the process's
  /// peak resident set after the workload.
  public var weightBytes = 0
  public var activationBytes = 0
  public var peakResidentBytes = 0
  public var imagesPerSecond: Double { milliseconds > 0 ? Double(batch) * 1000 / milliseconds : 0 }
  /// `2 * macs / time`, the figure the peers report.
  public var gflops: Double { milliseconds > 0 ? 2 * Double(macs) / (milliseconds * 1e6) : 0 }
}

/// Memory of a VGG-16 forward pass that keeps every layer's output.
public struct MemoryReport: Sendable {
  public var weightBytes: Int
  public var outputBytes: Int
  /// The process's peak resident set after the pass (weights, outputs, workspaces, runtime).
  public var peakResidentBytes: Int
}

/// The engine's benchmark: single convolutions, a max pool and three whole networks at
/// batch 1, the shapes the peer figures were measured on.
public enum EngineBenchmark {
  /// Every workload's name, in the order they run.
  public static let workloadNames = [
    "conv3x3_64x224x224_to64", "conv3x3_256x56x56_to256", "conv3x3_512x14x14_to512",
    "conv11x11s4_3x227x227_to96", "conv5x5_1x32x32_to6", "maxpool2x2s2_64x224x224",
    "lenet5", "alexnet", "vgg16", "train_lenet5", "train_mnist_convnet", "train_vgg16",
  ]

  /// Batch sizes of the training steps: 32 as Keras's `fit` defaults to, 8 for VGG-16.
  static let trainingBatch = ["train_lenet5": 32, "train_mnist_convnet": 32, "train_vgg16": 8]

  /// Runs the workloads whose names contain `filter` (all when `nil`), each for at least
  /// `seconds` after a warm-up, and returns the median time of a call.
  public static func run(filter: String? = nil, seconds: Double = 1.0, log: (String) -> Void = { _ in }) throws
    -> [BenchmarkRow]
  {
    var rows: [BenchmarkRow] = []
    for name in workloadNames where filter.map({ name.containsText($0) }) ?? true {
      let (network, input) = workload(name)
      if name.hasPrefix("train_") {
        let step = TrainingStep(network: network, optimizer: try Optimizer.adam())
        var activationBytes = 0
        let (ms, cpu) = try measure(seconds: seconds, minimumSamples: name == "train_vgg16" ? 3 : 5) {
          activationBytes = try step.run(input).activationBytes
        }
        let row = BenchmarkRow(
          name: name, macs: try network.trainingMACs(), milliseconds: ms, cpuMilliseconds: cpu, batch: input.shape[0],
          weightBytes: network.weightBytes, activationBytes: activationBytes, peakResidentBytes: peakResidentBytes())
        log(format(row))
        rows.append(row)
        continue
      }
      let macs = try network.macs()
      let (ms, cpu) = try measure(seconds: seconds) { try network.forward(input, keepOutputs: false) }
      let row = BenchmarkRow(name: name, macs: macs, milliseconds: ms, cpuMilliseconds: cpu)
      log(format(row))
      rows.append(row)
    }
    return rows
  }

  /// VGG-16 once with every layer's output kept.
  public static func vggMemory() throws -> MemoryReport {
    let (network, input) = workload("vgg16")
    let outputs = try network.forward(input, keepOutputs: true)
    let outputBytes = outputs.reduce(0) { $0 + $1.count * MemoryLayout<Float>.stride }
    return MemoryReport(
      weightBytes: network.weightBytes, outputBytes: outputBytes, peakResidentBytes: peakResidentBytes())
  }

  /// A network and a random input for a workload name.
  public static func workload(_ name: String) -> (Network, Tensor) {
    let network: Network
    switch name {
    case "conv3x3_64x224x224_to64":
      network = Zoo.singleConv(name: name, size: 224, channels: 64, filters: 64, kernel: 3, padding: .same)
    case "conv3x3_256x56x56_to256":
      network = Zoo.singleConv(name: name, size: 56, channels: 256, filters: 256, kernel: 3, padding: .same)
    case "conv3x3_512x14x14_to512":
      network = Zoo.singleConv(name: name, size: 14, channels: 512, filters: 512, kernel: 3, padding: .same)
    case "conv11x11s4_3x227x227_to96":
      network = Zoo.singleConv(name: name, size: 227, channels: 3, filters: 96, kernel: 11, strides: 4, padding: .valid)
    case "conv5x5_1x32x32_to6":
      network = Zoo.singleConv(name: name, size: 32, channels: 1, filters: 6, kernel: 5, padding: .valid)
    case "maxpool2x2s2_64x224x224":
      network = Network(name: name, inputShape: [1, 224, 224, 64], layers: [.pool(.max, size: 2, strides: 2)])
    case "train_lenet5": network = Zoo.lenet5Training(batch: trainingBatch[name]!)
    case "train_mnist_convnet": network = Zoo.mnistConvnet(batch: trainingBatch[name]!)
    case "train_vgg16": network = Zoo.vgg16Training(batch: trainingBatch[name]!)
    case "lenet5": network = Zoo.lenet5()
    case "alexnet": network = Zoo.alexnet()
    default: network = Zoo.vgg16()
    }
    var generator = SeededGenerator(seed: 42)
    var values = [Float](repeating: 0, count: Tensor.count(of: network.inputShape))
    for i in values.indices { values[i] = generator.symmetric() }
    return (network, Tensor(shape: network.inputShape, values: values))
  }

  /// Median wall milliseconds of a call, and the process's processor milliseconds per call.
  static func measure(seconds: Double, minimumSamples: Int = 5, _ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
    try body()
    try body()
    var samples: [Double] = []
    let cpuStart = processorSeconds()
    let start = MonotonicClock.nanoseconds()
    while samples.count < minimumSamples || (MonotonicClock.milliseconds(since: start) < seconds * 1000 && samples.count < 10_000) {
      let t0 = MonotonicClock.nanoseconds()
      try body()
      samples.append(MonotonicClock.milliseconds(since: t0))
    }
    let cpu = (processorSeconds() - cpuStart) * 1e3 / Double(samples.count)
    samples.sort()
    return (samples[samples.count / 2], cpu)
  }

  /// User plus system time of this process so far.
  static func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
  }

  /// The peak resident set of this process's own address space: `VmHWM` from
  /// /proc/self/status. Not `getrusage`'s `ru_maxrss`, which Linux carries across fork and
  /// exec, so a process started by a large parent (the ONNX Runtime script holding VGG-16)
  /// would report the parent's peak as its own.
  static func peakResidentBytes() -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      guard text.hasPrefix("VmHWM:") else { continue }
      // "VmHWM:    649752 kB"
      let kib = Int(text.dropFirst(6).filter { $0.isNumber }) ?? 0
      return kib * 1024
    }
    return 0
  }

  /// One aligned line per row.
  public static func format(_ row: BenchmarkRow) -> String {
    let ms = printfFormat("%10.3f", row.milliseconds)
    let gflops = printfFormat("%8.1f", row.gflops)
    let cpu = printfFormat("%10.3f", row.cpuMilliseconds)
    let images = row.batch > 1 ? printfFormat("  %8.0f img/s", row.imagesPerSecond) : ""
    return "\(leftAligned(row.name, width: 30)) \(ms) ms \(gflops) GFLOP/s \(cpu) cpu-ms  \(row.macs) MACs" + images
  }

  /// A workload's layers with their median times, one line each.
  public static func profileLines(_ timings: [(layer: String, milliseconds: Double)]) -> [String] {
    timings.map { printfFormat("%9.3f ms  ", $0.milliseconds) + $0.layer }
  }

  /// A training step's layers with their median forward and backward times, one line each.
  public static func trainingProfileLines(_ network: Network, _ input: Tensor) -> [String] {
    let step = TrainingStep(network: network, optimizer: try? Optimizer.adam())
    let repetitions = input.shape[0] * input.count > 10_000_000 ? 3 : 30
    var forward = [[Double]](repeating: [], count: network.layers.count)
    var backward = forward
    for _ in 0...repetitions {
      _ = try? step.run(input) { layer, f, b in
        forward[layer].append(f)
        backward[layer].append(b)
      }
    }
    let median = { (times: [Double]) in times.sorted()[times.count / 2] }
    var lines = ["  forward   backward  layer"]
    for (index, layer) in network.layers.enumerated() {
      lines.append(printfFormat("%9.3f  ", median(forward[index])) + printfFormat("%9.3f  ", median(backward[index])) + layer.summary)
    }
    let total = (0..<network.layers.count).reduce((0.0, 0.0)) { ($0.0 + median(forward[$1]), $0.1 + median(backward[$1])) }
    lines.append(printfFormat("%9.3f  ", total.0) + printfFormat("%9.3f  total (ms)", total.1))
    return lines
  }

  /// A plain-text table.
  public static func table(_ rows: [BenchmarkRow]) -> String {
    let header = leftAligned("workload", width: 30) + "         ms  GFLOP/s"
    return ([header] + rows.map(format)).joined(separator: "\n")
  }

  /// The rows (and the memory report, when given) as JSON, for the comparison script.
  public static func json(_ rows: [BenchmarkRow], memory: MemoryReport? = nil) -> String {
    let entries = rows.map {
      "{\"name\": \"\($0.name)\", \"macs\": \($0.macs), \"ms\": \($0.milliseconds), \"gflops\": \($0.gflops), \"cpu_ms\": \($0.cpuMilliseconds), "
        + "\"batch\": \($0.batch), \"weight_bytes\": \($0.weightBytes), \"activation_bytes\": \($0.activationBytes), "
        + "\"peak_resident_bytes\": \($0.peakResidentBytes)}"
    }
    var object = "{\"threads\": \(Parallelism.threadCount), \"rows\": [" + entries.joined(separator: ", ") + "]"
    if let memory {
      object +=
        ", \"vgg16_memory\": {\"weight_bytes\": \(memory.weightBytes), \"output_bytes\": \(memory.outputBytes), "
        + "\"peak_resident_bytes\": \(memory.peakResidentBytes)}"
    }
    return object + "}"
  }
}
