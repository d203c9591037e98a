import JupyterKernel
import JupyterProtocol

/// Owns the control ROUTER, on its own thread so that interrupt, shutdown and kernel_info are
/// answered while a cell runs. Publishes `starting` first, since it is the first thread up.
struct ControlLoop {
  let control: ZMQSocket
  let iopub: ZMQSocket
  let dispatcher: ControlDispatcher
  let codec: WireCodec
  let events: EventPipe
  let log: KernelLog

  func run() {
    let transport = ZMQTransport(codec: codec, sockets: [.control: control, .iopub: iopub], log: log)
    defer {
      control.close()
      iopub.close()
      events.post(.threadEnded)
    }
    dispatcher.publishStarting(on: transport)
    do {
      while true {
        guard let frames = try control.receive() else { continue }
        let message: Message
        do {
          message = try codec.decode(frames)
        } catch {
          log("control: dropped message: \(error)")
          continue
        }
        if case .shutdown = dispatcher.handle(message, transport: transport) {
          try iopub.send(iopubFlushMarker)
          events.post(.shutdownRequested)
        }
      }
    } catch {
      if !error.isTerminated { log("control: \(error)") }
    }
  }
}
