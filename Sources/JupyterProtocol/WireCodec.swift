/// Frames ⇄ `Message` (spec: "The Wire Protocol"):
/// `[identities…, "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers…]`.
/// Decoding checks the signature over the received bytes before anything is parsed, and
/// refuses a signature it has accepted before (a replayed message). Copies of a codec share
/// one `SignatureHistory`, so a message replayed on another channel is refused too.
public struct WireCodec: Sendable {
  public static let delimiter: [UInt8] = Array("<IDS|MSG>".utf8)
  public let signer: MessageSigner
  /// Nil when signing is off: unsigned messages carry nothing to tell a replay by.
  public let history: SignatureHistory?

  public init(signer: MessageSigner, history: SignatureHistory? = SignatureHistory()) {
    self.signer = signer
    self.history = signer.isEnabled ? history : nil
  }

  public func decode(_ frames: [[UInt8]]) throws(WireError) -> Message {
    guard let d = frames.firstIndex(of: WireCodec.delimiter) else { throw .missingDelimiter }
    let partsStart = d + 2
    guard frames.count >= partsStart + 4 else { throw .tooFewFrames(frames.count - d - 1) }
    let parts = Array(frames[partsStart..<(partsStart + 4)])
    guard signer.verify(signature: frames[d + 1], parts: parts) else { throw .invalidSignature }
    // Only verified signatures are remembered, so forged ones cannot push real ones out.
    if let history, !history.remember(frames[d + 1]) { throw .replayedSignature }
    let rawHeader = RawJSON(parts[0])
    let header: Header
    do {
      header = try ContentCoder.decode(Header.self, from: rawHeader)
    } catch {
      throw .invalidHeader(error)
    }
    return Message(
      identities: Array(frames[..<d]), header: header, rawHeader: rawHeader,
      parentHeader: RawJSON(parts[1]), metadata: RawJSON(parts[2]), content: RawJSON(parts[3]),
      buffers: Array(frames[(partsStart + 4)...]))
  }

  public func encode(_ message: Message) -> [[UInt8]] {
    let parts = [message.rawHeader.bytes, message.parentHeader.bytes, message.metadata.bytes, message.content.bytes]
    var frames = message.identities
    frames.reserveCapacity(frames.count + 6 + message.buffers.count)
    frames.append(WireCodec.delimiter)
    frames.append(signer.signature(of: parts))
    frames.append(contentsOf: parts)
    frames.append(contentsOf: message.buffers)
    return frames
  }
}

/// Why frames could not be read as a message. The kernel logs these and drops the frames:
/// without a readable header there is nobody to reply to.
public enum WireError: Error, Sendable, Equatable, CustomStringConvertible {
  case missingDelimiter
  /// Fewer than the signature and four JSON parts after the delimiter.
  case tooFewFrames(Int)
  case invalidSignature
  /// A valid signature already accepted once: the same message sent again.
  case replayedSignature
  case invalidHeader(ContentError)

  public var description: String {
    switch self {
    case .missingDelimiter: "no <IDS|MSG> delimiter frame"
    case .tooFewFrames(let n): "expected at least 5 frames after the delimiter, got \(n)"
    case .invalidSignature: "invalid HMAC signature"
    case .replayedSignature: "a signature already seen (a replayed message)"
    case .invalidHeader(let error): "unreadable header: \(error)"
    }
  }
}
