import JupyterKernel
import JupyterProtocol
import Testing

@Suite struct ShellRequestTests {
  @Test func kernelInfoReplyHasEverySchemaField() throws {
    let h = Harness()
    let request = h.shell(KernelInfoRequest())
    #expect(h.trace(request) == ["iopub:busy", "shell:kernel_info_reply", "iopub:idle"])
    let reply = try #require(h.reply(request))
    #expect(reply["status"] == .string("ok"))
    #expect(reply["protocol_version"] == .string("5.3"))
    #expect(reply["implementation"] == .string("calc-kernel"))
    #expect(reply["implementation_version"] == .string("0.1"))
    #expect(reply["banner"] == .string("Calculator"))
    #expect(reply["help_links"] == .array([.object(["text": .string("Docs"), "url": .string("https://example.org/calc")])]))
    #expect(
      reply["language_info"]
        == .object([
          "name": .string("calc"), "version": .string("1.0"), "mimetype": .string("text/x-calc"),
          "file_extension": .string(".calc"), "pygments_lexer": .string("text"), "codemirror_mode": .string("null"),
          "nbconvert_exporter": .string("script"),
        ]))
  }

  @Test func completeReplyHasMatchesCursorsAndTypes() throws {
    let h = Harness()
    // "é" is one code point but two UTF-8 bytes: offsets must count code points.
    let request = h.shell(CompleteRequest(code: "é; p", cursorPos: 4))
    let reply = try #require(h.reply(request))
    #expect(reply["status"] == .string("ok"))
    #expect(reply["matches"] == .array([.string("print"), .string("pow")]))
    #expect(reply["cursor_start"] == .number(3))
    #expect(reply["cursor_end"] == .number(4))
    let types = try #require(reply["metadata"]?["_jupyter_types_experimental"]?.arrayValue)
    #expect(types.count == 2)
    #expect(types[0]["text"] == .string("print") && types[0]["type"] == .string("function"))
    #expect(types[0]["start"] == .number(3) && types[0]["end"] == .number(4))
  }

  @Test func completeWithACursorPastTheEndIsClamped() throws {
    let h = Harness()
    let reply = try #require(h.reply(h.shell(CompleteRequest(code: "sh", cursorPos: 99))))
    #expect(reply["matches"] == .array([.string("show")]))
    #expect(reply["cursor_end"] == .number(2))
  }

  @Test func inspectReplyFoundAndNotFound() throws {
    let h = Harness()
    let found = try #require(h.reply(h.shell(InspectRequest(code: "print", cursorPos: 5))))
    #expect(
      found
        == .object([
          "status": .string("ok"), "found": .bool(true),
          "data": .object(["text/plain": .string("print TEXT: writes TEXT")]), "metadata": .object([:]),
        ]))
    let missing = try #require(h.reply(h.shell(InspectRequest(code: "zzz", cursorPos: 1))))
    #expect(
      missing == .object(["status": .string("ok"), "found": .bool(false), "data": .object([:]), "metadata": .object([:])]))
  }

  @Test func isCompleteReplies() throws {
    let h = Harness()
    #expect(h.reply(h.shell(IsCompleteRequest(code: "1 + 2"))) == .object(["status": .string("complete")]))
    #expect(
      h.reply(h.shell(IsCompleteRequest(code: "for x:")))
        == .object(["status": .string("incomplete"), "indent": .string("    ")]))
    #expect(h.reply(h.shell(IsCompleteRequest(code: ") 1"))) == .object(["status": .string("invalid")]))
    let broken = h.transport.request(msgType: "is_complete_request", json: "{}")
    h.dispatcher.handle(broken, transport: h.transport)
    #expect(h.reply(broken) == .object(["status": .string("unknown")]))
  }

  @Test func commOpenForAnUnknownTargetIsClosedOnIOPub() throws {
    let h = Harness()
    let request = h.shell(CommOpen(commID: "c-17", targetName: "jupyter.widget.control"))
    #expect(h.trace(request) == ["iopub:busy", "iopub:comm_close", "iopub:idle"])
    #expect(h.transport.caused(by: request)[1].content == .object(["comm_id": .string("c-17"), "data": .object([:])]))
    let info = try #require(h.reply(h.shell(CommInfoRequest())))
    #expect(info == .object(["status": .string("ok"), "comms": .object([:])]))
    let msg = h.transport.request(msgType: "comm_msg", json: #"{"comm_id":"c-17","data":{}}"#)
    h.dispatcher.handle(msg, transport: h.transport)
    #expect(h.trace(msg) == ["iopub:busy", "iopub:idle"])
    #expect(h.log.contains { $0.contains("unknown comm c-17") })
  }

  @Test func unknownMessageTypeGetsBusyIdleAndNoReply() {
    let h = Harness()
    let request = h.transport.request(msgType: "debug_request", json: #"{"command":"initialize"}"#)
    h.dispatcher.handle(request, transport: h.transport)
    #expect(h.trace(request) == ["iopub:busy", "iopub:idle"])
    #expect(h.log.contains { $0.contains("debug_request") })
  }

  @Test func malformedRequestsGetErrorReplies() throws {
    let h = Harness()
    let complete = h.transport.request(msgType: "complete_request", json: #"{"code":"p"}"#)
    let history = h.transport.request(msgType: "history_request", json: "[1, 2]")
    for request in [complete, history] { h.dispatcher.handle(request, transport: h.transport) }
    for request in [complete, history] {
      let reply = try #require(h.reply(request))
      #expect(reply["status"] == .string("error"))
      #expect(reply["ename"] == .string("ProtocolError"))
      #expect(reply["traceback"] == .array([]))
    }
    #expect(h.transport.reply(to: complete)?.type == "complete_reply")
    #expect(h.transport.reply(to: history)?.type == "history_reply")
  }
}
