import JupyterProtocol
import Synchronization

/// Lets another thread interrupt a language that is otherwise confined to the execution
/// thread, and only while a cell runs: an interrupt between cells (a stray SIGINT, the
/// manager's interrupt before shutdown) must not cancel the next cell before it starts.
/// `@unchecked Sendable` is sound only because `KernelLanguage.interrupt()` is documented
/// thread-safe and this handle calls nothing else on the language.
public final class InterruptHandle: @unchecked Sendable {
  private let language: any KernelLanguage
  private let running = Atomic<Bool>(false)

  public init(_ language: any KernelLanguage) { self.language = language }

  /// Asks the running cell to stop; returns whether a cell was running.
  @discardableResult
  public func interrupt() -> Bool {
    guard running.load(ordering: .acquiring) else { return false }
    language.interrupt()
    return true
  }

  /// Marks the span of `language.execute` (execution thread only).
  func whileRunning<T>(_ body: () -> T) -> T {
    running.store(true, ordering: .releasing)
    defer { running.store(false, ordering: .releasing) }
    return body()
  }
}

/// Handles the control channel on its own thread while a cell runs: `kernel_info_request`,
/// `interrupt_request`, `shutdown_request`. Holds only thread-safe state, so the server can
/// call it concurrently with the shell `Dispatcher`.
public final class ControlDispatcher: Sendable {
  public let factory: HeaderFactory
  private let kernelInfo: KernelInfoReply
  let interruptHandle: InterruptHandle
  private let log: KernelLog

  public init(kernelInfo: KernelInfoReply, interrupt: InterruptHandle, factory: HeaderFactory, log: @escaping KernelLog) {
    self.kernelInfo = kernelInfo
    self.interruptHandle = interrupt
    self.factory = factory
    self.log = log
  }

  /// `status: starting`, published once when the kernel starts, with an empty parent.
  public func publishStarting(on transport: any KernelTransport) {
    transport.send(.broadcast(KernelStatus(.starting), parent: nil, factory: factory), on: .iopub)
  }

  /// Interrupts the running cell, if any (SIGINT, shutdown). Thread-safe.
  @discardableResult
  public func interrupt() -> Bool { interruptHandle.interrupt() }

  public func handle(_ message: Message, transport: any KernelTransport) -> KernelAction {
    let scope = RequestScope(request: message, channel: .control, transport: transport, factory: factory)
    return scope.busy {
      switch Request.decode(message) {
      case .success(let request): return handle(request, scope: scope)
      case .failure(let error):
        log("control: \(error)")
        replyProtocolError(error, scope: scope)
        return .none
      }
    }
  }

  /// The requests both channels answer the same way; anything else is logged and ignored here.
  func handle(_ request: Request, scope: RequestScope) -> KernelAction {
    switch request {
    case .kernelInfo:
      scope.reply(kernelInfo)
    case .interrupt:
      interruptHandle.interrupt()
      scope.reply(InterruptReply())
    case .shutdown(let shutdown):
      let reply = ShutdownReply(restart: shutdown.restart)
      scope.reply(reply)
      // ipykernel also broadcasts it, so other clients of this kernel learn it is going away.
      scope.publish(reply)
      return .shutdown(restart: shutdown.restart)
    default:
      log("control: ignoring \(scope.request.header.msgType)")
    }
    return .none
  }

  /// The error answer to a request whose content could not be read, where the type has one.
  func replyProtocolError(_ error: RequestError, scope: RequestScope) {
    guard let replyType = error.type.replyType else { return }
    if replyType == .isCompleteReply {
      scope.reply(IsCompleteReply(status: .unknown))
    } else {
      scope.reply(ErrorReply(messageType: replyType, ename: "ProtocolError", evalue: error.description))
    }
  }
}
