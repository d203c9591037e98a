import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the socket threads and the SIGINT handler tell the main thread, one byte each.
enum ServerEvent: UInt8 {
  case interrupt = 73  // "I": SIGINT arrived
  case shutdownRequested = 83  // "S": a shutdown_reply has been sent
  case iopubFlushed = 70  // "F": the publisher forwarded everything sent before the shutdown
  case threadEnded = 88  // "X": a socket thread closed its sockets and returned
}

/// A self-pipe: `post` is async-signal-safe (one `write`), so the SIGINT handler can use it,
/// and the main thread sleeps in `poll` on it instead of spinning.
final class EventPipe: Sendable {
  let readFD: Int32
  let writeFD: Int32

  init() throws(ThreadError) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw ThreadError(code: errno) }
    readFD = fds[0]
    writeFD = fds[1]
    for fd in fds {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
  }

  deinit {
    close(readFD)
    close(writeFD)
  }

  func post(_ event: ServerEvent) {
    EventPipe.send(byte: event.rawValue, to: writeFD)
  }

  static func send(byte: UInt8, to fd: Int32) {
    var b = byte
    while write(fd, &b, 1) < 0 && errno == EINTR {}
  }

  /// Events posted so far, waiting up to `timeoutMilliseconds` for the first one.
  func wait(timeoutMilliseconds: Int32) -> [ServerEvent] {
    var item = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
    guard poll(&item, 1, timeoutMilliseconds) > 0 else { return [] }
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = read(readFD, &buffer, buffer.count)
    return n > 0 ? buffer.prefix(n).compactMap(ServerEvent.init(rawValue:)) : []
  }
}

/// The write end of the pipe the SIGINT handler posts to. A C signal handler cannot capture
/// context, so this is a global, and atomic because it is set after the handler may exist.
private let interruptPipe = Atomic<Int32>(-1)

/// SIGINT (Jupyter's default interrupt) becomes an `interrupt` event for the main thread, and
/// the kernel stays alive. Worker threads block the signal so that only the main thread's
/// `poll` is ever interrupted by it; their libzmq calls see no `EINTR` from it.
enum InterruptSignal {
  static func install(posting pipe: EventPipe) {
    interruptPipe.store(pipe.writeFD, ordering: .relaxed)
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = { _ in
        EventPipe.send(byte: ServerEvent.interrupt.rawValue, to: interruptPipe.load(ordering: .relaxed))
      }
    #else
      action.__sigaction_u.__sa_handler = { _ in
        EventPipe.send(byte: ServerEvent.interrupt.rawValue, to: interruptPipe.load(ordering: .relaxed))
      }
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(SIGINT, &action, nil)
    // A client vanishing mid-write must not kill the kernel.
    signal(SIGPIPE, SIG_IGN)
  }

  /// Stops posting to the pipe (which is about to close) and restores the default action.
  static func uninstall() {
    interruptPipe.store(-1, ordering: .relaxed)
    signal(SIGINT, SIG_DFL)
  }

  /// Runs `body` (which starts threads) with SIGINT blocked, so the threads inherit the mask.
  static func blocked(_ body: () throws -> Void) rethrows {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_BLOCK, &set, nil)
    defer { pthread_sigmask(SIG_UNBLOCK, &set, nil) }
    try body()
  }
}
