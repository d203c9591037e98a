/// Every `msg_type` this kernel reads or writes. The wire spelling lives only here, so the
/// rest of the code switches over cases instead of comparing strings.
public enum MessageType: String, Sendable, CaseIterable {
  // shell and control requests
  case executeRequest = "execute_request"
  case kernelInfoRequest = "kernel_info_request"
  case completeRequest = "complete_request"
  case inspectRequest = "inspect_request"
  case isCompleteRequest = "is_complete_request"
  case historyRequest = "history_request"
  case commInfoRequest = "comm_info_request"
  case shutdownRequest = "shutdown_request"
  case interruptRequest = "interrupt_request"
  // replies
  case executeReply = "execute_reply"
  case kernelInfoReply = "kernel_info_reply"
  case completeReply = "complete_reply"
  case inspectReply = "inspect_reply"
  case isCompleteReply = "is_complete_reply"
  case historyReply = "history_reply"
  case commInfoReply = "comm_info_reply"
  case shutdownReply = "shutdown_reply"
  case interruptReply = "interrupt_reply"
  // comms, both directions
  case commOpen = "comm_open"
  case commMsg = "comm_msg"
  case commClose = "comm_close"
  // iopub
  case status = "status"
  case stream = "stream"
  case displayData = "display_data"
  case updateDisplayData = "update_display_data"
  case executeInput = "execute_input"
  case executeResult = "execute_result"
  case error = "error"
  case clearOutput = "clear_output"
  case iopubWelcome = "iopub_welcome"
  // stdin
  case inputRequest = "input_request"
  case inputReply = "input_reply"

  /// The reply a request is answered with; nil for messages that get no reply.
  public var replyType: MessageType? {
    switch self {
    case .executeRequest: .executeReply
    case .kernelInfoRequest: .kernelInfoReply
    case .completeRequest: .completeReply
    case .inspectRequest: .inspectReply
    case .isCompleteRequest: .isCompleteReply
    case .historyRequest: .historyReply
    case .commInfoRequest: .commInfoReply
    case .shutdownRequest: .shutdownReply
    case .interruptRequest: .interruptReply
    default: nil
    }
  }
}

/// The socket a message travels on.
public enum Channel: String, Sendable, CaseIterable {
  case shell, control, iopub, stdin
}
