/// A JSON document kept as the exact bytes received or to be sent. The parent header travels
/// this way so that replies copy the request's header verbatim, unknown keys included.
public struct RawJSON: Sendable, Equatable, Hashable {
  public var bytes: [UInt8]
  public init(_ bytes: [UInt8]) { self.bytes = bytes }
  public static let emptyObject = RawJSON(Array("{}".utf8))
}

/// One Jupyter message, between the wire frames and the typed contents: the header decoded,
/// the other three dicts as raw JSON, plus routing identities and extra binary buffers.
public struct Message: Sendable, Equatable {
  /// ROUTER routing prefix on shell/control/stdin (a reply must reuse it); a topic on iopub.
  public var identities: [[UInt8]]
  public var header: Header
  /// The header bytes exactly as received; used as the `parent_header` of every answer.
  public var rawHeader: RawJSON
  public var parentHeader: RawJSON
  public var metadata: RawJSON
  public var content: RawJSON
  public var buffers: [[UInt8]]

  public init(
    identities: [[UInt8]] = [], header: Header, rawHeader: RawJSON? = nil, parentHeader: RawJSON = .emptyObject,
    metadata: RawJSON = .emptyObject, content: RawJSON = .emptyObject, buffers: [[UInt8]] = []
  ) {
    self.identities = identities
    self.header = header
    self.rawHeader = rawHeader ?? RawJSON(header.jsonBytes)
    self.parentHeader = parentHeader
    self.metadata = metadata
    self.content = content
    self.buffers = buffers
  }

  /// The known type of this message, or nil for a `msg_type` this kernel does not speak.
  public var type: MessageType? { MessageType(rawValue: header.msgType) }

  /// A message caused by `parent`: same routing identities, `parent_header` = its header.
  public static func answer(
    to parent: Message, content: some MessageContent, factory: HeaderFactory, metadata: RawJSON = .emptyObject
  ) -> Message {
    Message(
      identities: parent.identities, header: factory.make(content.messageType), parentHeader: parent.rawHeader,
      metadata: metadata, content: RawJSON(ContentCoder.encode(content)))
  }

  /// A message for iopub caused by `parent` (or by nothing, when `parent` is nil): the topic
  /// frame names the type, as ipykernel's do; clients subscribe to everything anyway.
  /// `metadata` and `buffers` are for comm messages: a widget's protocol version, its images.
  public static func broadcast(
    _ content: some MessageContent, parent: Message?, factory: HeaderFactory, metadata: RawJSON = .emptyObject,
    buffers: [[UInt8]] = []
  ) -> Message {
    Message(
      identities: [Array(content.messageType.rawValue.utf8)], header: factory.make(content.messageType),
      parentHeader: parent?.rawHeader ?? .emptyObject, metadata: metadata, content: RawJSON(ContentCoder.encode(content)),
      buffers: buffers)
  }
}
