/// A message header (spec: "General Message Format"). Incoming headers are decoded leniently,
/// since only `msg_id` and `msg_type` are needed to answer; outgoing ones carry every field.
public struct Header: Sendable, Equatable {
  public var msgID: String
  public var session: String
  public var username: String
  /// ISO-8601 with `Z` and at most 6 fractional digits, as `jupyter_client` parses it.
  public var date: String
  /// Kept as the wire string: an unknown type still has to be logged and answered with busy/idle.
  public var msgType: String
  public var version: String

  public init(msgID: String, session: String, username: String, date: String, msgType: String, version: String) {
    self.msgID = msgID
    self.session = session
    self.username = username
    self.date = date
    self.msgType = msgType
    self.version = version
  }

  /// The protocol version this kernel speaks, in headers and in `kernel_info_reply`.
  public static let protocolVersion = "5.3"
}

extension Header: Codable {
  enum CodingKeys: String, CodingKey {
    case msgID = "msg_id"
    case session, username, date
    case msgType = "msg_type"
    case version
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    msgID = try c.decode(String.self, forKey: .msgID)
    msgType = try c.decode(String.self, forKey: .msgType)
    session = try c.decodeIfPresent(String.self, forKey: .session) ?? ""
    username = try c.decodeIfPresent(String.self, forKey: .username) ?? ""
    // Some clients send a date with an offset or none at all; it is carried, never parsed.
    date = (try? c.decodeIfPresent(String.self, forKey: .date)) ?? ""
    version = (try? c.decodeIfPresent(String.self, forKey: .version)) ?? ""
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(msgID, forKey: .msgID)
    try c.encode(session, forKey: .session)
    try c.encode(username, forKey: .username)
    try c.encode(date, forKey: .date)
    try c.encode(msgType, forKey: .msgType)
    try c.encode(version, forKey: .version)
  }
}

extension Header {
  /// The header as JSON bytes. Written by hand because a header goes out with every message
  /// and is six strings; this is several times cheaper than a `JSONEncoder` round.
  public var jsonBytes: [UInt8] {
    var w = JSONWriter()
    w.beginObject()
    w.member("msg_id", msgID)
    w.member("session", session)
    w.member("username", username)
    w.member("date", date)
    w.member("msg_type", msgType)
    w.member("version", version)
    w.endObject()
    return w.bytes
  }
}
