import JupyterKernel
import JupyterProtocol
import Testing

@Suite struct ExecuteTests {
  @Test func outputsComeInProtocolOrder() throws {
    let h = Harness()
    let request = h.execute("print hello, world\nshow picture\n6 * 7")
    #expect(
      h.trace(request) == [
        "iopub:busy", "iopub:execute_input", "iopub:stream", "iopub:display_data", "iopub:execute_result",
        "shell:execute_reply", "iopub:idle",
      ])
    let sent = h.transport.caused(by: request)
    #expect(sent[1].content == .object(["code": .string("print hello, world\nshow picture\n6 * 7"), "execution_count": .number(1)]))
    #expect(sent[2].content == .object(["name": .string("stdout"), "text": .string("hello, world\n")]))
    #expect(sent[4].content["data"] == .object(["text/plain": .string("42")]))
    #expect(sent[4].content["execution_count"] == .number(1))
    #expect(sent[4].content["metadata"] == .object([:]))
    #expect(
      sent[5].content
        == .object([
          "status": .string("ok"), "execution_count": .number(1), "user_expressions": .object([:]),
          "payload": .array([]),
        ]))
    #expect(h.transport.codecFailures.isEmpty)
  }

  @Test func transportHelpersDriveADispatcher() throws {
    let h = Harness()
    let request = h.transport.execute("print a\n1 + 1", through: h.dispatcher)
    #expect(h.transport.outputs(of: request).map(\.type) == ["stream", "execute_result"])
    #expect(h.transport.iopubSequence(for: request) == ["busy", "execute_input", "stream", "execute_result", "idle"])
    let failing = h.transport.request(ExecuteRequest(code: "1 / 0"))
    let queued = h.transport.request(ExecuteRequest(code: "2"))
    #expect(h.transport.run([failing, queued], through: h.dispatcher) == [.none, .none])
    #expect(h.transport.reply(to: queued)?.content["status"] == .string("aborted"))
    #expect(h.transport.reply(to: h.transport.execute("3", through: h.dispatcher))?.content["status"] == .string("ok"))
  }

  @Test func everyMessageCarriesTheRequestHeaderVerbatim() {
    let h = Harness()
    let request = h.execute("print a\n1 + 1")
    let caused = h.transport.caused(by: request)
    #expect(caused.count == 6)
    #expect(caused.allSatisfy { $0.message.parentHeader == request.rawHeader })
    // Replies go back to the requester's routing identity; iopub frames carry a topic instead.
    let reply = h.transport.reply(to: request)
    #expect(reply?.message.identities == request.identities)
    #expect(reply?.message.header.session == h.transport.sent[0].message.header.session)
    #expect(Set(h.transport.sent.map(\.message.header.msgID)).count == h.transport.sent.count)
    #expect(h.transport.sent.allSatisfy { $0.message.header.version == "5.3" })
  }

  @Test func executionCountFollowsStoreHistoryAndSilent() throws {
    let h = Harness()
    let first = h.execute("1")
    let second = h.execute("2")
    let notStored = h.execute("3", storeHistory: false)
    let silent = h.execute("print quiet\n4", silent: true)
    let third = h.execute("5")
    #expect(h.reply(first)?["execution_count"] == .number(1))
    #expect(h.reply(second)?["execution_count"] == .number(2))
    #expect(h.reply(notStored)?["execution_count"] == .number(2))
    #expect(h.reply(silent)?["execution_count"] == .number(2))
    #expect(h.reply(third)?["execution_count"] == .number(3))
    // Silent: nothing but busy and idle on iopub, and no result even though the cell had one.
    #expect(h.trace(silent) == ["iopub:busy", "shell:execute_reply", "iopub:idle"])
    #expect(h.language.executed.map(\.count) == [1, 2, 2, 2, 3])
    #expect(h.language.executed.map(\.silent) == [false, false, false, true, false])
  }

  @Test func errorIsPublishedOnceAndReplied() throws {
    let h = Harness()
    let request = h.execute("1 / 0")
    #expect(h.trace(request) == ["iopub:busy", "iopub:execute_input", "iopub:error", "shell:execute_reply", "iopub:idle"])
    let error = h.transport.caused(by: request)[2].content
    #expect(
      error
        == .object([
          "ename": .string("ZeroDivisionError"), "evalue": .string("division by zero"),
          "traceback": .array([.string("1 / 0"), .string("^")]),
        ]))
    let reply = try #require(h.reply(request))
    #expect(reply["status"] == .string("error"))
    #expect(reply["ename"] == .string("ZeroDivisionError"))
    #expect(reply["evalue"] == .string("division by zero"))
    #expect(reply["traceback"]?.arrayValue?.count == 2)
    #expect(reply["execution_count"] == .number(1))
  }

  @Test func stopOnErrorAbortsQueuedExecutesOnly() throws {
    let h = Harness()
    // A "Run All": every request is queued before the first one fails.
    let failing = h.transport.request(ExecuteRequest(code: "1 / 0"))
    let queued = h.transport.request(ExecuteRequest(code: "print never"))
    let info = h.transport.request(KernelInfoRequest())
    let queuedToo = h.transport.request(ExecuteRequest(code: "2"))
    for request in [failing, queued, info, queuedToo] { h.dispatcher.handle(request, transport: h.transport) }
    h.dispatcher.queueDrained()
    let later = h.execute("3")

    for aborted in [queued, queuedToo] {
      let reply = try #require(h.reply(aborted))
      // ipykernel's answer: the status alone, no execution_count (JupyterLab's prompt stays
      // `[ ]:`), and nothing on iopub but busy and idle.
      #expect(reply == .object(["status": .string("aborted")]))
      #expect(h.trace(aborted) == ["iopub:busy", "shell:execute_reply", "iopub:idle"])
    }
    #expect(h.reply(info)?["status"] == .string("ok"))
    #expect(h.reply(later)?["status"] == .string("ok"))
    #expect(h.reply(later)?["execution_count"] == .number(2))
    #expect(h.language.executed.map(\.code) == ["1 / 0", "3"])
  }

  @Test func withoutStopOnErrorQueuedCellsRun() {
    let h = Harness()
    let failing = h.transport.request(ExecuteRequest(code: "1 / 0", stopOnError: false))
    let next = h.transport.request(ExecuteRequest(code: "2"))
    h.dispatcher.handle(failing, transport: h.transport)
    h.dispatcher.handle(next, transport: h.transport)
    #expect(h.reply(next)?["status"] == .string("ok"))
  }

  @Test func userExpressionsAreEvaluatedAfterTheCell() throws {
    let h = Harness()
    let request = h.execute("1", userExpressions: ["sum": "2 + 3", "bad": "2 / 0"])
    let expressions = try #require(h.reply(request)?["user_expressions"])
    #expect(
      expressions["sum"]
        == .object(["status": .string("ok"), "data": .object(["text/plain": .string("5")]), "metadata": .object([:])]))
    #expect(expressions["bad"]?["status"] == .string("error"))
    #expect(expressions["bad"]?["ename"] == .string("ZeroDivisionError"))
    #expect(expressions["bad"]?["traceback"]?.arrayValue != nil)
  }

  @Test func pagerPayloadDisplayUpdatesAndClearOutput() throws {
    let h = Harness()
    let request = h.execute("help\nshow first as d1\nupdate d1 second\nclear\nwarn careful")
    #expect(
      h.trace(request) == [
        "iopub:busy", "iopub:execute_input", "iopub:display_data", "iopub:update_display_data", "iopub:clear_output",
        "iopub:stream", "shell:execute_reply", "iopub:idle",
      ])
    let sent = h.transport.caused(by: request)
    #expect(sent[2].content["transient"] == .object(["display_id": .string("d1")]))
    #expect(sent[3].content["transient"] == .object(["display_id": .string("d1")]))
    #expect(sent[3].content["data"] == .object(["text/plain": .string("second")]))
    #expect(sent[3].content["metadata"] == .object([:]))
    #expect(sent[4].content == .object(["wait": .bool(true)]))
    #expect(sent[5].content["name"] == .string("stderr"))
    #expect(
      h.reply(request)?["payload"]
        == .array([
          .object(["source": .string("page"), "data": .object(["text/plain": .string("calc help")]), "start": .number(0)])
        ]))
  }

  @Test func missingCodeGetsAProtocolErrorReply() throws {
    let h = Harness()
    h.execute("1")
    let request = h.transport.request(msgType: "execute_request", json: #"{"silent": false}"#)
    h.dispatcher.handle(request, transport: h.transport)
    #expect(h.trace(request) == ["iopub:busy", "shell:execute_reply", "iopub:idle"])
    let reply = try #require(h.reply(request))
    #expect(reply["status"] == .string("error"))
    #expect(reply["ename"] == .string("ProtocolError"))
    #expect(reply["evalue"]?.stringValue?.contains("code") == true)
    #expect(reply["traceback"] == .array([]))
    #expect(reply["execution_count"] == .number(1))
    #expect(h.log.count == 1)
  }
}
