import JupyterProtocol

/// One comm message as its receiver sees it: the `data` dict, the message's `metadata` and its
/// binary buffers (a widget's image bytes travel there, not in the JSON).
public struct CommPayload: Sendable, Equatable {
  public var data: JSONValue
  public var metadata: JSONValue
  public var buffers: [[UInt8]]
  public init(data: JSONValue = .object([:]), metadata: JSONValue = .object([:]), buffers: [[UInt8]] = []) {
    self.data = data
    self.metadata = metadata
    self.buffers = buffers
  }
}

/// The kernel's end of one comm. Everything it sends goes out on iopub at once, parented to
/// the request being handled (a running cell, or the frontend's `comm_msg`), because that is
/// how the frontend matches echoes and idles to what it sent.
///
/// Used on the execution thread only, like the dispatcher that owns the manager.
public final class Comm {
  public let id: String
  public let targetName: String
  public private(set) var isOpen = true
  private unowned let manager: CommManager

  init(id: String, targetName: String, manager: CommManager) {
    self.id = id
    self.targetName = targetName
    self.manager = manager
  }

  /// A `comm_msg` to the frontend; ignored once the comm is closed.
  public func send(_ payload: CommPayload) {
    guard isOpen else { return }
    manager.publish(CommMsg(commID: id, data: payload.data), payload: payload)
  }

  /// Closes the comm from the kernel's side (`comm_close` on iopub).
  public func close(_ data: JSONValue = .object([:])) {
    guard isOpen else { return }
    isOpen = false
    manager.publish(CommClose(commID: id, data: data), payload: CommPayload(data: data))
    manager.forget(id)
  }

  func markClosed() { isOpen = false }
}

/// What listens at the kernel's end of a comm.
public protocol CommHandler: AnyObject {
  /// A `comm_msg` from the frontend. Whatever this sends is parented to that message.
  func received(_ payload: CommPayload, on comm: Comm)
  /// The frontend closed the comm.
  func closed(_ payload: CommPayload, comm: Comm)
}

extension CommHandler {
  public func closed(_ payload: CommPayload, comm: Comm) {}
}

/// A comm target the kernel registers under a name (`jupyter.widget.control`): it decides
/// whether a comm the frontend opens is accepted, and who handles it.
public protocol CommTarget: AnyObject {
  /// The handler for a comm the frontend opened, or nil to refuse it (it is closed again).
  func accept(_ comm: Comm, opening: CommPayload) -> (any CommHandler)?
}
