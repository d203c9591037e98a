// libFuzzer target for what arrives from the network: the wire codec (frames to a message,
// the signature check and the replay history), the JSON parser, and the typed decoding of
// every request's content. Compiled together with JupyterProtocol's sources by
// scripts/fuzz-protocol.sh, not by SwiftPM. A property that does not hold stops the run
// with a trap, which libFuzzer reports and saves as a crashing input.

private let signer = MessageSigner(key: "fuzz-key")

/// The first byte picks what the rest is: JSON for the parser (even), or frames separated by
/// zero bytes for the wire codec (odd; bit 1 puts the delimiter in front, bit 2 signs them).
@_cdecl("LLVMFuzzerTestOneInput")
public func protocolFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let input = Array(UnsafeBufferPointer(start: data, count: size))
  guard let mode = input.first else { return 0 }
  let rest = Array(input.dropFirst())
  if mode & 1 == 0 {
    parseJSON(rest)
  } else {
    var frames = rest.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
    if mode & 2 != 0 { frames.insert(WireCodec.delimiter, at: 0) }
    decodeFrames(frames, signed: mode & 4 != 0)
  }
  return 0
}

/// A value the parser accepts is written out and read back to the same value.
private func parseJSON(_ bytes: [UInt8]) {
  guard let value = try? JSONParser.parse(bytes) else { return }
  let written = ContentCoder.encode(value)
  guard let again = try? JSONParser.parse(written) else {
    fatalError("the encoder wrote JSON its own parser refuses: \(String(decoding: written, as: UTF8.self))")
  }
  precondition(again == value || value.containsNonFinite, "a JSON value changed on the way through the encoder")
  _ = try? ContentCoder.decode(ExecuteRequest.self, from: RawJSON(bytes))
  _ = try? ContentCoder.decode(Header.self, from: RawJSON(bytes))
}

/// Frames as received: unsigned, or correctly signed (then a second copy must be refused).
private func decodeFrames(_ received: [[UInt8]], signed: Bool) {
  var frames = received
  if signed, let d = frames.firstIndex(of: WireCodec.delimiter), frames.count >= d + 6 {
    frames[d + 1] = signer.signature(of: Array(frames[(d + 2)..<(d + 6)]))
    let codec = WireCodec(signer: signer)
    let first = try? codec.decode(frames)
    if first != nil {
      do {
        _ = try codec.decode(frames)
        fatalError("a replayed signed message was accepted")
      } catch {
        precondition(error == .replayedSignature, "a replay gave \(error)")
      }
    }
  }
  guard let message = try? WireCodec(signer: MessageSigner(key: "")).decode(frames) else { return }
  _ = Request.decode(message)
  _ = WireCodec(signer: MessageSigner(key: "")).encode(message)
}

extension JSONValue {
  fileprivate var containsNonFinite: Bool {
    switch self {
    case .number(let value): return !value.isFinite
    case .array(let items): return items.contains { $0.containsNonFinite }
    case .object(let members): return members.values.contains { $0.containsNonFinite }
    case .null, .bool, .string: return false
    }
  }
}
