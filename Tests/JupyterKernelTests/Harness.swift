import JupyterKernel
import JupyterProtocol
import Synchronization
import TestSupport

/// A dispatcher wired to the calculator and an in-memory transport, with its log captured.
final class Harness {
  let language = CalculatorLanguage()
  let transport = InMemoryTransport()
  let logBox = LogBox()
  let dispatcher: Dispatcher

  /// Collects log lines from any thread, as the dispatcher's `@Sendable` log requires.
  final class LogBox: Sendable {
    let lines = Mutex<[String]>([])
  }

  init() {
    let box = logBox
    dispatcher = Dispatcher(language: language, log: { line in box.lines.withLock { $0.append(line) } })
  }

  var log: [String] { logBox.lines.withLock { $0 } }

  @discardableResult
  func shell(_ content: some MessageContent) -> Message {
    let request = transport.request(content)
    dispatcher.handle(request, transport: transport)
    return request
  }

  @discardableResult
  func execute(_ code: String, silent: Bool = false, storeHistory: Bool = true, stopOnError: Bool = true,
    userExpressions: [String: String] = [:]) -> Message
  {
    let request = shell(
      ExecuteRequest(code: code, silent: silent, storeHistory: storeHistory, userExpressions: userExpressions,
        stopOnError: stopOnError))
    dispatcher.queueDrained()
    return request
  }

  func reply(_ request: Message, on channel: Channel = .shell) -> JSONValue? {
    transport.reply(to: request, on: channel)?.content
  }

  /// `channel:type` (status as its state) of everything `request` caused, in order.
  func trace(_ request: Message) -> [String] {
    transport.caused(by: request).map { sent in
      let name = sent.type == "status" ? sent.content["execution_state"]?.stringValue ?? "?" : sent.type
      return "\(sent.channel.rawValue):\(name)"
    }
  }
}
