/// An incoming message, typed. `decode` holds the only `switch` over request types, so the
/// dispatcher never compares `msg_type` strings.
public enum Request: Sendable, Equatable {
  case execute(ExecuteRequest)
  case kernelInfo
  case complete(CompleteRequest)
  case inspect(InspectRequest)
  case isComplete(IsCompleteRequest)
  case history(HistoryRequest)
  case commInfo(CommInfoRequest)
  case commOpen(CommOpen)
  /// `comm_msg` and `comm_close` from the frontend: no reply; the kernel routes them to the comm.
  case commMsg(CommMsg)
  case commClose(CommClose)
  case shutdown(ShutdownRequest)
  case interrupt
  /// A `msg_type` this kernel does not handle (including replies and iopub types sent to it).
  case unknown(msgType: String)

  public static func decode(_ message: Message) -> Result<Request, RequestError> {
    guard let type = message.type else { return .success(.unknown(msgType: message.header.msgType)) }
    do throws(ContentError) {
      switch type {
      case .executeRequest: return .success(.execute(try content(ExecuteRequest.self)))
      case .kernelInfoRequest: return .success(.kernelInfo)
      case .completeRequest: return .success(.complete(try content(CompleteRequest.self)))
      case .inspectRequest: return .success(.inspect(try content(InspectRequest.self)))
      case .isCompleteRequest: return .success(.isComplete(try content(IsCompleteRequest.self)))
      case .historyRequest: return .success(.history(try content(HistoryRequest.self)))
      case .commInfoRequest: return .success(.commInfo(try content(CommInfoRequest.self)))
      case .commOpen: return .success(.commOpen(try content(CommOpen.self)))
      case .commMsg: return .success(.commMsg(try content(CommMsg.self)))
      case .commClose: return .success(.commClose(try content(CommClose.self)))
      case .shutdownRequest: return .success(.shutdown(try content(ShutdownRequest.self)))
      case .interruptRequest: return .success(.interrupt)
      case .executeReply, .kernelInfoReply, .completeReply, .inspectReply, .isCompleteReply, .historyReply,
        .commInfoReply, .shutdownReply, .interruptReply, .status, .stream, .displayData, .updateDisplayData,
        .executeInput, .executeResult, .error, .clearOutput, .iopubWelcome, .inputRequest, .inputReply:
        return .success(.unknown(msgType: type.rawValue))
      }
    } catch {
      return .failure(RequestError(type: type, reason: error))
    }

    func content<T: Decodable>(_ t: T.Type) throws(ContentError) -> T {
      try ContentCoder.decode(t, from: message.content)
    }
  }
}

/// A known request whose content could not be read (a required field missing, bad JSON).
/// The dispatcher answers it with an error reply when the request type has one.
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
  public var type: MessageType
  public var reason: ContentError
  public init(type: MessageType, reason: ContentError) {
    self.type = type
    self.reason = reason
  }
  public var description: String { "\(type.rawValue): \(reason)" }
}
