import CNNLang
import Foundation
import TensorEngine
import Testing

/// Models: summaries without weights, forward passes through the zoo, the summary table.
struct ModelTests {
  /// Resident memory of this process, from /proc (Linux).
  static func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  @Test func vgg16SummaryMakesNoWeights() throws {
    let before = ModelTests.residentBytes()
    let start = Date()
    let run = CellRun("s = summary(VGG16())\nprint(s)")
    let seconds = Date().timeIntervalSince(start)
    #expect(run.error == nil)
    #expect(run.host.stdout.contains("Total params: 138,357,544"))
    #expect(run.host.stdout.contains("fc1 (Dense)"))
    #expect(run.host.stdout.contains("25088·4096+4096 = 102,764,544"))
    // 138M float32 weights would be 553 MB and take a second to draw.
    #expect(seconds < 0.5)
    #expect(ModelTests.residentBytes() - before < 50 << 20)
  }

  @Test func summaryRowsCarryTheCountsAndTheArithmetic() throws {
    let run = CellRun("summary(AlexNet(groups=2))")
    guard case .value(.summary(let summary)?) = run.result else {
      Issue.record("not a summary: \(run.shown)")
      return
    }
    #expect(summary.totalParameters == 60_965_224)
    let conv2 = try #require(summary.rows.first { $0.name == "conv2" })
    // 256 filters of 5x5 over 96 / 2 channels each.
    #expect(conv2.arithmetic == "256·(5·5·48)+256 = 307,456")
    #expect(conv2.outputShape == "(None, 27, 27, 256)")
    #expect(conv2.macs == 27 * 27 * 256 * 5 * 5 * 48)
    #expect(summary.rows.first?.type == "InputLayer")
  }

  @Test func functionalSummariesShowConnections() throws {
    let run = CellRun("x = Input((8, 8, 4))\ny = Conv2D(4, 3, padding=\"same\", name=\"c\")(x)\nm = Model(x, y + x)\nsummary(m)")
    guard case .value(.summary(let summary)?) = run.result else {
      Issue.record("not a summary: \(run.shown)")
      return
    }
    #expect(summary.showsConnections)
    #expect(summary.rows.last?.connectedTo == ["c", "input_layer"])
    #expect(summary.text.contains("Connected to"))
  }

  /// Every zoo network runs on one image and gives 1000 (or 10) probabilities.
  @Test(arguments: [
    ("LeNet5()", "[[0.5] * 32] * 32", 10), ("AlexNet(groups=2)", "[[[0.5, 0.2, 0.1]] * 227] * 227", 1000),
    ("ResNet18()", "[[[0.5, 0.2, 0.1]] * 224] * 224", 1000), ("GoogLeNet()", "[[[0.5, 0.2, 0.1]] * 224] * 224", 1000),
  ])
  func zooForwardPass(_ model: String, _ input: String, _ classes: Int) throws {
    let interpreter = Interpreter()
    let run = CellRun("net = \(model)\np = net(\(input))\nmaps = features(net, \(input))\nn = len(maps)", interpreter: interpreter)
    #expect(run.error == nil, "\(run.shown)")
    guard case .tensor(let p, _)? = interpreter.value(of: "p") else {
      Issue.record("no output")
      return
    }
    #expect(p.shape == [classes])
    #expect(abs(p.values.reduce(0, +) - 1) < 1e-4)
    #expect(p.values.allSatisfy { $0 >= 0 })
  }

  @Test func batchesGiveBatchedOutputsAndKeepBatchedFeatures() throws {
    let interpreter = Interpreter()
    let run = CellRun("net = LeNet5()\np = net([[[0.1] * 32] * 32, [[0.9] * 32] * 32])\nc1 = net.layers[0].output", interpreter: interpreter)
    #expect(run.error == nil, "\(run.shown)")
    guard case .tensor(let p, _)? = interpreter.value(of: "p"), case .tensor(let c1, let origin)? = interpreter.value(of: "c1") else {
      Issue.record("no output")
      return
    }
    #expect(p.shape == [2, 10])
    #expect(c1.shape == [2, 28, 28, 6])
    guard case .convolution(_, let kernel, _, _, _, _, _, let activation, let layerName)? = origin else {
      Issue.record("c1 should remember its convolution")
      return
    }
    #expect(kernel.shape == [5, 5, 1, 6])
    #expect(activation == .tanh)
    #expect(layerName == "c1")
  }

  /// A VGG-16 pass takes over a second here; an interrupt 0.2 s in must end it early.
  @Test func anInterruptStopsAForwardPass() {
    let interpreter = Interpreter()
    let flag = interpreter.cancellation
    let started = Date()
    Thread.detachNewThread {
      Thread.sleep(forTimeInterval: 0.2)
      flag.cancel()
    }
    let run = CellRun("net = VGG16()\nnet([[[0.5, 0.5, 0.5]] * 224] * 224)", interpreter: interpreter)
    #expect(run.error?.kind == .keyboardInterrupt)
    #expect(Date().timeIntervalSince(started) < 3)
  }
}
