import CZeroMQ
import JupyterKernel
import JupyterProtocol

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a Jupyter kernel for any `KernelLanguage` over ZeroMQ until it is shut down.
///
/// Threads: the caller's thread (signals, parent watch, shutdown), one thread per socket
/// owner (stdin, control, iopub publisher, heartbeat) and the execution thread, which owns
/// the shell socket and alone calls the language (512 MiB stack for a recursive interpreter). The language
/// object is created by the caller, read once here for `info`, then used only on the
/// execution thread; `interrupt()` is called from the control thread and on SIGINT.
public enum KernelServer {
  /// Binds the sockets named in `connectionFile`, serves until `shutdown_request` (or until
  /// the process in `JPY_PARENT_PID` is gone) and returns the exit status. Call it from the
  /// main thread: it installs the SIGINT handler and keeps that thread for signals.
  public static func run(
    connectionFile: String, language: any KernelLanguage, log: @escaping KernelLog = standardErrorLog
  ) throws(KernelServerError) -> Int32 {
    let bytes: [UInt8]
    do {
      bytes = try readFile(connectionFile)
    } catch {
      throw .connectionFile(path: connectionFile, errno: error.code)
    }
    let info: ConnectionInfo
    do {
      info = try ConnectionInfo.parse(bytes)
    } catch {
      throw .connection(error)
    }
    return try run(info: info, language: language, log: log)
  }

  /// As `run(connectionFile:…)`, with the connection already parsed.
  public static func run(
    info: ConnectionInfo, language: any KernelLanguage, log: @escaping KernelLog = standardErrorLog
  ) throws(KernelServerError) -> Int32 {
    let codec = WireCodec(signer: info.signer)
    let dispatcher = Dispatcher(language: language, log: log)
    let control = dispatcher.control
    let events: EventPipe
    let context: ZMQContext
    let sockets: Sockets
    do {
      events = try EventPipe()
      context = try ZMQContext()
      sockets = try Sockets(context: context, info: info)
    } catch let error as ZMQError {
      throw .socket(error)
    } catch let error as ThreadError {
      throw .thread(error)
    } catch {
      throw .socket(ZMQError(operation: "start", code: -1))
    }
    InterruptSignal.install(posting: events)
    defer { InterruptSignal.uninstall() }

    let loops: [@Sendable () -> Void] = [
      { [h = Handoff(sockets.iopubLoop(codec: codec, factory: control.factory, events: events, log: log))] in h.value.run() },
      { [h = Handoff(sockets.controlLoop(dispatcher: control, codec: codec, events: events, log: log))] in h.value.run() },
      { [h = Handoff(sockets.stdinLoop(events: events, log: log))] in h.value.run() },
      { [h = Handoff(sockets.heartbeatLoop(events: events, log: log))] in h.value.run() },
    ]
    let execution = Handoff(sockets.executionLoop(dispatcher: dispatcher, codec: codec, events: events, log: log))
    do {
      try InterruptSignal.blocked {
        for loop in loops { try NativeThread.spawn(loop) }
        try NativeThread.spawn(stackSize: 512 << 20) { execution.value.run() }
      }
    } catch let error as ThreadError {
      throw .thread(error)
    } catch {
      throw .thread(ThreadError(code: -1))
    }
    return serve(context: context, control: control, events: events, threads: loops.count + 1, log: log)
  }

  /// The main thread's loop: deliver interrupts, watch the parent, and on shutdown stop the
  /// threads within a bounded time (the manager kills a kernel that lingers).
  private static func serve(
    context: ZMQContext, control: ControlDispatcher, events: EventPipe, threads: Int, log: KernelLog
  ) -> Int32 {
    let parent = ParentWatch()
    var progress = ShutdownProgress()
    while !progress.requested {
      for event in events.wait(timeoutMilliseconds: 1000) {
        if event == .interrupt { control.interrupt() }
        progress.note(event)
      }
      if !progress.requested && !parent.isAlive {
        log("parent process \(parent.pid ?? 0) is gone; exiting")
        progress.requested = true
        progress.flushed = true
      }
    }
    // A cell still running must end before the execution thread can close its sockets.
    control.interrupt()
    progress.wait(until: { $0.flushed }, events: events, milliseconds: 300)
    context.shutdown()
    progress.wait(until: { $0.threadsEnded >= threads }, events: events, milliseconds: 500)
    if progress.threadsEnded >= threads {
      context.terminate()
    } else {
      // The cell ignored the interrupt: leave without closing the context (which would wait
      // for it), after giving libzmq's I/O thread a moment to write the last replies.
      log("a cell did not stop; exiting anyway")
      usleep(20_000)
    }
    return 0
  }

  private static func readFile(_ path: String) throws(ThreadError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw ThreadError(code: errno) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = read(fd, &chunk, chunk.count)
      if n < 0 {
        if errno == EINTR { continue }
        throw ThreadError(code: errno)
      }
      if n == 0 { return bytes }
      bytes.append(contentsOf: chunk.prefix(n))
    }
  }
}

/// Why the kernel could not start. Rendered once, by `description`, for the launcher's log.
public enum KernelServerError: Error, Sendable, Equatable, CustomStringConvertible {
  case connectionFile(path: String, errno: Int32)
  case connection(ConnectionError)
  case socket(ZMQError)
  case thread(ThreadError)

  public var description: String {
    switch self {
    case .connectionFile(let path, let code): "cannot read connection file \(path): \(String(cString: strerror(code)))"
    case .connection(let error): "\(error)"
    case .socket(let error): "cannot open sockets: \(error)"
    case .thread(let error): "\(error)"
    }
  }
}

/// What the main thread has heard so far while shutting down.
struct ShutdownProgress {
  var requested = false
  var flushed = false
  var threadsEnded = 0

  mutating func note(_ event: ServerEvent) {
    switch event {
    case .interrupt: break
    case .shutdownRequested: requested = true
    case .iopubFlushed: flushed = true
    case .threadEnded: threadsEnded += 1
    }
  }

  /// Reads events until `condition` holds or the time is up.
  mutating func wait(until condition: (ShutdownProgress) -> Bool, events: EventPipe, milliseconds: Int) {
    let deadline = ParentWatch.monotonicMilliseconds() + milliseconds
    while !condition(self) {
      let left = deadline - ParentWatch.monotonicMilliseconds()
      if left <= 0 { return }
      for event in events.wait(timeoutMilliseconds: Int32(left)) { note(event) }
    }
  }
}

/// The process that launched the kernel (`JPY_PARENT_PID`); when it dies the kernel must not
/// linger as an orphan.
struct ParentWatch {
  let pid: pid_t?

  init() {
    if let text = getenv("JPY_PARENT_PID").map({ String(cString: $0) }), let pid = pid_t(text), pid > 1 {
      self.pid = pid
    } else {
      self.pid = nil
    }
  }

  var isAlive: Bool {
    guard let pid else { return true }
    return kill(pid, 0) == 0 || errno != ESRCH
  }

  static func monotonicMilliseconds() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
  }
}
