import CZeroMQ
import JupyterKernel
import JupyterProtocol

/// Owns the iopub socket. Every other thread publishes by pushing encoded frames to its inproc
/// PULL; messages from one thread keep their order. The socket is an XPUB, so a new subscriber
/// is greeted with `iopub_welcome` (5.5), which tells a client its subscription is live.
struct IOPubPublisher {
  static let inbox = "inproc://iopub"

  let publisher: ZMQSocket
  let inboxSocket: ZMQSocket
  let codec: WireCodec
  let factory: HeaderFactory
  let events: EventPipe
  let log: KernelLog

  func run() {
    defer {
      publisher.close()
      inboxSocket.close()
      events.post(.threadEnded)
    }
    do {
      while true {
        let ready = try pollReadable([inboxSocket, publisher])
        // Greet new subscribers before forwarding anything, so that a client that subscribed
        // early hears `iopub_welcome` first (as jupyter_kernel_test checks).
        try greetSubscribers()
        if ready[0] {
          // Drain what is waiting, so a burst of outputs costs one poll.
          while true {
            let result = try inboxSocket.forward(to: publisher, marker: iopubFlushMarker[0])
            if result == .nothing { break }
            if result == .marker { events.post(.iopubFlushed) }
          }
        }
      }
    } catch {
      if !error.isTerminated { log("iopub: \(error)") }
    }
  }

  private func greetSubscribers() throws(ZMQError) {
    while let subscription = try publisher.receive(dontWait: true) { welcome(subscription) }
  }

  /// XPUB delivers `0x01 + topic` for each subscription and `0x00 + topic` when it ends.
  private func welcome(_ frames: [[UInt8]]) {
    guard let frame = frames.first, frame.first == 1 else { return }
    let topic = String(decoding: frame.dropFirst(), as: UTF8.self)
    var message = Message.broadcast(IOPubWelcome(subscription: topic), parent: nil, factory: factory)
    message.identities = []
    do {
      try publisher.send(codec.encode(message))
    } catch {
      if !error.isTerminated { log("iopub welcome: \(error)") }
    }
  }
}
