import JupyterKernel
import JupyterProtocol
import Testing

@Suite struct ControlTests {
  func control(_ h: Harness, _ content: some MessageContent) -> (Message, KernelAction) {
    let request = h.transport.request(content)
    return (request, h.dispatcher.control.handle(request, transport: h.transport))
  }

  @Test func startingIsPublishedWithAnEmptyParent() {
    let h = Harness()
    h.dispatcher.control.publishStarting(on: h.transport)
    #expect(h.transport.sent.count == 1)
    #expect(h.transport.sent[0].content == .object(["execution_state": .string("starting")]))
    #expect(h.transport.sent[0].parentHeader == .object([:]))
  }

  @Test func kernelInfoOnControlRepliesOnControl() throws {
    let h = Harness()
    let (request, action) = control(h, KernelInfoRequest())
    #expect(action == .none)
    #expect(h.trace(request) == ["iopub:busy", "control:kernel_info_reply", "iopub:idle"])
    #expect(h.reply(request, on: .control)?["language_info"]?["name"] == .string("calc"))
  }

  @Test func interruptDuringACellReachesTheLanguage() throws {
    let h = Harness()
    var interrupt: Message?
    h.language.duringWait = {
      let request = h.transport.request(InterruptRequest())
      interrupt = request
      #expect(h.dispatcher.control.handle(request, transport: h.transport) == .none)
    }
    let cell = h.execute("wait")
    let request = try #require(interrupt)
    #expect(h.reply(request, on: .control) == .object(["status": .string("ok")]))
    #expect(h.trace(request) == ["iopub:busy", "control:interrupt_reply", "iopub:idle"])
    #expect(h.language.interrupts.load(ordering: .relaxed) == 1)
    #expect(h.reply(cell)?["ename"] == .string("KeyboardInterrupt"))
  }

  @Test func interruptBetweenCellsIsAnsweredButNotForwarded() {
    let h = Harness()
    let (request, action) = control(h, InterruptRequest())
    #expect(action == .none)
    #expect(h.reply(request, on: .control) == .object(["status": .string("ok")]))
    #expect(h.language.interrupts.load(ordering: .relaxed) == 0)
    #expect(!h.dispatcher.control.interrupt())
  }

  @Test(arguments: [false, true])
  func shutdownRepliesThenAsksTheHostToExit(restart: Bool) {
    let h = Harness()
    let (request, action) = control(h, ShutdownRequest(restart: restart))
    #expect(action == .shutdown(restart: restart))
    #expect(h.reply(request, on: .control) == .object(["status": .string("ok"), "restart": .bool(restart)]))
    #expect(h.trace(request) == ["iopub:busy", "control:shutdown_reply", "iopub:shutdown_reply", "iopub:idle"])
  }

  @Test func malformedShutdownIsAnErrorReplyAndTheKernelStays() throws {
    let h = Harness()
    let request = h.transport.request(msgType: "shutdown_request", json: #"{"restart": "yes"}"#)
    #expect(h.dispatcher.control.handle(request, transport: h.transport) == .none)
    let reply = try #require(h.reply(request, on: .control))
    #expect(reply["status"] == .string("error"))
    #expect(reply["ename"] == .string("ProtocolError"))
    #expect(h.transport.reply(to: request, on: .control)?.type == "shutdown_reply")
  }

  @Test func shutdownOnShellStillWorks() {
    let h = Harness()
    let request = h.transport.request(ShutdownRequest())
    #expect(h.dispatcher.handle(request, transport: h.transport) == .shutdown(restart: false))
    #expect(h.transport.reply(to: request, on: .shell)?.type == "shutdown_reply")
  }

  @Test func executeOnControlIsIgnoredWithBusyIdle() {
    let h = Harness()
    let (request, action) = control(h, ExecuteRequest(code: "1"))
    #expect(action == .none)
    #expect(h.trace(request) == ["iopub:busy", "iopub:idle"])
    #expect(h.language.executed.isEmpty)
  }

  @Test func stateMachineCountsAndAbortWindow() {
    var state = ExecutionStateMachine()
    #expect(state.beginExecute(silent: false, storeHistory: true) == .run(count: 1, storeHistory: true))
    #expect(state.beginExecute(silent: true, storeHistory: true) == .run(count: 1, storeHistory: false))
    state.finishExecute(failed: true, stopOnError: false)
    #expect(!state.isAborting)
    state.finishExecute(failed: true, stopOnError: true)
    #expect(state.beginExecute(silent: false, storeHistory: true) == .abort)
    state.queueDrained()
    #expect(state.beginExecute(silent: false, storeHistory: true) == .run(count: 2, storeHistory: true))
  }
}
