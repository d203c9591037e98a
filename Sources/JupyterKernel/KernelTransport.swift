import JupyterProtocol

/// Where a dispatcher's messages go. The ZeroMQ server gives each thread its own transport
/// (sockets are single-threaded); tests use an in-memory one. A transport encodes, signs and
/// sends; it never reorders messages sent from one thread.
public protocol KernelTransport: AnyObject {
  func send(_ message: Message, on channel: Channel)
}

/// What the host must do after a request has been handled.
public enum KernelAction: Sendable, Equatable {
  case none
  /// Replied to `shutdown_request`: the host exits (also with `restart`, since the manager
  /// starts a fresh process).
  case shutdown(restart: Bool)
}

/// Diagnostics for the kernel's operator (unknown message types, bad signatures). Jupyter
/// shows a kernel's stderr in the server log, never in the notebook.
public typealias KernelLog = @Sendable (String) -> Void

/// The default log: one line to standard error, written with `write(2)` so that it is safe
/// from any thread and never interleaves with buffered stdio.
public let standardErrorLog: KernelLog = { line in
  let text = Array("[kernel] \(line)\n".utf8)
  text.withUnsafeBytes { raw in
    var offset = 0
    while offset < raw.count {
      let n = writeStandardError(raw.baseAddress.map { $0 + offset }, raw.count - offset)
      if n <= 0 { break }
      offset += n
    }
  }
}

#if canImport(Glibc)
  import Glibc
  private func writeStandardError(_ p: UnsafeRawPointer?, _ n: Int) -> Int { Glibc.write(2, p, n) }
#elseif canImport(Darwin)
  import Darwin
  private func writeStandardError(_ p: UnsafeRawPointer?, _ n: Int) -> Int { Darwin.write(2, p, n) }
#endif
