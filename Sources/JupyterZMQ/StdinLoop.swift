import JupyterKernel
import JupyterProtocol

/// Owns the stdin ROUTER. This kernel never asks for input, so whatever arrives there is a
/// stale `input_reply`, read and dropped so that it cannot pile up.
struct StdinLoop {
  let stdin: ZMQSocket
  let events: EventPipe
  let log: KernelLog

  func run() {
    defer {
      stdin.close()
      events.post(.threadEnded)
    }
    do {
      while true {
        if try stdin.receive() != nil { log("stdin: ignoring a message") }
      }
    } catch {
      if !error.isTerminated { log("stdin: \(error)") }
    }
  }
}
