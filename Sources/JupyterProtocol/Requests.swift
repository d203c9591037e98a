// Request contents (spec: "Messages on the shell (ROUTER/DEALER) channel" and "control").
// Optional fields take the spec's defaults, and unknown fields are ignored, so a request from
// an older or newer client still decodes. Each is also Encodable so that clients and tests
// can build requests with the same types.

/// `execute_request`: run a cell.
public struct ExecuteRequest: MessageContent, Decodable, Equatable {
  public var messageType: MessageType { .executeRequest }
  public var code: String
  public var silent: Bool
  public var storeHistory: Bool
  public var userExpressions: [String: String]
  public var allowStdin: Bool
  public var stopOnError: Bool

  enum CodingKeys: String, CodingKey {
    case code, silent
    case storeHistory = "store_history"
    case userExpressions = "user_expressions"
    case allowStdin = "allow_stdin"
    case stopOnError = "stop_on_error"
  }

  public init(
    code: String, silent: Bool = false, storeHistory: Bool = true, userExpressions: [String: String] = [:],
    allowStdin: Bool = false, stopOnError: Bool = true
  ) {
    self.code = code
    self.silent = silent
    self.storeHistory = storeHistory
    self.userExpressions = userExpressions
    self.allowStdin = allowStdin
    self.stopOnError = stopOnError
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    code = try c.decode(String.self, forKey: .code)
    silent = try c.decodeIfPresent(Bool.self, forKey: .silent) ?? false
    storeHistory = try c.decodeIfPresent(Bool.self, forKey: .storeHistory) ?? true
    userExpressions = try c.decodeIfPresent([String: String].self, forKey: .userExpressions) ?? [:]
    allowStdin = try c.decodeIfPresent(Bool.self, forKey: .allowStdin) ?? true
    stopOnError = try c.decodeIfPresent(Bool.self, forKey: .stopOnError) ?? true
  }
}

/// `complete_request`: `cursor_pos` counts Unicode code points (protocol ≥ 5.2).
public struct CompleteRequest: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .completeRequest }
  public var code: String
  public var cursorPos: Int
  enum CodingKeys: String, CodingKey {
    case code
    case cursorPos = "cursor_pos"
  }
  public init(code: String, cursorPos: Int) {
    self.code = code
    self.cursorPos = cursorPos
  }
}

/// `inspect_request`: Shift-Tab documentation at `cursor_pos`.
public struct InspectRequest: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .inspectRequest }
  public var code: String
  public var cursorPos: Int
  public var detailLevel: Int
  enum CodingKeys: String, CodingKey {
    case code
    case cursorPos = "cursor_pos"
    case detailLevel = "detail_level"
  }
  public init(code: String, cursorPos: Int, detailLevel: Int = 0) {
    self.code = code
    self.cursorPos = cursorPos
    self.detailLevel = detailLevel
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    code = try c.decode(String.self, forKey: .code)
    cursorPos = try c.decode(Int.self, forKey: .cursorPos)
    detailLevel = try c.decodeIfPresent(Int.self, forKey: .detailLevel) ?? 0
  }
}

/// `is_complete_request`: would this code run as is, or does the console need more lines?
public struct IsCompleteRequest: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .isCompleteRequest }
  public var code: String
  public init(code: String) { self.code = code }
}

/// `history_request`: `tail`, `range` or `search` over the inputs of this kernel process.
public struct HistoryRequest: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .historyRequest }
  public enum AccessType: String, Codable, Sendable { case range, tail, search }
  public var output: Bool
  public var raw: Bool
  public var accessType: AccessType
  public var session: Int?
  public var start: Int?
  public var stop: Int?
  public var n: Int?
  public var pattern: String?
  public var unique: Bool

  enum CodingKeys: String, CodingKey {
    case output, raw, session, start, stop, n, pattern, unique
    case accessType = "hist_access_type"
  }

  public init(
    accessType: AccessType, output: Bool = false, raw: Bool = true, session: Int? = nil, start: Int? = nil,
    stop: Int? = nil, n: Int? = nil, pattern: String? = nil, unique: Bool = false
  ) {
    self.accessType = accessType
    self.output = output
    self.raw = raw
    self.session = session
    self.start = start
    self.stop = stop
    self.n = n
    self.pattern = pattern
    self.unique = unique
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    accessType = try c.decode(AccessType.self, forKey: .accessType)
    output = try c.decodeIfPresent(Bool.self, forKey: .output) ?? false
    raw = try c.decodeIfPresent(Bool.self, forKey: .raw) ?? true
    session = try c.decodeIfPresent(Int.self, forKey: .session)
    start = try c.decodeIfPresent(Int.self, forKey: .start)
    stop = try c.decodeIfPresent(Int.self, forKey: .stop)
    n = try c.decodeIfPresent(Int.self, forKey: .n)
    pattern = try c.decodeIfPresent(String.self, forKey: .pattern)
    unique = try c.decodeIfPresent(Bool.self, forKey: .unique) ?? false
  }
}

/// `comm_info_request`, optionally restricted to one target.
public struct CommInfoRequest: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .commInfoRequest }
  public var targetName: String?
  enum CodingKeys: String, CodingKey { case targetName = "target_name" }
  public init(targetName: String? = nil) { self.targetName = targetName }
}

/// `comm_open`, either way: the frontend opens a comm to a target the kernel registered, or
/// the kernel opens one (on iopub) to a target the frontend knows, such as `jupyter.widget`.
public struct CommOpen: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .commOpen }
  public var commID: String
  public var targetName: String
  public var data: JSONValue
  public var targetModule: String?
  enum CodingKeys: String, CodingKey {
    case commID = "comm_id"
    case targetName = "target_name"
    case data
    case targetModule = "target_module"
  }
  public init(commID: String, targetName: String, data: JSONValue = .object([:]), targetModule: String? = nil) {
    self.commID = commID
    self.targetName = targetName
    self.data = data
    self.targetModule = targetModule
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    commID = try c.decode(String.self, forKey: .commID)
    targetName = try c.decode(String.self, forKey: .targetName)
    data = try c.decodeIfPresent(JSONValue.self, forKey: .data) ?? .object([:])
    targetModule = try c.decodeIfPresent(String.self, forKey: .targetModule)
  }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(commID, forKey: .commID)
    try c.encode(targetName, forKey: .targetName)
    try c.encode(data, forKey: .data)
    try c.encodeIfPresent(targetModule, forKey: .targetModule)
  }
}

/// `comm_msg`, either way: `data` for the comm's other end (a widget's `{method, state}`), with
/// the message's binary buffers travelling beside it.
public struct CommMsg: CommContent {
  public var messageType: MessageType { .commMsg }
  public var commID: String
  public var data: JSONValue
  public init(commID: String, data: JSONValue = .object([:])) {
    self.commID = commID
    self.data = data
  }
}

/// What `comm_msg` and `comm_close` both carry, coded in one place: the comm, and its data (an
/// empty object when a message leaves it out). The protocol's schema keeps them two message
/// types, and so do these.
public protocol CommContent: MessageContent, Codable, Equatable {
  var commID: String { get }
  var data: JSONValue { get }
  init(commID: String, data: JSONValue)
}

private enum CommContentKeys: String, CodingKey {
  case commID = "comm_id"
  case data
}

extension CommContent {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CommContentKeys.self)
    self.init(
      commID: try c.decode(String.self, forKey: .commID),
      data: try c.decodeIfPresent(JSONValue.self, forKey: .data) ?? .object([:]))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CommContentKeys.self)
    try c.encode(commID, forKey: .commID)
    try c.encode(data, forKey: .data)
  }
}

/// `shutdown_request`: with `restart`, the manager starts a new process afterwards.
public struct ShutdownRequest: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .shutdownRequest }
  public var restart: Bool
  public init(restart: Bool = false) { self.restart = restart }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    restart = try c.decodeIfPresent(Bool.self, forKey: .restart) ?? false
  }
}

/// `kernel_info_request`: content `{}`.
public struct KernelInfoRequest: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .kernelInfoRequest }
  public init() {}
}

/// `interrupt_request` (5.3, control channel): content `{}`.
public struct InterruptRequest: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .interruptRequest }
  public init() {}
}
