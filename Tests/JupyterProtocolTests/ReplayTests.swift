import JupyterProtocol
import Testing

/// A signed message sent a second time is refused, as jupyter_client's `Session` refuses a
/// digest it has seen; the history forgets its oldest signatures beyond its capacity.
@Suite struct ReplayTests {
  let signer = MessageSigner(key: "replay-key")

  let factory = HeaderFactory()

  func frames(_ codec: WireCodec) -> (id: String, frames: [[UInt8]]) {
    let header = factory.make(.kernelInfoRequest)
    return (header.msgID, codec.encode(Message(header: header, content: RawJSON(Array("{}".utf8)))))
  }

  @Test func aSignedMessageIsAcceptedOnceAndRefusedFiveTimes() throws {
    let sender = WireCodec(signer: signer)
    let receiver = WireCodec(signer: signer)
    let (id, message) = frames(sender)
    #expect(try receiver.decode(message).header.msgID == id)
    for _ in 0..<5 {
      #expect(throws: WireError.replayedSignature) { try receiver.decode(message) }
    }
    // A copy of the codec (another channel's thread) shares the history.
    let control = receiver
    #expect(throws: WireError.replayedSignature) { try control.decode(message) }
    // A new message with its own signature still goes through.
    let (second, other) = frames(sender)
    #expect(try receiver.decode(other).header.msgID == second)
    #expect(WireError.replayedSignature.description == "a signature already seen (a replayed message)")
  }

  @Test func aForgedSignatureIsNotRemembered() throws {
    let receiver = WireCodec(signer: signer)
    let made = frames(WireCodec(signer: signer))
    var message = made.frames
    let id = made.id
    let genuine = message[1]
    message[1] = Array(repeating: UInt8(ascii: "0"), count: 64)
    #expect(throws: WireError.invalidSignature) { try receiver.decode(message) }
    #expect(receiver.history?.count == 0)
    message[1] = genuine
    #expect(try receiver.decode(message).header.msgID == id)
  }

  @Test func unsignedSessionsKeepNoHistory() throws {
    let unsigned = WireCodec(signer: MessageSigner(key: ""))
    #expect(unsigned.history == nil)
    let message = frames(unsigned).frames
    _ = try unsigned.decode(message)
    _ = try unsigned.decode(message)
  }

  @Test func theHistoryForgetsTheOldestBeyondItsCapacity() {
    let history = SignatureHistory(capacity: 3)
    let signatures = (0..<5).map { n in Array(String(repeating: "\(n)", count: 64).utf8) }
    for s in signatures[0..<3] { #expect(history.remember(s)) }
    #expect(!history.remember(signatures[1]))
    #expect(history.remember(signatures[3]))  // pushes out signatures[0]
    #expect(history.count == 3)
    #expect(history.remember(signatures[0]))  // forgotten, so new again (pushes out [1])
    #expect(history.remember(signatures[1]))
    #expect(!history.remember(signatures[3]))
    #expect(history.count == 3)
  }

  @Test func signaturesDifferingOnlyInTheirFirst32DigitsAreTold() {
    let history = SignatureHistory()
    let a = Array((String(repeating: "a", count: 31) + "b" + String(repeating: "0", count: 32)).utf8)
    let b = Array((String(repeating: "a", count: 31) + "c" + String(repeating: "0", count: 32)).utf8)
    #expect(history.remember(a))
    #expect(history.remember(b))
    #expect(!history.remember(b))
  }
}
