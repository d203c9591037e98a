import Dispatch
import JupyterKernel
import JupyterProtocol
import JupyterZMQ
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `sleep`: says "started", then spins until interrupted (at most 5 s); `print TEXT`;
/// anything else is its own result.
final class SpinLanguage: KernelLanguage {
  private let stop = Atomic<Bool>(false)
  var info: LanguageInfo {
    LanguageInfo(
      name: "spin", version: "1", mimetype: "text/plain", fileExtension: ".spin", pygmentsLexer: "text",
      codemirrorMode: "null", implementation: "spin", implementationVersion: "1", banner: "")
  }
  func execute(code: String, executionCount: Int, silent: Bool, output: any ExecutionOutput) -> ExecutionOutcome {
    defer { stop.store(false, ordering: .relaxed) }
    if code == "sleep" {
      output.stream("started\n", toStderr: false)
      for _ in 0..<5000 {
        if stop.load(ordering: .relaxed) {
          return .error(ExecutionError(name: "KeyboardInterrupt", value: "", traceback: []))
        }
        usleep(1000)
      }
      return .ok(result: nil)
    }
    if code.hasPrefix("print ") {
      output.stream(String(code.dropFirst(6)) + "\n", toStderr: false)
      return .ok(result: nil)
    }
    return .ok(result: .plain(code))
  }
  func evaluate(expression: String) -> Result<MimeBundle, ExecutionError> { .success(.plain(expression)) }
  func complete(code: String, cursorPosition: Int) -> CompletionResult {
    CompletionResult(matches: [], cursorStart: cursorPosition, cursorEnd: cursorPosition)
  }
  func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> MimeBundle? { nil }
  func isComplete(code: String) -> Completeness { .complete }
  func interrupt() { stop.store(true, ordering: .relaxed) }
  func reset() {}
}

/// The server running on a background thread, and what it returned.
final class RunningServer: @unchecked Sendable {
  let info: ConnectionInfo
  let logLines = Mutex<[String]>([])
  let exitStatus = Mutex<Int32?>(nil)
  private let finished = DispatchSemaphore(value: 0)

  init() {
    // Abstract-namespace IPC endpoints (Linux): no ports to collide, no files left behind.
    let name = "@jupyter-zmq-test-" + HeaderFactory.randomHex(bytes: 6)
    info = ConnectionInfo(
      transport: "ipc", ip: name, shellPort: 1, controlPort: 2, stdinPort: 3, iopubPort: 4, hbPort: 5,
      key: "server-test-key")
  }

  func start() {
    let language = Handoff(SpinLanguage())
    Thread.detach { [self] in
      let status = try? KernelServer.run(
        info: info, language: language.value, log: { line in self.logLines.withLock { $0.append(line) } })
      exitStatus.withLock { $0 = status }
      finished.signal()
    }
  }

  /// Whether `run` returned within `milliseconds`.
  func waitForExit(milliseconds: Int) -> Bool {
    finished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
  }
}

struct Handoff<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

enum Thread {
  static func detach(_ body: @escaping @Sendable () -> Void) {
    DispatchQueue.global().async(execute: body)
  }
}

#if os(Linux)
  @Suite(.serialized) struct KernelServerTests {
    /// Connects, waits until iopub is live (the XPUB greets the subscription), and runs `body`.
    func withServer(_ body: (RunningServer, TestClient) throws -> Void) throws {
      let server = RunningServer()
      server.start()
      let client = try TestClient(info: server.info)
      // `starting` can only come first if it was published after the subscription took
      // effect; then the greeting follows it.
      var first = try client.receive(on: client.iopub)
      if first.header.msgType == "status" { first = try client.receive(on: client.iopub) }
      #expect(first.header.msgType == "iopub_welcome")
      try body(server, client)
      if server.exitStatus.withLock({ $0 }) == nil {
        client.send(ShutdownRequest(), on: client.control)
        #expect(server.waitForExit(milliseconds: 2000))
      }
    }

    @Test func kernelInfoAndExecuteOverRealSockets() throws {
      try withServer { _, client in
        let info = client.send(KernelInfoRequest(), on: client.shell)
        let reply = try client.receive(on: client.shell)
        #expect(reply.header.msgType == "kernel_info_reply")
        #expect(reply.parentHeader == info.rawHeader)
        #expect(try client.iopubUntilIdle(of: info).map(\.type) == ["status", "status"])

        let execute = client.send(ExecuteRequest(code: "print hi"), on: client.shell)
        #expect(try client.content(try client.receive(on: client.shell))["status"] == .string("ok"))
        let outputs = try client.iopubUntilIdle(of: execute)
        #expect(outputs.map(\.type) == ["status", "execute_input", "stream", "status"])
        #expect(outputs[2].content["text"] == .string("hi\n"))
      }
    }

    @Test func forgedSignaturesAreDroppedAndLogged() throws {
      try withServer { server, client in
        var forged = client.codec.encode(Message(header: client.factory.make(.kernelInfoRequest)))
        forged[1] = Array(String(repeating: "0", count: 64).utf8)
        client.sendFrames(forged, on: client.shell)
        #expect(client.receiveFrames(on: client.shell, milliseconds: 300) == nil)
        #expect(server.logLines.withLock { $0 }.contains { $0.contains("invalid HMAC signature") })
      }
    }

    @Test func heartbeatEchoes() throws {
      try withServer { _, client in
        client.sendFrames([Array("ping".utf8)], on: client.heartbeat)
        #expect(client.receiveFrames(on: client.heartbeat, milliseconds: 2000) == [Array("ping".utf8)])
      }
    }

    @Test func controlInterruptsARunningCell() throws {
      try withServer { _, client in
        let cell = client.send(ExecuteRequest(code: "sleep"), on: client.shell)
        // Interrupts reach a language only while its cell runs: wait until it has started.
        while try client.receive(on: client.iopub).header.msgType != "stream" {}
        _ = try client.iopubUntilIdle(of: client.send(KernelInfoRequest(), on: client.control))  // answered mid-cell
        #expect(try client.receive(on: client.control).header.msgType == "kernel_info_reply")
        client.send(InterruptRequest(), on: client.control)
        #expect(try client.content(try client.receive(on: client.control)) == .object(["status": .string("ok")]))
        let reply = try client.receive(on: client.shell, milliseconds: 1000)
        #expect(reply.parentHeader == cell.rawHeader)
        #expect(try client.content(reply)["ename"] == .string("KeyboardInterrupt"))
      }
    }

    @Test func shutdownRepliesAndReturnsPromptly() throws {
      try withServer { server, client in
        client.send(ShutdownRequest(restart: true), on: client.control)
        let reply = try client.receive(on: client.control)
        #expect(try client.content(reply) == .object(["status": .string("ok"), "restart": .bool(true)]))
        #expect(server.waitForExit(milliseconds: 1000))
        #expect(server.exitStatus.withLock { $0 } == 0)
      }
    }
  }
#endif
