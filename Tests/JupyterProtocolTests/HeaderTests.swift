import Dispatch
import JupyterProtocol
import Synchronization
import Testing

@Suite struct HeaderTests {
  @Test func dateFormatHasMicrosecondsAndZ() {
    // 1795371059 is 2026-11-22T18:10:59 UTC (checked with Python's datetime).
    #expect(HeaderFactory.format(seconds: 1_795_371_059, microseconds: 225_439) == "2026-11-22T18:10:59.225439Z")
    #expect(HeaderFactory.format(seconds: 0, microseconds: 5) == "1970-01-01T00:00:00.000005Z")
  }

  @Test func currentDateHasTheShapeJupyterClientParses() {
    let date = Array(HeaderFactory.now().utf8)
    // YYYY-MM-DDTHH:MM:SS.ffffffZ
    #expect(date.count == 27)
    #expect(date[4] == UInt8(ascii: "-") && date[10] == UInt8(ascii: "T") && date[19] == UInt8(ascii: "."))
    #expect(date.last == UInt8(ascii: "Z"))
  }

  @Test func headersAreCompleteAndIdsUnique() {
    let factory = HeaderFactory(session: "sess", username: "kernel")
    let headers = (0..<1000).map { _ in factory.make(.status) }
    #expect(Set(headers.map(\.msgID)).count == 1000)
    #expect(headers.allSatisfy { $0.session == "sess" && $0.version == "5.3" && $0.msgType == "status" })
    #expect(HeaderFactory().session != HeaderFactory().session)
  }

  @Test func idsStayUniqueAcrossThreads() {
    let factory = HeaderFactory()
    let ids = Mutex<Set<String>>([])
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      let mine = (0..<2000).map { _ in factory.make(.status).msgID }
      ids.withLock { $0.formUnion(mine) }
    }
    #expect(ids.withLock { $0.count } == 8000)
  }

  @Test func headerJSONIsExactAndReadsBack() throws {
    let header = Header(
      msgID: "a\"b", session: "s\\", username: "line\nbreak\u{1}", date: "d", msgType: "status", version: "5.3")
    let text = String(decoding: header.jsonBytes, as: UTF8.self)
    #expect(
      text
        == #"{"msg_id":"a\"b","session":"s\\","username":"line\nbreak\u0001","date":"d","msg_type":"status","version":"5.3"}"#
    )
    #expect(try ContentCoder.decode(Header.self, from: RawJSON(header.jsonBytes)) == header)
  }
}

@Suite struct ConnectionInfoTests {
  let file = #"""
    {"shell_port": 39501, "iopub_port": 48257, "stdin_port": 33963, "control_port": 50473,
     "hb_port": 34141, "ip": "127.0.0.1", "key": "5b3c-key", "transport": "tcp",
     "signature_scheme": "hmac-sha256", "kernel_name": "cnnlab"}
    """#

  @Test func parsesAJupyterClientConnectionFile() throws {
    let info = try ConnectionInfo.parse(Array(file.utf8))
    #expect(info.endpoint(for: .shell) == "tcp://127.0.0.1:39501")
    #expect(info.endpoint(for: .iopub) == "tcp://127.0.0.1:48257")
    #expect(info.endpoint(for: .stdin) == "tcp://127.0.0.1:33963")
    #expect(info.endpoint(for: .control) == "tcp://127.0.0.1:50473")
    #expect(info.heartbeatEndpoint == "tcp://127.0.0.1:34141")
    #expect(info.signer.key == Array("5b3c-key".utf8))
  }

  @Test func ipcEndpointsUseThePathPrefix() throws {
    var info = try ConnectionInfo.parse(Array(file.utf8))
    info.transport = "ipc"
    info.ip = "kernel-sock"
    #expect(info.endpoint(for: .shell) == "ipc://kernel-sock-39501")
    #expect(!info.isIPv6)
  }

  @Test func ipv6AddressesAreBracketed() throws {
    var info = try ConnectionInfo.parse(Array(file.utf8))
    info.ip = "::1"
    #expect(info.isIPv6)
    #expect(info.endpoint(for: .control) == "tcp://[::1]:50473")
  }

  @Test func rejectsUnknownSchemesAndBrokenFiles() {
    let md5 = file.replacingOccurrences("hmac-sha256", with: "hmac-md5")
    #expect(throws: ConnectionError.unsupportedSignatureScheme("hmac-md5")) { try ConnectionInfo.parse(Array(md5.utf8)) }
    #expect(throws: ConnectionError.unreadable(.missingField("shell_port"))) {
      try ConnectionInfo.parse(Array(#"{"key": ""}"#.utf8))
    }
  }
}

extension String {
  func replacingOccurrences(_ target: String, with replacement: String) -> String {
    var parts: [Substring] = []
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      parts.append(rest[..<range.lowerBound])
      rest = rest[range.upperBound...]
    }
    parts.append(rest)
    return parts.joined(separator: replacement)
  }
}
