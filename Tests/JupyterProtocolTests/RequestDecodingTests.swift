import JupyterProtocol
import Testing

@Suite struct RequestDecodingTests {
  let factory = HeaderFactory()

  func message(_ type: String, _ json: String) -> Message {
    var header = factory.make(.kernelInfoRequest)
    header.msgType = type
    return Message(header: header, content: RawJSON(Array(json.utf8)))
  }

  @Test func executeRequestTakesSpecDefaults() throws {
    let request = try Request.decode(message("execute_request", #"{"code":"1+1","unknown_field":true}"#)).get()
    #expect(request == .execute(ExecuteRequest(code: "1+1", allowStdin: true)))
  }

  @Test func executeRequestReadsEveryField() throws {
    let json = #"""
      {"code":"x","silent":true,"store_history":false,"user_expressions":{"a":"1"},"allow_stdin":false,"stop_on_error":false}
      """#
    let request = try Request.decode(message("execute_request", json)).get()
    #expect(
      request
        == .execute(
          ExecuteRequest(
            code: "x", silent: true, storeHistory: false, userExpressions: ["a": "1"], allowStdin: false,
            stopOnError: false)))
  }

  @Test func missingRequiredFieldIsAnErrorValue() {
    let result = Request.decode(message("execute_request", #"{"silent":false}"#))
    #expect(result == .failure(RequestError(type: .executeRequest, reason: .missingField("code"))))
    let complete = Request.decode(message("complete_request", #"{"code":"ab"}"#))
    #expect(complete == .failure(RequestError(type: .completeRequest, reason: .missingField("cursor_pos"))))
  }

  @Test func wrongTypeAndInvalidJSONAreErrorValues() {
    let wrong = Request.decode(message("execute_request", #"{"code":42}"#))
    #expect(wrong == .failure(RequestError(type: .executeRequest, reason: .wrongType(field: "code"))))
    guard case .failure(let error) = Request.decode(message("inspect_request", "{oops")),
      case .invalidJSON = error.reason
    else {
      Issue.record("invalid JSON was accepted")
      return
    }
  }

  @Test func unknownAndNonRequestTypesAreUnknown() throws {
    #expect(try Request.decode(message("debug_request", "{}")).get() == .unknown(msgType: "debug_request"))
    #expect(try Request.decode(message("execute_reply", "{}")).get() == .unknown(msgType: "execute_reply"))
  }

  @Test func historyAndCommRequestsDecode() throws {
    let history = try Request.decode(
      message("history_request", #"{"hist_access_type":"search","pattern":"a*","unique":true,"n":3,"output":false,"raw":true}"#)
    ).get()
    #expect(history == .history(HistoryRequest(accessType: .search, n: 3, pattern: "a*", unique: true)))
    let open = try Request.decode(message("comm_open", #"{"comm_id":"c1","target_name":"jupyter.widget.control"}"#)).get()
    #expect(open == .commOpen(CommOpen(commID: "c1", targetName: "jupyter.widget.control")))
    #expect(
      try Request.decode(message("comm_msg", #"{"comm_id":"c1","data":{"method":"request_state"}}"#)).get()
        == .commMsg(CommMsg(commID: "c1", data: .object(["method": .string("request_state")]))))
    #expect(try Request.decode(message("comm_close", #"{"comm_id":"c1"}"#)).get() == .commClose(CommClose(commID: "c1")))
    if case .failure(let error) = Request.decode(message("comm_msg", #"{"data":{}}"#)) {
      #expect(error.reason == .missingField("comm_id"))
    } else {
      Issue.record("a comm_msg without comm_id must not decode")
    }
    #expect(try Request.decode(message("shutdown_request", #"{"restart":true}"#)).get() == .shutdown(ShutdownRequest(restart: true)))
    #expect(try Request.decode(message("interrupt_request", "{}")).get() == .interrupt)
  }
}

@Suite struct ContentEncodingTests {
  func json(_ content: some MessageContent) throws -> JSONValue {
    try ContentCoder.decode(JSONValue.self, from: RawJSON(ContentCoder.encode(content)))
  }

  @Test func executeReplyOkHasExactlyTheSpecFields() throws {
    let value = try json(ExecuteReply.ok(executionCount: 3))
    #expect(
      value
        == .object([
          "status": .string("ok"), "execution_count": .number(3), "user_expressions": .object([:]),
          "payload": .array([]),
        ]))
  }

  @Test func executeReplyErrorCarriesTheErrorFieldsAndCount() throws {
    let value = try json(ExecuteReply.error(executionCount: 2, ename: "E", evalue: "v", traceback: ["t"]))
    #expect(value["status"] == .string("error"))
    #expect(value["execution_count"] == .number(2))
    #expect(value["ename"] == .string("E") && value["evalue"] == .string("v"))
    #expect(value["traceback"] == .array([.string("t")]))
  }

  @Test func updateDisplayDataAlwaysHasTransientDisplayId() throws {
    let update = DisplayData.update(data: ["text/plain": .string("x")], metadata: [:], displayID: "d1")
    #expect(update.messageType == .updateDisplayData)
    #expect(try json(update)["transient"] == .object(["display_id": .string("d1")]))
    let plain = DisplayData.display(data: ["image/png": .string("iVBOR")], metadata: [:], displayID: nil)
    #expect(plain.messageType == .displayData)
    // Slashes stay unescaped: MIME keys read as written.
    #expect(String(decoding: ContentCoder.encode(plain), as: UTF8.self).contains(#""image/png""#))
  }

  @Test func errorReplyKeepsItsReplyType() throws {
    let reply = ErrorReply(messageType: .inspectReply, ename: "ProtocolError", evalue: "bad")
    #expect(reply.messageType == .inspectReply)
    #expect(
      try json(reply)
        == .object([
          "status": .string("error"), "ename": .string("ProtocolError"), "evalue": .string("bad"),
          "traceback": .array([]),
        ]))
  }

  @Test func nonFiniteNumbersDoNotBreakEncoding() throws {
    let result = ExecuteResult(executionCount: 1, data: ["text/plain": .string("nan")], metadata: ["x": .number(.nan)])
    #expect(try json(result)["metadata"]?["x"] == .string("NaN"))
  }

  @Test func isCompleteReplyHasIndentOnlyWhenGiven() throws {
    #expect(try json(IsCompleteReply(status: .complete)) == .object(["status": .string("complete")]))
    #expect(
      try json(IsCompleteReply(status: .incomplete, indent: "    "))
        == .object(["status": .string("incomplete"), "indent": .string("    ")]))
  }
}
