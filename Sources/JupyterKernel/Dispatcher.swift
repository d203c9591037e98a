import JupyterProtocol

/// The shell side of the protocol (spec 5.3) for any `KernelLanguage`: busy/idle around every
/// request, execution counts, history, stop-on-error aborts, and every shell reply.
///
/// Not thread-safe: create it anywhere, then use it from the execution thread only, which is
/// also the only thread that calls the language (except `interrupt()`, through `control`).
public final class Dispatcher {
  public let control: ControlDispatcher
  public private(set) var state = ExecutionStateMachine()
  public private(set) var history = HistoryStore()
  /// Comm targets and open comms; the language gets it through `attach(comms:)`.
  public let comms: CommManager
  private let language: any KernelLanguage
  private let factory: HeaderFactory
  private let log: KernelLog

  public init(language: any KernelLanguage, factory: HeaderFactory = HeaderFactory(), log: @escaping KernelLog = standardErrorLog) {
    self.language = language
    self.factory = factory
    self.log = log
    self.control = ControlDispatcher(
      kernelInfo: KernelInfoReply(language.info), interrupt: InterruptHandle(language), factory: factory, log: log)
    self.comms = CommManager(log: log)
    language.attach(comms: comms)
  }

  /// Handles one shell request. Everything it causes is sent before this returns, `idle` last.
  @discardableResult
  public func handle(_ message: Message, transport: any KernelTransport) -> KernelAction {
    let scope = RequestScope(request: message, channel: .shell, transport: transport, factory: factory)
    return scope.busy {
      comms.within(scope) { decodeAndHandle(message, scope: scope) }
    }
  }

  private func decodeAndHandle(_ message: Message, scope: RequestScope) -> KernelAction {
    switch Request.decode(message) {
    case .success(let request):
      return handle(request, scope: scope)
    case .failure(let error):
      log("shell: \(error)")
      if error.type == .executeRequest {
        scope.reply(
          ExecuteReply.error(
            executionCount: state.executionCount, ename: "ProtocolError", evalue: error.description, traceback: []))
      } else {
        control.replyProtocolError(error, scope: scope)
      }
      return .none
    }
  }

  /// The host calls this whenever no shell request is waiting: a request without a date
  /// that comes after it is new work, not the rest of a "Run All".
  public func queueDrained() {
    state.queueDrained()
  }

  private func handle(_ request: Request, scope: RequestScope) -> KernelAction {
    switch request {
    case .execute(let execute):
      self.execute(execute, scope: scope)
    case .complete(let complete):
      let code = complete.code
      let result = language.complete(code: code, cursorPosition: clamp(complete.cursorPos, in: code))
      scope.reply(
        CompleteReply(
          matches: result.matches, cursorStart: result.cursorStart, cursorEnd: result.cursorEnd,
          metadata: completionMetadata(result)))
    case .inspect(let inspect):
      let code = inspect.code
      let bundle = language.inspect(
        code: code, cursorPosition: clamp(inspect.cursorPos, in: code), detailLevel: inspect.detailLevel)
      scope.reply(InspectReply(found: bundle != nil, data: bundle?.data ?? [:], metadata: bundle?.metadata ?? [:]))
    case .isComplete(let isComplete):
      scope.reply(isCompleteReply(language.isComplete(code: isComplete.code)))
    case .history(let request):
      scope.reply(HistoryReply(history: history.query(request)))
    case .commInfo(let info):
      scope.reply(CommInfoReply(comms: comms.info(target: info.targetName)))
    case .commOpen(let open):
      comms.opened(open, message: scope.request)
    case .commMsg(let msg):
      // A handler may run the learner's code (a widget's observer): interruptible like a cell.
      control.interruptHandle.whileRunning { comms.received(msg, message: scope.request) }
    case .commClose(let close):
      comms.closed(close, message: scope.request)
    case .kernelInfo, .interrupt, .shutdown:
      // Deprecated on shell since 5.4 but still sent by old clients: answered as on control.
      return control.handle(request, scope: scope)
    case .unknown(let type):
      log("shell: unknown msg_type '\(type)', no reply")
    }
    return .none
  }

  private func execute(_ request: ExecuteRequest, scope: RequestScope) {
    let count: Int
    let storeHistory: Bool
    let sentAt = scope.request.header.sentAt
    switch state.beginExecute(
      silent: request.silent, storeHistory: request.storeHistory, sentAt: sentAt, now: HeaderFactory.currentTime())
    {
    case .abort:
      // Like ipykernel: no execute_input, no error output, a bare `aborted` reply.
      scope.reply(ExecuteAbortedReply(), metadata: ExecuteAbortedReply.metadata)
      return
    case .run(let c, let stores):
      count = c
      storeHistory = stores
    }
    if !request.silent {
      scope.publish(ExecuteInput(code: request.code, executionCount: count))
    }
    let output = CellOutput(scope: scope, silent: request.silent)
    let outcome = control.interruptHandle.whileRunning {
      language.execute(code: request.code, executionCount: count, silent: request.silent, output: output)
    }
    switch outcome {
    case .ok(let result):
      if let result, !request.silent {
        scope.publish(ExecuteResult(executionCount: count, data: result.data, metadata: result.metadata))
      }
      if storeHistory { history.record(line: count, input: request.code, output: result?.data["text/plain"]?.stringValue) }
      state.finishExecute(failed: false, stopOnError: request.stopOnError, now: HeaderFactory.currentTime())
      scope.reply(
        ExecuteReply.ok(
          executionCount: count, userExpressions: evaluate(request.userExpressions), payload: output.payload))
    case .error(let error):
      if !request.silent {
        scope.publish(ErrorOutput(ename: error.name, evalue: error.value, traceback: error.traceback))
      }
      if storeHistory { history.record(line: count, input: request.code, output: nil) }
      state.finishExecute(failed: true, stopOnError: request.stopOnError, now: HeaderFactory.currentTime())
      scope.reply(
        ExecuteReply.error(executionCount: count, ename: error.name, evalue: error.value, traceback: error.traceback))
    }
  }

  /// `user_expressions`: each key gets `{status: ok, data, metadata}` or the error fields.
  private func evaluate(_ expressions: [String: String]) -> [String: JSONValue] {
    expressions.mapValues { expression in
      switch language.evaluate(expression: expression) {
      case .success(let bundle):
        return .object(["status": .string("ok"), "data": .object(bundle.data), "metadata": .object(bundle.metadata)])
      case .failure(let error):
        return .object([
          "status": .string("error"), "ename": .string(error.name), "evalue": .string(error.value),
          "traceback": .array(error.traceback.map(JSONValue.string)),
        ])
      }
    }
  }

  /// JupyterLab's completer icons: `_jupyter_types_experimental`, one entry per typed match.
  private func completionMetadata(_ result: CompletionResult) -> [String: JSONValue] {
    guard !result.types.isEmpty else { return [:] }
    let entries = zip(result.matches, result.types).map { match, type in
      JSONValue.object([
        "start": .number(Double(result.cursorStart)), "end": .number(Double(result.cursorEnd)),
        "text": .string(match), "type": .string(type), "signature": .string(""),
      ])
    }
    return ["_jupyter_types_experimental": .array(entries)]
  }

  private func isCompleteReply(_ completeness: Completeness) -> IsCompleteReply {
    switch completeness {
    case .complete: IsCompleteReply(status: .complete)
    case .incomplete(let indent): IsCompleteReply(status: .incomplete, indent: indent)
    case .invalid: IsCompleteReply(status: .invalid)
    case .unknown: IsCompleteReply(status: .unknown)
    }
  }

  /// A cursor outside the code (a client bug) is pinned to it, so the language can index safely.
  private func clamp(_ cursor: Int, in code: String) -> Int {
    min(max(0, cursor), code.unicodeScalars.count)
  }
}
