import JupyterProtocol
import Testing

@Suite struct WireCodecTests {
  let codec = WireCodec(signer: MessageSigner(key: "a0b1c2d3-key"))
  let empty = Array("{}".utf8)

  func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

  @Test func decodesFramesAsAPythonClientSendsThem() throws {
    let frames = [bytes("client-id"), WireCodec.delimiter, bytes(pythonSignature), pythonHeader, empty, empty, empty]
    let message = try codec.decode(frames)
    #expect(message.identities == [bytes("client-id")])
    #expect(message.header.msgID == "m1")
    #expect(message.header.msgType == "kernel_info_request")
    #expect(message.type == .kernelInfoRequest)
    #expect(message.rawHeader.bytes == pythonHeader)
    #expect(message.buffers.isEmpty)
  }

  @Test func roundTripWithIdentitiesAndBuffers() throws {
    let factory = HeaderFactory()
    let original = Message(
      identities: [bytes("a"), bytes("b")], header: factory.make(.commOpen), parentHeader: RawJSON(pythonHeader),
      metadata: RawJSON(bytes(#"{"k":1}"#)), content: RawJSON(bytes(#"{"comm_id":"c","target_name":"t"}"#)),
      buffers: [[0, 1, 2, 255], []])
    let frames = codec.encode(original)
    #expect(frames.count == 2 + 1 + 1 + 4 + 2)
    #expect(frames[2] == WireCodec.delimiter)
    #expect(frames[3].count == 64)
    let decoded = try codec.decode(frames)
    #expect(decoded == original)
  }

  @Test func roundTripWithoutIdentities() throws {
    let original = Message(header: HeaderFactory().make(.status), content: RawJSON(bytes(#"{"execution_state":"idle"}"#)))
    let frames = codec.encode(original)
    #expect(frames[0] == WireCodec.delimiter)
    #expect(try codec.decode(frames) == original)
  }

  @Test func unsignedCodecWritesAnEmptySignatureFrame() throws {
    let unsigned = WireCodec(signer: MessageSigner(key: ""))
    let frames = unsigned.encode(Message(header: HeaderFactory().make(.status)))
    #expect(frames[1].isEmpty)
    #expect(try unsigned.decode(frames).header.msgType == "status")
  }

  @Test func missingDelimiterIsAnError() {
    let frames = [bytes("id"), bytes(pythonSignature), pythonHeader, empty, empty, empty]
    #expect(throws: WireError.missingDelimiter) { try codec.decode(frames) }
  }

  @Test func tooFewFramesIsAnError() {
    let frames = [WireCodec.delimiter, bytes(pythonSignature), pythonHeader, empty]
    #expect(throws: WireError.tooFewFrames(3)) { try codec.decode(frames) }
    #expect(throws: WireError.tooFewFrames(0)) { try codec.decode([WireCodec.delimiter]) }
    #expect(throws: WireError.missingDelimiter) { try codec.decode([]) }
  }

  @Test func badSignatureIsAnError() {
    let frames = [WireCodec.delimiter, bytes(String(repeating: "0", count: 64)), pythonHeader, empty, empty, empty]
    #expect(throws: WireError.invalidSignature) { try codec.decode(frames) }
  }

  @Test func invalidHeaderJSONIsAnError() throws {
    let unsigned = WireCodec(signer: MessageSigner(key: ""))
    let frames = [WireCodec.delimiter, [], bytes("{not json"), empty, empty, empty]
    #expect {
      try unsigned.decode(frames)
    } throws: { error in
      guard case WireError.invalidHeader(.invalidJSON) = error else { return false }
      return true
    }
  }

  @Test func headerWithoutMsgTypeIsAnError() {
    let unsigned = WireCodec(signer: MessageSigner(key: ""))
    let frames = [WireCodec.delimiter, [], bytes(#"{"msg_id":"x"}"#), empty, empty, empty]
    #expect(throws: WireError.invalidHeader(.missingField("msg_type"))) { try unsigned.decode(frames) }
  }

  @Test func headerWithUnknownFieldsAndNoDateDecodes() throws {
    let unsigned = WireCodec(signer: MessageSigner(key: ""))
    let header = bytes(#"{"msg_id":"x","msg_type":"execute_request","subshell_id":null,"extra":[1,2]}"#)
    let message = try unsigned.decode([WireCodec.delimiter, [], header, empty, empty, empty])
    #expect(message.header.msgID == "x")
    #expect(message.header.date == "")
    #expect(message.rawHeader.bytes == header)
  }
}
