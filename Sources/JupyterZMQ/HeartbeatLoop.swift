import JupyterKernel
import JupyterProtocol

/// Owns the heartbeat REP socket: every message is echoed unchanged.
struct HeartbeatLoop {
  let socket: ZMQSocket
  let events: EventPipe
  let log: KernelLog

  func run() {
    defer {
      socket.close()
      events.post(.threadEnded)
    }
    do {
      while true {
        if let frames = try socket.receive() { try socket.send(frames) }
      }
    } catch {
      if !error.isTerminated { log("heartbeat: \(error)") }
    }
  }
}
