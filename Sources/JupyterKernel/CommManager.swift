import JupyterProtocol

/// The comms of one kernel: registered targets, the open comms and their handlers, and the
/// request that messages sent now are parented to. The dispatcher routes `comm_open`,
/// `comm_msg`, `comm_close` and `comm_info_request` here; a language opens comms of its own
/// through `open(target:payload:handler:)`.
///
/// Not thread-safe: the dispatcher's thread (the execution thread) alone uses it, so comm
/// messages that arrive while a cell runs wait in the shell queue until the cell ends, while
/// the kernel's own messages during a cell go out on iopub at once.
public final class CommManager {
  private var targets: [String: any CommTarget] = [:]
  private var open: [String: (comm: Comm, handler: any CommHandler)] = [:]
  /// The request being handled; nil between requests.
  var scope: RequestScope?
  private let log: KernelLog

  init(log: @escaping KernelLog) {
    self.log = log
  }

  /// Where a comm handler's outputs go: iopub, parented to the message being handled.
  public private(set) lazy var output: any ExecutionOutput = CommOutput(manager: self)

  /// The `msg_id` of the request being handled, for an Output widget that captures what a
  /// handler shows; nil between requests.
  public var currentMessageID: String? { scope?.request.header.msgID }

  public func register(_ target: any CommTarget, as name: String) {
    targets[name] = target
  }

  /// The open comms' ids.
  public var ids: [String] { Array(open.keys) }

  /// Opens a comm from the kernel's side (`comm_open` on iopub). `metadata` carries what the
  /// target requires, such as the widget protocol's `{"version": "2.1.0"}`.
  @discardableResult
  public func open(target: String, payload: CommPayload, handler: any CommHandler) -> Comm {
    let comm = Comm(id: HeaderFactory.randomHex(bytes: 16), targetName: target, manager: self)
    open[comm.id] = (comm, handler)
    publish(CommOpen(commID: comm.id, targetName: target, data: payload.data), payload: payload)
    return comm
  }

  /// Runs `body` with `scope` as the parent of every comm message sent meanwhile.
  func within<T>(_ scope: RequestScope, _ body: () -> T) -> T {
    let outer = self.scope
    self.scope = scope
    defer { self.scope = outer }
    return body()
  }

  func publish(_ content: some MessageContent, payload: CommPayload) {
    guard let scope else {
      log("comm: no request to parent \(content.messageType.rawValue) to; dropped")
      return
    }
    let metadata = payload.metadata == .object([:]) ? RawJSON.emptyObject : RawJSON(ContentCoder.encode(payload.metadata))
    scope.publish(content, metadata: metadata, buffers: payload.buffers)
  }

  func forget(_ id: String) {
    open[id] = nil
  }

  // MARK: messages from the frontend

  func opened(_ request: CommOpen, message: Message) {
    let comm = Comm(id: request.commID, targetName: request.targetName, manager: self)
    guard let target = targets[request.targetName] else {
      log("comm: no target '\(request.targetName)', closing comm \(request.commID)")
      refuse(comm)
      return
    }
    // Registered before the target sees it, so the target may already send on it.
    open[comm.id] = (comm, RefusedHandler())
    if let handler = target.accept(comm, opening: payload(request.data, of: message)) {
      open[comm.id] = (comm, handler)
    } else if comm.isOpen {
      open[comm.id] = nil
      refuse(comm)
    }
  }

  func received(_ request: CommMsg, message: Message) {
    guard let entry = open[request.commID] else {
      log("comm: message for unknown comm \(request.commID), ignored")
      return
    }
    entry.handler.received(payload(request.data, of: message), on: entry.comm)
  }

  func closed(_ request: CommClose, message: Message) {
    guard let entry = open.removeValue(forKey: request.commID) else {
      log("comm: close of unknown comm \(request.commID), ignored")
      return
    }
    entry.comm.markClosed()
    entry.handler.closed(payload(request.data, of: message), comm: entry.comm)
  }

  /// `comm_info_reply`'s `comms`: every open comm, or those of one target.
  func info(target: String?) -> [String: JSONValue] {
    var comms: [String: JSONValue] = [:]
    for (id, entry) in open where target == nil || entry.comm.targetName == target {
      comms[id] = .object(["target_name": .string(entry.comm.targetName)])
    }
    return comms
  }

  private func refuse(_ comm: Comm) {
    comm.markClosed()
    publish(CommClose(commID: comm.id), payload: CommPayload())
  }

  private func payload(_ data: JSONValue, of message: Message) -> CommPayload {
    let metadata = (try? ContentCoder.decode(JSONValue.self, from: message.metadata)) ?? .object([:])
    return CommPayload(data: data, metadata: metadata, buffers: message.buffers)
  }
}

/// Stands in while a target decides, so a message the target sends meanwhile finds the comm.
private final class RefusedHandler: CommHandler {
  func received(_ payload: CommPayload, on comm: Comm) {}
}
