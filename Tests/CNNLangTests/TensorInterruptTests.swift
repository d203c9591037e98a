import CNNLang
import Foundation
import Testing

/// An interrupt reaches inside a long tensor operation: the engine polls the interpreter's
/// cancellation flag between tiles, so a big convolution ends with KeyboardInterrupt at once
/// rather than when it would have finished.
struct TensorInterruptTests {
  final class Signal: LanguageHost, @unchecked Sendable {
    let started = DispatchSemaphore(value: 0)
    func write(_ text: String, toStderr: Bool) { started.signal() }
    func show(_ value: Value, options: [String: Value]) {}
    func clearOutput(wait: Bool) {}
    func page(_ text: String) {}
  }

  final class Outcome: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var result: CellResult?
  }

  @Test func bigConvolutionStopsWithinATenthOfASecond() throws {
    let interpreter = Interpreter()
    // About 15 billion multiply-adds: seconds of work on two cores.
    _ = interpreter.run("x = randn((448, 448, 64), seed=1)\nk = randn((3, 3, 64, 128), seed=2)", cellID: 1, host: RecordingHost())
    let signal = Signal()
    let outcome = Outcome()
    let thread = Thread {
      outcome.result = interpreter.run("print('go')\ny = conv2d(x, k, padding=\"same\")", cellID: 2, host: signal)
      outcome.done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    signal.started.wait()
    Thread.sleep(forTimeInterval: 0.05)
    let cancelled = Date()
    interpreter.cancellation.cancel()
    outcome.done.wait()
    let latency = Date().timeIntervalSince(cancelled)
    #expect(latency < 0.1, "took \(latency) s")
    guard case .failure(let error)? = outcome.result else {
      Issue.record("the convolution should have been interrupted")
      return
    }
    #expect(error.kind == .keyboardInterrupt)
    #expect(interpreter.value(of: "y") == nil)
    #expect(CellRun("x.shape", interpreter: interpreter, cellID: 3).shown == "(448, 448, 64)")
  }
}
