import JupyterKernel
import JupyterProtocol

/// The execution thread: takes shell requests in arrival order and runs them through the
/// `Dispatcher`, the only caller of the language. Tells the dispatcher when its queue is
/// empty, which closes a stop-on-error abort window.
struct ExecutionLoop {
  /// After a failed cell, only requests already waiting are aborted (ipykernel's default
  /// `stop_on_error_timeout` of 0): "Run All" sends every cell at once, so they are queued by
  /// the time the failing cell ends, while a client that sends its next cell after reading
  /// the error reply (ipykernel#609, or after an interrupt) must have it run. A client's
  /// round trip is well under a millisecond here, so any waiting window would abort it.
  static let abortGraceMilliseconds = 0

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
        if !requests.hasPendingInput {
          var arrived = false
          if dispatcher.state.isAborting {
            arrived = try pollReadable([requests], timeoutMilliseconds: ExecutionLoop.abortGraceMilliseconds)[0]
          }
          if !arrived { dispatcher.queueDrained() }
        }
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
