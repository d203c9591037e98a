import JupyterKernel
import JupyterProtocol

/// The execution thread: takes shell requests in arrival order and runs them through the
/// `Dispatcher`, the only caller of the language. Tells the dispatcher when its queue is
/// empty, which closes a stop-on-error abort window.
struct ExecutionLoop {
  let requests: ZMQSocket
  let replies: ZMQSocket
  let iopub: ZMQSocket
  let dispatcher: Dispatcher
  let codec: WireCodec
  let events: EventPipe
  let log: KernelLog

  func run() {
    let transport = ZMQTransport(codec: codec, sockets: [.shell: replies, .iopub: iopub], log: log)
    defer {
      for socket in [requests, replies, iopub] { socket.close() }
      events.post(.threadEnded)
    }
    do {
      while true {
        if !requests.hasPendingInput { dispatcher.queueDrained() }
        guard let frames = try requests.receive() else { continue }
        let message: Message
        do {
          message = try codec.decode(frames)
        } catch {
          log("shell: dropped message: \(error)")
          continue
        }
        if case .shutdown = dispatcher.handle(message, transport: transport) {
          try iopub.send(iopubFlushMarker)
          events.post(.shutdownRequested)
        }
      }
    } catch {
      if !error.isTerminated { log("execution: \(error)") }
    }
  }
}
