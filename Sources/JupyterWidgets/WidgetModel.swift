import JupyterKernel
import JupyterProtocol

/// One widget model, kept in step with its copy in every front end: the kernel's changes go
/// out as `update`, the front end's come in as `update` and are echoed back (`echo_update`,
/// protocol 2.1) so other front ends follow. Binary values (an image's PNG) travel as buffers
/// under top-level keys; everything else is JSON.
///
/// Used on the execution thread only.
public final class WidgetModel: CommHandler {
  public let spec: WidgetSpec
  public private(set) var state: [String: JSONValue]
  public private(set) var bytes: [String: [UInt8]]
  /// Set when the comm opens; the model id is the comm id.
  private(set) var comm: Comm?
  /// Called after a front end changed `keys` (already applied and echoed).
  public var onChange: ((WidgetModel, Set<String>) -> Void)?
  /// Called for a `custom` message, such as a Button's `{"event": "click"}`.
  public var onCustom: ((WidgetModel, JSONValue) -> Void)?

  init(spec: WidgetSpec, state: [String: JSONValue], bytes: [String: [UInt8]]) {
    self.spec = spec
    self.state = state
    self.bytes = bytes
  }

  public var id: String { comm?.id ?? "" }
  /// How other models refer to this one (a box's `children`, a link's ends).
  public var reference: JSONValue { .string("IPY_MODEL_" + id) }

  /// Changes attributes from the kernel's side and sends them (`update`) at once: during a
  /// cell they reach the browser while the cell still runs.
  public func update(_ changes: [String: JSONValue], bytes newBytes: [String: [UInt8]] = [:]) {
    for (key, value) in changes { state[key] = value }
    for (key, value) in newBytes { bytes[key] = value }
    send(method: "update", state: changes, bytes: newBytes)
  }

  /// A `custom` message to the front end.
  public func sendCustom(_ content: JSONValue) {
    comm?.send(CommPayload(data: .object(["method": .string("custom"), "content": content])))
  }

  /// The whole state for `comm_open`, `request_state` and `update_states`: the JSON part with
  /// the model keys, the paths of the binary values and the buffers in the same order.
  func fullState() -> (state: [String: JSONValue], paths: [[String]], buffers: [[UInt8]]) {
    var all = spec.stateKeys
    for (key, value) in state { all[key] = value }
    let keys = bytes.keys.sorted()
    for key in keys { all[key] = nil }
    return (all, keys.map { [$0] }, keys.map { bytes[$0]! })
  }

  func attach(_ comm: Comm) { self.comm = comm }

  private func send(method: String, state changes: [String: JSONValue], bytes newBytes: [String: [UInt8]]) {
    let keys = newBytes.keys.sorted()
    var data: [String: JSONValue] = ["method": .string(method), "state": .object(changes)]
    if !keys.isEmpty { data["buffer_paths"] = .array(keys.map { .array([.string($0)]) }) }
    comm?.send(CommPayload(data: .object(data), buffers: keys.map { newBytes[$0]! }))
  }

  // MARK: CommHandler

  public func received(_ payload: CommPayload, on comm: Comm) {
    switch payload.data["method"]?.stringValue {
    case "update":
      let incoming = payload.data["state"]?.objectValue ?? [:]
      var incomingBytes: [String: [UInt8]] = [:]
      // Only top-level binary attributes exist in the models this kernel opens.
      for (path, buffer) in zip(payload.data["buffer_paths"]?.arrayValue ?? [], payload.buffers) {
        if let parts = path.arrayValue, parts.count == 1, let key = parts[0].stringValue { incomingBytes[key] = buffer }
      }
      for (key, value) in incoming { state[key] = value }
      for (key, value) in incomingBytes { bytes[key] = value; state[key] = nil }
      // Echo first, so other front ends (and this one's pending-echo bookkeeping) are in
      // step before the kernel's own reaction to the change goes out.
      send(method: "echo_update", state: incoming, bytes: incomingBytes)
      onChange?(self, Set(incoming.keys).union(incomingBytes.keys))
    case "request_state":
      // Parented to the request (the dispatcher's scope): the front end's restore matches
      // the reply by its parent's msg_id.
      let full = fullState()
      var data: [String: JSONValue] = ["method": .string("update"), "state": .object(full.state)]
      data["buffer_paths"] = .array(full.paths.map { .array($0.map(JSONValue.string)) })
      comm.send(CommPayload(data: .object(data), buffers: full.buffers))
    case "custom":
      onCustom?(self, payload.data["content"] ?? .null)
    default:
      break
    }
  }

  public func closed(_ payload: CommPayload, comm: Comm) {
    onChange = nil
    onCustom = nil
  }
}
