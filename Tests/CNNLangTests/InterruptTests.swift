import CNNLang
import Foundation
import Synchronization
import Testing

/// An interrupt must end a running cell within 100 ms with KeyboardInterrupt, keep every
/// name, and leave the interpreter ready for the next cell.
struct InterruptTests {
  /// Runs `code` on its own thread, cancels after `delay`, and reports how long the cell took
  /// to end after the cancel and what it returned.
  /// The cell first prints, so the test cancels only once the cell is surely running (a cancel
  /// that arrives before `run` starts is discarded, as Jupyter wants for an idle kernel).
  private func interrupt(_ code: String, after delay: Double, interpreter: Interpreter) -> (latency: Double, result: CellResult) {
    let box = ResultBox()
    let started = DispatchSemaphore(value: 0)
    let thread = Thread {
      let result = interpreter.run("print('started')\n" + code, cellID: 2, host: StartSignal(started))
      box.finish(result)
    }
    thread.stackSize = 64 << 20
    thread.start()
    started.wait()
    Thread.sleep(forTimeInterval: delay)
    let cancelled = Date()
    interpreter.cancellation.cancel()
    let result = box.wait()
    return (Date().timeIntervalSince(cancelled), result)
  }

  @Test(arguments: [
    "sleep(30)",
    "while True:\n    pass",
    "n = 0\nfor i in range(10**9):\n    n += 1",
    "def spin():\n    while True:\n        x = 1\nspin()",
    "xs = [i for i in range(10**8)]",
  ])
  func endsWithin100Milliseconds(_ code: String) throws {
    let interpreter = Interpreter()
    _ = interpreter.run("kept = 'yes'", cellID: 1, host: RecordingHost())
    let (latency, result) = interrupt(code, after: 0.2, interpreter: interpreter)
    #expect(latency < 0.1, "took \(latency) s")
    guard case .failure(let error) = result else {
      Issue.record("the cell should have been interrupted")
      return
    }
    #expect(error.kind == .keyboardInterrupt)
    #expect(error.kind.name == "KeyboardInterrupt")
    #expect(interpreter.value(of: "kept") == .string("yes"))
    let next = CellRun("kept + '!'", interpreter: interpreter, cellID: 3)
    #expect(next.shown == "'yes!'")
  }

  /// One long operation of the language itself, on values made in an earlier cell: writing
  /// the text of a shared nest, sorting a million strings, comparing ten million lists.
  @Test(.serialized, arguments: [
    ("x = [0]\nfor i in range(40):\n    x = [x, x]", "s = repr(x)"),
    ("xs = ['abc' * 10] * 10**6", "ys = sorted(xs)"),
    ("xs = [[0]] * 10**7\nys = [[0]] * 10**7", "same = xs == ys"),
  ])
  func longOperationsEndWithin100Milliseconds(setup: String, operation: String) throws {
    let interpreter = Interpreter()
    _ = interpreter.run(setup, cellID: 1, host: RecordingHost())
    let (latency, result) = interrupt(operation, after: 0.3, interpreter: interpreter)
    #expect(latency < 0.1, "took \(latency) s")
    if case .failure(let error) = result { #expect(error.kind == .keyboardInterrupt) } else { Issue.record("not interrupted") }
  }

  @Test func namesAssignedBeforeTheInterruptKeepTheirValues() {
    let interpreter = Interpreter()
    let (_, result) = interrupt("before = 1\nsleep(30)\nafter = 2", after: 0.1, interpreter: interpreter)
    if case .failure(let error) = result { #expect(error.kind == .keyboardInterrupt) } else { Issue.record("not interrupted") }
    #expect(interpreter.value(of: "before") == .number(1))
    #expect(interpreter.value(of: "after") == nil)
  }

  @Test func aStaleInterruptDoesNotStopTheNextCell() {
    let interpreter = Interpreter()
    interpreter.cancellation.cancel()
    #expect(CellRun("1 + 1", interpreter: interpreter).shown == "2")
  }
}

/// A host that signals when the cell first writes.
private final class StartSignal: LanguageHost, @unchecked Sendable {
  private let semaphore: DispatchSemaphore
  private var signalled = false
  init(_ semaphore: DispatchSemaphore) { self.semaphore = semaphore }
  func write(_ text: String, toStderr: Bool) {
    if !signalled {
      signalled = true
      semaphore.signal()
    }
  }
  func show(_ value: Value, options: [String: Value]) {}
  func clearOutput(wait: Bool) {}
  func page(_ text: String) {}
}

/// Hands a cell's result from the worker thread to the test.
private final class ResultBox: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: CellResult?

  func finish(_ value: CellResult) {
    condition.lock()
    result = value
    condition.signal()
    condition.unlock()
  }

  func wait() -> CellResult {
    condition.lock()
    defer { condition.unlock() }
    while result == nil { condition.wait() }
    return result ?? .value(nil)
  }
}
