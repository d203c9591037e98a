import JupyterProtocol

/// What comm handlers write to: outputs parented to the message being handled (a widget's
/// `comm_msg`). JupyterLab does not put those under a cell; it shows them in its log console,
/// unless an Output widget has claimed that message's id.
final class CommOutput: ExecutionOutput {
  private unowned let manager: CommManager

  init(manager: CommManager) { self.manager = manager }

  func stream(_ text: String, toStderr: Bool) {
    guard !text.isEmpty else { return }
    manager.publish(StreamOutput(name: toStderr ? .stderr : .stdout, text: text), payload: CommPayload())
  }

  func display(_ bundle: MimeBundle, displayID: String?) {
    manager.publish(
      DisplayData.display(data: bundle.data, metadata: bundle.metadata, displayID: displayID), payload: CommPayload())
  }

  func updateDisplay(_ bundle: MimeBundle, displayID: String) {
    manager.publish(DisplayData.update(data: bundle.data, metadata: bundle.metadata, displayID: displayID), payload: CommPayload())
  }

  func clearOutput(wait: Bool) {
    manager.publish(ClearOutput(wait: wait), payload: CommPayload())
  }

  func page(_ bundle: MimeBundle) {}
}
