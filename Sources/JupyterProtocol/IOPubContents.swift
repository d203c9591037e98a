// IOPub contents (spec: "Messages on the IOPub (PUB/SUB) channel").

/// `status`: `starting` once, then `busy`/`idle` around every request.
public struct KernelStatus: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .status }
  public enum State: String, Codable, Sendable { case starting, busy, idle }
  public var executionState: State
  enum CodingKeys: String, CodingKey { case executionState = "execution_state" }
  public init(_ state: State) { executionState = state }
}

/// `stream`: text written to stdout or stderr.
public struct StreamOutput: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .stream }
  public enum Name: String, Codable, Sendable { case stdout, stderr }
  public var name: Name
  public var text: String
  public init(name: Name, text: String) {
    self.name = name
    self.text = text
  }
}

/// `transient` of a display: never stored in the notebook.
public struct DisplayTransient: Codable, Sendable, Equatable {
  public var displayID: String
  enum CodingKeys: String, CodingKey { case displayID = "display_id" }
  public init(displayID: String) { self.displayID = displayID }
}

/// `display_data`, or `update_display_data` when `isUpdate` (then `transient` is required,
/// which the `update` constructor guarantees).
public struct DisplayData: MessageContent, Equatable {
  public let isUpdate: Bool
  public var data: [String: JSONValue]
  public var metadata: [String: JSONValue]
  public var transient: DisplayTransient?
  public var messageType: MessageType { isUpdate ? .updateDisplayData : .displayData }

  enum CodingKeys: String, CodingKey { case data, metadata, transient }

  public static func display(data: [String: JSONValue], metadata: [String: JSONValue], displayID: String?) -> DisplayData {
    DisplayData(isUpdate: false, data: data, metadata: metadata, transient: displayID.map(DisplayTransient.init))
  }

  public static func update(data: [String: JSONValue], metadata: [String: JSONValue], displayID: String) -> DisplayData {
    DisplayData(isUpdate: true, data: data, metadata: metadata, transient: DisplayTransient(displayID: displayID))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(data, forKey: .data)
    try c.encode(metadata, forKey: .metadata)
    // `transient` is optional for display_data but the schema requires it for updates,
    // so a display without an id still sends `{}`.
    if let transient {
      try c.encode(transient, forKey: .transient)
    } else {
      try c.encode([String: String](), forKey: .transient)
    }
  }
}

/// `execute_input`: the code, verbatim, and the count it runs under.
public struct ExecuteInput: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .executeInput }
  public var code: String
  public var executionCount: Int
  enum CodingKeys: String, CodingKey {
    case code
    case executionCount = "execution_count"
  }
  public init(code: String, executionCount: Int) {
    self.code = code
    self.executionCount = executionCount
  }
}

/// `execute_result`: the cell's value.
public struct ExecuteResult: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .executeResult }
  public var executionCount: Int
  public var data: [String: JSONValue]
  public var metadata: [String: JSONValue]
  enum CodingKeys: String, CodingKey {
    case data, metadata
    case executionCount = "execution_count"
  }
  public init(executionCount: Int, data: [String: JSONValue], metadata: [String: JSONValue]) {
    self.executionCount = executionCount
    self.data = data
    self.metadata = metadata
  }
}

/// `error`: a failed cell, as shown under it.
public struct ErrorOutput: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .error }
  public var ename: String
  public var evalue: String
  public var traceback: [String]
  public init(ename: String, evalue: String, traceback: [String]) {
    self.ename = ename
    self.evalue = evalue
    self.traceback = traceback
  }
}

/// `clear_output`; with `wait`, the frontend clears when the next output arrives.
public struct ClearOutput: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .clearOutput }
  public var wait: Bool
  public init(wait: Bool) { self.wait = wait }
}

/// `comm_close`, either way: the end of a comm, or (from the kernel, on iopub) the refusal of a
/// `comm_open` for a target this kernel lacks.
public struct CommClose: CommContent {
  public var messageType: MessageType { .commClose }
  public var commID: String
  public var data: JSONValue
  public init(commID: String, data: JSONValue = .object([:])) {
    self.commID = commID
    self.data = data
  }
}

/// `iopub_welcome` (5.5): sent by an XPUB socket when a subscriber joins.
public struct IOPubWelcome: MessageContent, Codable, Equatable {
  public var messageType: MessageType { .iopubWelcome }
  public var subscription: String
  public init(subscription: String) { self.subscription = subscription }
}
