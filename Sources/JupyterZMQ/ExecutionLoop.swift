import JupyterKernel
import JupyterProtocol

/// The execution thread: owns the shell ROUTER, takes its requests in arrival order and runs
/// them through the `Dispatcher`, the only caller of the language, replying on the same
/// socket. Requests that come while a cell runs wait in the ROUTER's queue, as they would in
/// any queue of ours, and owning the socket here saves two thread hand-offs per request
/// (each an eventfd wake-up and a context switch). Tells the dispatcher when nothing is
/// waiting, which matters for the stop-on-error window of requests without a date.
struct ExecutionLoop {
  let shell: ZMQSocket
  let iopub: ZMQSocket
  let dispatcher: Dispatcher
  let codec: WireCodec
  let events: EventPipe
  let log: KernelLog

  func run() {
    let transport = ZMQTransport(codec: codec, sockets: [.shell: shell, .iopub: iopub], log: log)
    defer {
      for socket in [shell, iopub] { socket.close() }
      events.post(.threadEnded)
    }
    do {
      while true {
        if !shell.hasPendingInput { dispatcher.queueDrained() }
        guard let frames = try shell.receive() else { continue }
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
