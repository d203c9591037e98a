import CZeroMQ
import JupyterProtocol

/// A minimal Jupyter client over real ZeroMQ sockets, as `jupyter_client` connects: DEALERs
/// for shell and control, SUB for iopub, REQ for heartbeat. Test code only: one thread.
final class TestClient {
  let context: UnsafeMutableRawPointer
  let shell: UnsafeMutableRawPointer
  let control: UnsafeMutableRawPointer
  let iopub: UnsafeMutableRawPointer
  let heartbeat: UnsafeMutableRawPointer
  let codec: WireCodec
  let factory = HeaderFactory(username: "zmq-test")

  enum Failure: Error { case socket, timeout }

  init(info: ConnectionInfo) throws {
    guard let context = zmq_ctx_new() else { throw Failure.socket }
    self.context = context
    func open(_ type: Int32, _ endpoint: String) throws -> UnsafeMutableRawPointer {
      guard let socket = zmq_socket(context, type) else { throw Failure.socket }
      var linger: Int32 = 0
      zmq_setsockopt(socket, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
      guard zmq_connect(socket, endpoint) == 0 else { throw Failure.socket }
      return socket
    }
    shell = try open(ZMQ_DEALER, info.endpoint(for: .shell))
    control = try open(ZMQ_DEALER, info.endpoint(for: .control))
    iopub = try open(ZMQ_SUB, info.endpoint(for: .iopub))
    heartbeat = try open(ZMQ_REQ, info.heartbeatEndpoint)
    zmq_setsockopt(iopub, ZMQ_SUBSCRIBE, "", 0)
    codec = WireCodec(signer: info.signer)
  }

  deinit {
    for socket in [shell, control, iopub, heartbeat] { zmq_close(socket) }
    zmq_ctx_term(context)
  }

  func sendFrames(_ frames: [[UInt8]], on socket: UnsafeMutableRawPointer) {
    for (i, frame) in frames.enumerated() {
      _ = frame.withUnsafeBytes { zmq_send(socket, $0.baseAddress, $0.count, i < frames.count - 1 ? ZMQ_SNDMORE : 0) }
    }
  }

  @discardableResult
  func send(_ content: some MessageContent, on socket: UnsafeMutableRawPointer) -> Message {
    let message = Message(header: factory.make(content.messageType), content: RawJSON(ContentCoder.encode(content)))
    sendFrames(codec.encode(message), on: socket)
    return message
  }

  /// The next multipart message on `socket`, or nil after `milliseconds`.
  func receiveFrames(on socket: UnsafeMutableRawPointer, milliseconds: Int = 5000) -> [[UInt8]]? {
    var item = zmq_pollitem_t(socket: socket, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
    guard zmq_poll(&item, 1, milliseconds) > 0 else { return nil }
    var frames: [[UInt8]] = []
    var message = zmq_msg_t()
    while true {
      zmq_msg_init(&message)
      guard zmq_msg_recv(&message, socket, 0) >= 0 else {
        zmq_msg_close(&message)
        return nil
      }
      frames.append(Array(UnsafeRawBufferPointer(start: zmq_msg_data(&message), count: zmq_msg_size(&message))))
      let more = zmq_msg_more(&message) != 0
      zmq_msg_close(&message)
      if !more { return frames }
    }
  }

  func receive(on socket: UnsafeMutableRawPointer, milliseconds: Int = 5000) throws -> Message {
    guard let frames = receiveFrames(on: socket, milliseconds: milliseconds) else { throw Failure.timeout }
    return try codec.decode(frames)
  }

  func content(_ message: Message) throws -> JSONValue {
    try ContentCoder.decode(JSONValue.self, from: message.content)
  }

  /// Iopub messages whose parent is `request`, up to and including its `idle`.
  func iopubUntilIdle(of request: Message) throws -> [(type: String, content: JSONValue)] {
    var seen: [(type: String, content: JSONValue)] = []
    while true {
      let message = try receive(on: iopub)
      let parent = try ContentCoder.decode(JSONValue.self, from: message.parentHeader)
      guard parent["msg_id"]?.stringValue == request.header.msgID else { continue }
      let body = try content(message)
      seen.append((message.header.msgType, body))
      if message.header.msgType == "status", body["execution_state"] == .string("idle") { return seen }
    }
  }
}
