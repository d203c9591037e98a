import JupyterKernel
import JupyterProtocol

/// Owns the shell and stdin ROUTERs. Requests go on, as raw frames, to the execution thread's
/// queue; replies come back from it through an inproc PULL and leave on the ROUTER with
/// their identities. So shell keeps accepting (queueing) requests while a cell runs.
struct ShellRelay {
  static let requests = "inproc://shell-requests"
  static let replies = "inproc://shell-replies"

  let shell: ZMQSocket
  let stdin: ZMQSocket
  let replyInbox: ZMQSocket
  let requestOutbox: ZMQSocket
  let events: EventPipe
  let log: KernelLog

  func run() {
    defer {
      for socket in [shell, stdin, replyInbox, requestOutbox] { socket.close() }
      events.post(.threadEnded)
    }
    do {
      while true {
        let ready = try pollReadable([shell, replyInbox, stdin])
        if ready[0] {
          while try shell.forward(to: requestOutbox) != .nothing {}
        }
        if ready[1] {
          while try replyInbox.forward(to: shell) != .nothing {}
        }
        if ready[2], try stdin.receive(dontWait: true) != nil {
          // This kernel never sends input_request, so any input_reply is stale.
          log("stdin: ignoring a message")
        }
      }
    } catch {
      if !error.isTerminated { log("shell: \(error)") }
    }
  }
}

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
