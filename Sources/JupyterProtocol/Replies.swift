// Reply contents (spec: shell and control replies). Every field that `jupyter_kernel_test`'s
// schema requires is non-optional here, so a reply cannot be built without it.

/// `status` of a reply. `aborted` answers only the executes skipped after a failure
/// (`ExecuteAbortedReply`), as ipykernel does.
public enum ReplyStatus: String, Codable, Sendable { case ok, error, aborted }

/// `execute_reply`. `execution_count` is present whatever the status; the error fields only
/// when `status` is `error`.
public struct ExecuteReply: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .executeReply }
  public var status: ReplyStatus
  public var executionCount: Int
  public var userExpressions: [String: JSONValue]
  public var payload: [JSONValue]
  public var ename: String?
  public var evalue: String?
  public var traceback: [String]?

  enum CodingKeys: String, CodingKey {
    case status, payload, ename, evalue, traceback
    case executionCount = "execution_count"
    case userExpressions = "user_expressions"
  }

  public static func ok(executionCount: Int, userExpressions: [String: JSONValue] = [:], payload: [JSONValue] = [])
    -> ExecuteReply
  {
    ExecuteReply(
      status: .ok, executionCount: executionCount, userExpressions: userExpressions, payload: payload)
  }

  public static func error(executionCount: Int, ename: String, evalue: String, traceback: [String]) -> ExecuteReply {
    ExecuteReply(
      status: .error, executionCount: executionCount, userExpressions: [:], payload: [], ename: ename,
      evalue: evalue, traceback: traceback)
  }
}

/// `execute_reply` for a request that was not run because an earlier cell failed with
/// `stop_on_error`: `{"status": "aborted"}` and nothing else, as ipykernel sends it. With no
/// `execution_count`, JupyterLab leaves the cell's prompt empty (`[ ]:`): it reads as not run.
public struct ExecuteAbortedReply: MessageContent, Encodable, Equatable {
  public var messageType: MessageType { .executeReply }
  public let status = ReplyStatus.aborted

  public init() {}

  enum CodingKeys: String, CodingKey { case status }

  /// ipykernel repeats the status in the reply's metadata.
  public static let metadata = RawJSON(Array(#"{"status":"aborted"}"#.utf8))
}

/// `language_info` inside `kernel_info_reply`.
public struct LanguageInfoContent: Codable, Sendable, Equatable {
  public var name: String
  public var version: String
  public var mimetype: String
  public var fileExtension: String
  public var pygmentsLexer: String
  public var codemirrorMode: String
  public var nbconvertExporter: String

  enum CodingKeys: String, CodingKey {
    case name, version, mimetype
    case fileExtension = "file_extension"
    case pygmentsLexer = "pygments_lexer"
    case codemirrorMode = "codemirror_mode"
    case nbconvertExporter = "nbconvert_exporter"
  }

  public init(
    name: String, version: String, mimetype: String, fileExtension: String, pygmentsLexer: String,
    codemirrorMode: String, nbconvertExporter: String
  ) {
    self.name = name
    self.version = version
    self.mimetype = mimetype
    self.fileExtension = fileExtension
    self.pygmentsLexer = pygmentsLexer
    self.codemirrorMode = codemirrorMode
    self.nbconvertExporter = nbconvertExporter
  }
}

/// One entry of `help_links`.
public struct HelpLink: Codable, Sendable, Equatable {
  public var text: String
  public var url: String
  public init(text: String, url: String) {
    self.text = text
    self.url = url
  }
}

/// `kernel_info_reply`, answered on shell and on control.
public struct KernelInfoReply: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .kernelInfoReply }
  public var status: ReplyStatus = .ok
  public var protocolVersion: String = Header.protocolVersion
  public var implementation: String
  public var implementationVersion: String
  public var languageInfo: LanguageInfoContent
  public var banner: String
  public var helpLinks: [HelpLink]

  enum CodingKeys: String, CodingKey {
    case status, implementation, banner
    case protocolVersion = "protocol_version"
    case implementationVersion = "implementation_version"
    case languageInfo = "language_info"
    case helpLinks = "help_links"
  }

  public init(
    implementation: String, implementationVersion: String, languageInfo: LanguageInfoContent, banner: String,
    helpLinks: [HelpLink]
  ) {
    self.implementation = implementation
    self.implementationVersion = implementationVersion
    self.languageInfo = languageInfo
    self.banner = banner
    self.helpLinks = helpLinks
  }
}

/// `complete_reply`. `metadata` is required by the schema even when empty.
public struct CompleteReply: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .completeReply }
  public var status: ReplyStatus = .ok
  public var matches: [String]
  public var cursorStart: Int
  public var cursorEnd: Int
  public var metadata: [String: JSONValue]

  enum CodingKeys: String, CodingKey {
    case status, matches, metadata
    case cursorStart = "cursor_start"
    case cursorEnd = "cursor_end"
  }

  public init(matches: [String], cursorStart: Int, cursorEnd: Int, metadata: [String: JSONValue]) {
    self.matches = matches
    self.cursorStart = cursorStart
    self.cursorEnd = cursorEnd
    self.metadata = metadata
  }
}

/// `inspect_reply`: `found` false comes with empty `data`.
public struct InspectReply: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .inspectReply }
  public var status: ReplyStatus = .ok
  public var found: Bool
  public var data: [String: JSONValue]
  public var metadata: [String: JSONValue]
  public init(found: Bool, data: [String: JSONValue], metadata: [String: JSONValue]) {
    self.found = found
    self.data = data
    self.metadata = metadata
  }
}

/// `is_complete_reply`. Not a status-type reply: `status` is the verdict, and `indent` is
/// present only when the code is incomplete.
public struct IsCompleteReply: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .isCompleteReply }
  public enum Verdict: String, Codable, Sendable { case complete, incomplete, invalid, unknown }
  public var status: Verdict
  public var indent: String?
  public init(status: Verdict, indent: String? = nil) {
    self.status = status
    self.indent = indent
  }
}

/// `history_reply`: entries `[session, line, input]`, or `[session, line, [input, output]]`.
public struct HistoryReply: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .historyReply }
  public var status: ReplyStatus = .ok
  public var history: [JSONValue]
  public init(history: [JSONValue]) { self.history = history }
}

/// `comm_info_reply`: `comms` maps comm ids to `{target_name}`.
public struct CommInfoReply: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .commInfoReply }
  public var status: ReplyStatus = .ok
  public var comms: [String: JSONValue]
  public init(comms: [String: JSONValue] = [:]) { self.comms = comms }
}

/// `shutdown_reply`, echoing `restart`.
public struct ShutdownReply: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .shutdownReply }
  public var status: ReplyStatus = .ok
  public var restart: Bool
  public init(restart: Bool) { self.restart = restart }
}

/// `interrupt_reply`: `{"status": "ok"}`; a reply without `status` breaks clients.
public struct InterruptReply: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .interruptReply }
  public var status: ReplyStatus = .ok
  public init() {}
}

/// The error form of any status-type reply: `{status: "error", ename, evalue, traceback}`.
public struct ErrorReply: MessageContent, Equatable {
  public let messageType: MessageType
  public var ename: String
  public var evalue: String
  public var traceback: [String]

  enum CodingKeys: String, CodingKey { case status, ename, evalue, traceback }

  public init(messageType: MessageType, ename: String, evalue: String, traceback: [String] = []) {
    self.messageType = messageType
    self.ename = ename
    self.evalue = evalue
    self.traceback = traceback
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(ReplyStatus.error, forKey: .status)
    try c.encode(ename, forKey: .ename)
    try c.encode(evalue, forKey: .evalue)
    try c.encode(traceback, forKey: .traceback)
  }
}
