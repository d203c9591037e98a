import JupyterKernel
import JupyterProtocol

/// The `KernelTransport` of one socket thread: it encodes and signs each message and sends
/// it on the socket this thread uses for that channel (a ROUTER it owns, or an inproc PUSH to
/// the thread that owns the real socket). One per thread, never shared.
final class ZMQTransport: KernelTransport {
  private let codec: WireCodec
  private let sockets: [Channel: ZMQSocket]
  private let log: KernelLog

  init(codec: WireCodec, sockets: [Channel: ZMQSocket], log: @escaping KernelLog) {
    self.codec = codec
    self.sockets = sockets
    self.log = log
  }

  func send(_ message: Message, on channel: Channel) {
    guard let socket = sockets[channel] else {
      log("no \(channel.rawValue) socket on this thread; dropped \(message.header.msgType)")
      return
    }
    do {
      try socket.send(codec.encode(message))
    } catch {
      // After a context shutdown this is expected; otherwise it is worth knowing.
      if !error.isTerminated { log("send \(message.header.msgType) on \(channel.rawValue): \(error)") }
    }
  }
}

/// The single-frame message a thread pushes to the publisher after its last iopub message of
/// a shutdown; the publisher answers with `iopubFlushed` once everything before it went out.
let iopubFlushMarker: [[UInt8]] = [Array("flush".utf8)]
