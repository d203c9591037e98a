import JupyterKernel
import JupyterProtocol
import Testing

/// Comms both ways over the in-memory transport: the wire fields are read back from the
/// decoded frames, so these are what a frontend would receive.
@Suite struct CommTests {
  func commMessage(_ h: Harness, _ id: String, _ data: JSONValue, buffers: [[UInt8]] = []) -> Message {
    var message = h.transport.request(CommMsg(commID: id, data: data))
    message.buffers = buffers
    h.dispatcher.handle(message, transport: h.transport)
    return message
  }

  @Test func aFrontendOpensTalksToAndClosesARegisteredTarget() throws {
    let h = Harness()
    let echo = EchoHandler()
    h.dispatcher.comms.register(echo, as: "calc.echo")
    var open = h.transport.request(CommOpen(commID: "c-1", targetName: "calc.echo", data: .object(["a": .number(1)])))
    open.metadata = RawJSON(Array(#"{"version":"2.1.0"}"#.utf8))
    h.dispatcher.handle(open, transport: h.transport)
    #expect(h.trace(open) == ["iopub:busy", "iopub:idle"])
    #expect(echo.openings == [CommPayload(data: .object(["a": .number(1)]), metadata: .object(["version": .string("2.1.0")]))])

    let msg = commMessage(h, "c-1", .object(["x": .string("y")]), buffers: [[1, 2, 3], [9]])
    // Busy/idle parented to the comm_msg is what releases the frontend's throttle.
    #expect(h.trace(msg) == ["iopub:busy", "iopub:comm_msg", "iopub:idle"])
    let answer = h.transport.caused(by: msg)[1]
    #expect(answer.content == .object(["comm_id": .string("c-1"), "data": .object(["echo": .object(["x": .string("y")])])]))
    #expect(answer.message.buffers == [[3, 2, 1], [9]])
    #expect(echo.received.map(\.buffers) == [[[1, 2, 3], [9]]])

    let info = try #require(h.reply(h.shell(CommInfoRequest())))
    #expect(info["comms"] == .object(["c-1": .object(["target_name": .string("calc.echo")])]))

    let close = h.transport.request(CommClose(commID: "c-1", data: .object(["why": .string("done")])))
    h.dispatcher.handle(close, transport: h.transport)
    #expect(h.trace(close) == ["iopub:busy", "iopub:idle"])
    #expect(echo.closes.map(\.data) == [.object(["why": .string("done")])])
    #expect(h.reply(h.shell(CommInfoRequest()))?["comms"] == .object([:]))
    // A message for the closed comm is logged, answered only with busy/idle.
    let late = commMessage(h, "c-1", .object([:]))
    #expect(h.trace(late) == ["iopub:busy", "iopub:idle"])
    #expect(h.log.contains { $0.contains("unknown comm c-1") })
  }

  @Test func aTargetThatRefusesGetsItsCommClosed() {
    let h = Harness()
    let echo = EchoHandler()
    echo.refuses = true
    h.dispatcher.comms.register(echo, as: "calc.echo")
    let open = h.shell(CommOpen(commID: "c-2", targetName: "calc.echo"))
    #expect(h.trace(open) == ["iopub:busy", "iopub:comm_close", "iopub:idle"])
    #expect(h.reply(h.shell(CommInfoRequest()))?["comms"] == .object([:]))
  }

  @Test func theKernelOpensACommDuringACellAndHearsBack() throws {
    let h = Harness()
    let cell = h.execute("open calc.kernel")
    #expect(
      h.trace(cell) == [
        "iopub:busy", "iopub:execute_input", "iopub:comm_open", "iopub:comm_msg", "shell:execute_reply", "iopub:idle",
      ])
    let sent = h.transport.caused(by: cell)
    let id = try #require(sent[2].content["comm_id"]?.stringValue)
    #expect(id.count == 32)
    #expect(sent[2].content["target_name"] == .string("calc.kernel"))
    #expect(sent[2].content["data"] == .object(["hello": .bool(true)]))
    #expect(try ContentCoder.decode(JSONValue.self, from: sent[2].message.metadata) == .object(["version": .string("9")]))
    #expect(sent[3].message.buffers == [[1, 2, 3]])

    let info = try #require(h.reply(h.shell(CommInfoRequest(targetName: "calc.kernel"))))
    #expect(info["comms"] == .object([id: .object(["target_name": .string("calc.kernel")])]))
    #expect(h.reply(h.shell(CommInfoRequest(targetName: "jupyter.widget")))?["comms"] == .object([:]))

    let msg = commMessage(h, id, .object(["close": .bool(true)]))
    #expect(h.trace(msg) == ["iopub:busy", "iopub:comm_close", "iopub:idle"])
    #expect(h.transport.caused(by: msg)[1].content == .object(["comm_id": .string(id), "data": .object(["bye": .bool(true)])]))
    #expect(h.language.kernelOpened.received.count == 1)
    #expect(h.reply(h.shell(CommInfoRequest()))?["comms"] == .object([:]))
  }

  @Test func malformedCommMessagesAreLoggedNotFatal() {
    let h = Harness()
    let bad = h.transport.request(msgType: "comm_msg", json: #"{"data":{}}"#)
    h.dispatcher.handle(bad, transport: h.transport)
    #expect(h.trace(bad) == ["iopub:busy", "iopub:idle"])
    #expect(h.log.contains { $0.contains("comm_id") })
  }
}
