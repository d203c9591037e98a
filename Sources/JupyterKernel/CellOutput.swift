import JupyterProtocol

/// The `ExecutionOutput` handed to a running cell: each call becomes an iopub message whose
/// parent is the execute request. A silent cell publishes nothing (spec: "silent … will not
/// broadcast output on the IOPUB channel"); pager payloads are collected for the reply.
final class CellOutput: ExecutionOutput {
  private let scope: RequestScope
  private let silent: Bool
  private(set) var pages: [MimeBundle] = []
  private var exitRequest: Bool?

  init(scope: RequestScope, silent: Bool) {
    self.scope = scope
    self.silent = silent
  }

  func stream(_ text: String, toStderr: Bool) {
    guard !silent, !text.isEmpty else { return }
    scope.publish(StreamOutput(name: toStderr ? .stderr : .stdout, text: text))
  }

  func display(_ bundle: MimeBundle, displayID: String?) {
    guard !silent else { return }
    scope.publish(DisplayData.display(data: bundle.data, metadata: bundle.metadata, displayID: displayID))
  }

  func updateDisplay(_ bundle: MimeBundle, displayID: String) {
    guard !silent else { return }
    scope.publish(DisplayData.update(data: bundle.data, metadata: bundle.metadata, displayID: displayID))
  }

  func clearOutput(wait: Bool) {
    guard !silent else { return }
    scope.publish(ClearOutput(wait: wait))
  }

  func page(_ bundle: MimeBundle) {
    pages.append(bundle)
  }

  func askExit(keepKernel: Bool) {
    exitRequest = keepKernel
  }

  /// The reply's `payload`: one `{"source": "page", "data": …, "start": 0}` per page, and
  /// `{"source": "ask_exit", "keepkernel": false}` when the cell asked to exit.
  var payload: [JSONValue] {
    var items = pages.map { JSONValue.object(["source": .string("page"), "data": .object($0.data), "start": .number(0)]) }
    if let keepKernel = exitRequest {
      items.append(.object(["source": .string("ask_exit"), "keepkernel": .bool(keepKernel)]))
    }
    return items
  }
}
