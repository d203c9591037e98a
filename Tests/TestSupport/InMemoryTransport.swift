import JupyterKernel
import JupyterProtocol

/// A `KernelTransport` that keeps every message a dispatcher sends, for tests that check the
/// protocol without sockets. Each message goes through the real `WireCodec` (encode, sign,
/// decode, verify) so that what the tests read is what a client would read.
/// It also plays the client: `request(...)` builds signed-looking requests with their own session.
public final class InMemoryTransport: KernelTransport {
  public struct Sent: Sendable {
    public var channel: Channel
    public var message: Message
    /// The content parsed as generic JSON, for assertions on exact wire fields.
    public var content: JSONValue
    public var parentHeader: JSONValue
    public var type: String { message.header.msgType }
  }

  public let codec: WireCodec
  public let client = HeaderFactory(username: "test-client")
  public private(set) var sent: [Sent] = []
  /// Frames that did not survive the codec round trip; a test should expect this empty.
  public private(set) var codecFailures: [String] = []

  public init(key: String = "test-key") {
    codec = WireCodec(signer: MessageSigner(key: key))
  }

  public func send(_ message: Message, on channel: Channel) {
    let frames = codec.encode(message)
    do {
      let decoded = try codec.decode(frames)
      let content = try ContentCoder.decode(JSONValue.self, from: decoded.content)
      let parent = try ContentCoder.decode(JSONValue.self, from: decoded.parentHeader)
      sent.append(Sent(channel: channel, message: decoded, content: content, parentHeader: parent))
    } catch {
      codecFailures.append("\(message.header.msgType): \(error)")
    }
  }

  public func clear() { sent.removeAll() }

  /// A request from the client, with a routing identity as a ROUTER socket would add.
  public func request(_ content: some MessageContent, identity: String = "client-1") -> Message {
    Message(
      identities: [Array(identity.utf8)], header: client.make(content.messageType),
      content: RawJSON(ContentCoder.encode(content)))
  }

  /// A request with an arbitrary `msg_type` and raw content, for malformed-input tests.
  public func request(msgType: String, json: String, identity: String = "client-1") -> Message {
    var header = client.make(.kernelInfoRequest)
    header.msgType = msgType
    return Message(identities: [Array(identity.utf8)], header: header, content: RawJSON(Array(json.utf8)))
  }

  /// Handles `requests` as one queue (a "Run All": all sent before the first is handled),
  /// then tells the dispatcher its queue is empty, as the real server does.
  @discardableResult
  public func run(_ requests: [Message], through dispatcher: Dispatcher) -> [KernelAction] {
    let actions = requests.map { dispatcher.handle($0, transport: self) }
    dispatcher.queueDrained()
    return actions
  }

  /// Sends one `execute_request` through `dispatcher`; returns the request, for `reply(to:)`,
  /// `outputs(of:)` and `iopubSequence(for:)`.
  @discardableResult
  public func execute(
    _ code: String, through dispatcher: Dispatcher, silent: Bool = false, storeHistory: Bool = true,
    stopOnError: Bool = true
  ) -> Message {
    let message = request(ExecuteRequest(code: code, silent: silent, storeHistory: storeHistory, stopOnError: stopOnError))
    run([message], through: dispatcher)
    return message
  }

  /// What a notebook would show under the cell: the iopub messages caused by `request`
  /// other than `status` and `execute_input`.
  public func outputs(of request: Message) -> [Sent] {
    caused(by: request).filter { $0.channel == .iopub && $0.type != "status" && $0.type != "execute_input" }
  }

  public func messages(on channel: Channel) -> [Sent] { sent.filter { $0.channel == channel } }

  /// Everything caused by `request`, on any channel, in send order.
  public func caused(by request: Message) -> [Sent] {
    sent.filter { $0.parentHeader["msg_id"]?.stringValue == request.header.msgID }
  }

  /// The iopub types caused by `request`, with `status` spelled out as its state
  /// (`busy`, `idle`), which makes ordering assertions one-liners.
  public func iopubSequence(for request: Message) -> [String] {
    caused(by: request).compactMap { sent in
      guard sent.channel == .iopub else { return nil }
      return sent.type == "status" ? sent.content["execution_state"]?.stringValue ?? "status?" : sent.type
    }
  }

  /// The single reply to `request` on `channel`, or nil when there is none or several.
  public func reply(to request: Message, on channel: Channel = .shell) -> Sent? {
    let replies = caused(by: request).filter { $0.channel == channel }
    return replies.count == 1 ? replies[0] : nil
  }
}
