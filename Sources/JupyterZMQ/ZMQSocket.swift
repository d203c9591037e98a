import CZeroMQ

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed libzmq call: what was attempted and `zmq_errno()`.
public struct ZMQError: Error, Sendable, Equatable, CustomStringConvertible {
  public var operation: String
  public var code: Int32

  static func last(_ operation: String) -> ZMQError { ZMQError(operation: operation, code: zmq_errno()) }

  /// The context was shut down: the owning thread should close its sockets and end.
  public var isTerminated: Bool { code == ZMQError.terminated }
  static let terminated: Int32 = 156_384_712 + 53  // ETERM = ZMQ_HAUSNUMERO + 53 (not imported: macro arithmetic)

  public var description: String {
    "\(operation): \(String(cString: zmq_strerror(code)))"
  }
}

/// A libzmq context. Contexts are thread-safe, so this one is shared by every socket thread.
final class ZMQContext: @unchecked Sendable {
  let raw: UnsafeMutableRawPointer

  init() throws(ZMQError) {
    guard let raw = zmq_ctx_new() else { throw .last("zmq_ctx_new") }
    self.raw = raw
  }

  /// Makes every blocking call on every socket return `ETERM`, so the threads end.
  func shutdown() { _ = zmq_ctx_shutdown(raw) }

  /// Waits until every socket is closed and pending messages are sent (bounded by linger).
  func terminate() {
    while zmq_ctx_term(raw) != 0 && zmq_errno() == EINTR {}
  }
}

/// One libzmq socket. Not thread-safe and deliberately not `Sendable`: a socket is created
/// on the main thread, handed once to the thread that owns it (see `Handoff`), and used
/// only there. Blocking calls are retried on `EINTR`, which a signal can cause at any time.
final class ZMQSocket {
  let raw: UnsafeMutableRawPointer
  /// Reused for every frame received, so receiving does not allocate a message header each time.
  private let frame = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
  private var closed = false

  init(_ context: ZMQContext, type: Int32, lingerMilliseconds: Int32 = 200) throws(ZMQError) {
    guard let raw = zmq_socket(context.raw, type) else {
      frame.deallocate()
      throw .last("zmq_socket")
    }
    self.raw = raw
    // Without a linger, closing the context would block forever on unsent messages.
    setOption(ZMQ_LINGER, lingerMilliseconds)
  }

  deinit {
    close()
    frame.deallocate()
  }

  func close() {
    guard !closed else { return }
    closed = true
    _ = zmq_close(raw)
  }

  func setOption(_ option: Int32, _ value: Int32) {
    var v = value
    _ = zmq_setsockopt(raw, option, &v, MemoryLayout<Int32>.size)
  }

  func bind(_ endpoint: String) throws(ZMQError) {
    guard zmq_bind(raw, endpoint) == 0 else { throw .last("bind \(endpoint)") }
  }

  func connect(_ endpoint: String) throws(ZMQError) {
    guard zmq_connect(raw, endpoint) == 0 else { throw .last("connect \(endpoint)") }
  }

  /// Sends all frames as one multipart message.
  func send(_ frames: [[UInt8]]) throws(ZMQError) {
    for (i, f) in frames.enumerated() {
      let flags: Int32 = i < frames.count - 1 ? ZMQ_SNDMORE : 0
      var rc: Int32
      repeat {
        rc = f.withUnsafeBytes { zmq_send(raw, $0.baseAddress, $0.count, flags) }
      } while rc < 0 && zmq_errno() == EINTR
      if rc < 0 { throw .last("zmq_send") }
    }
  }

  /// Receives one multipart message; nil when `dontWait` is set and nothing is waiting.
  func receive(dontWait: Bool = false) throws(ZMQError) -> [[UInt8]]? {
    var frames: [[UInt8]] = []
    while true {
      guard try receiveFrame(dontWait: dontWait) else {
        if frames.isEmpty { return nil }
        throw ZMQError(operation: "zmq_msg_recv", code: EAGAIN)
      }
      let size = zmq_msg_size(frame)
      frames.append(size == 0 ? [] : Array(UnsafeRawBufferPointer(start: zmq_msg_data(frame), count: size)))
      // Read before closing: closing releases the frame's flags.
      let more = zmq_msg_more(frame) != 0
      zmq_msg_close(frame)
      if !more { return frames }
    }
  }

  /// Receives one frame into `frame`, retrying when a signal interrupts the call. Returns
  /// false, with the frame closed, when `dontWait` is set and nothing is waiting; on any other
  /// failure the frame is closed and the error thrown.
  private func receiveFrame(dontWait: Bool) throws(ZMQError) -> Bool {
    zmq_msg_init(frame)
    var rc: Int32
    repeat {
      rc = zmq_msg_recv(frame, raw, dontWait ? ZMQ_DONTWAIT : 0)
    } while rc < 0 && zmq_errno() == EINTR
    guard rc < 0 else { return true }
    let error = ZMQError.last("zmq_msg_recv")
    zmq_msg_close(frame)
    if dontWait && error.code == EAGAIN { return false }
    throw error
  }

  /// What `forward` did with the waiting message.
  enum Forwarded { case nothing, forwarded, marker }

  /// Moves one waiting multipart message to `destination` frame by frame, without copying
  /// the frames (libzmq hands each one over), so a relay costs no allocation even for a
  /// large image. A single-frame message equal to `marker` is consumed instead of sent.
  func forward(to destination: ZMQSocket, marker: [UInt8]? = nil) throws(ZMQError) -> Forwarded {
    var first = true
    while true {
      guard try receiveFrame(dontWait: first) else { return .nothing }
      let more = zmq_msg_more(frame) != 0
      if first, !more, let marker, zmq_msg_size(frame) == marker.count,
        UnsafeRawBufferPointer(start: zmq_msg_data(frame), count: marker.count).elementsEqual(marker)
      {
        zmq_msg_close(frame)
        return .marker
      }
      first = false
      var rc: Int32
      repeat {
        rc = zmq_msg_send(frame, destination.raw, more ? ZMQ_SNDMORE : 0)
      } while rc < 0 && zmq_errno() == EINTR
      if rc < 0 {
        let error = ZMQError.last("zmq_msg_send")
        zmq_msg_close(frame)
        throw error
      }
      if !more { return .forwarded }
    }
  }

  /// True when a message is waiting, without blocking.
  var hasPendingInput: Bool {
    var events: Int32 = 0
    var size = MemoryLayout<Int32>.size
    guard zmq_getsockopt(raw, ZMQ_EVENTS, &events, &size) == 0 else { return false }
    return events & Int32(ZMQ_POLLIN) != 0
  }
}

/// Waits for input on several sockets at once. An interrupted wait (`EINTR`) reports nothing
/// ready, so callers simply loop.
func pollReadable(_ sockets: [ZMQSocket], timeoutMilliseconds: Int = -1) throws(ZMQError) -> [Bool] {
  var items = sockets.map { zmq_pollitem_t(socket: $0.raw, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
  let rc = zmq_poll(&items, Int32(items.count), timeoutMilliseconds)
  if rc < 0 {
    let error = ZMQError.last("zmq_poll")
    if error.code == EINTR { return Array(repeating: false, count: sockets.count) }
    throw error
  }
  return items.map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
}

/// Moves a non-Sendable value to the one thread that will own it. `@unchecked Sendable` is
/// sound because the creating thread gives it up: it never touches the value after handing it
/// over, and thread creation is the memory barrier libzmq asks for when a socket migrates.
struct Handoff<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
