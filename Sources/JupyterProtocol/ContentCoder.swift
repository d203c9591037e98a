/// The content of a message: an `Encodable` value that knows its wire type. An instance
/// property, not a static one, because one error-reply type answers many request types.
public protocol MessageContent: Encodable, Sendable {
  var messageType: MessageType { get }
}

/// The one place JSON bodies are encoded and decoded. Encoding streams bytes directly (it
/// runs for every outgoing message); decoding parses to `JSONValue`, then reads the typed
/// value from it. No Foundation: it would cost the kernel start-up time and resident memory.
public enum ContentCoder {
  /// Encodes a message body. NaN and infinities have no JSON spelling and `jupyter_client`
  /// refuses them, so they go out as strings instead of failing the whole message.
  public static func encode<T: Encodable>(_ value: T) -> [UInt8] {
    do {
      return try StreamingJSONEncoder.encode(value)
    } catch {
      // Unreachable for the types in this module; an empty dict keeps the message well formed.
      return RawJSON.emptyObject.bytes
    }
  }

  public static func decode<T: Decodable>(_ type: T.Type, from json: RawJSON) throws(ContentError) -> T {
    let value: JSONValue
    do {
      value = try JSONParser.parse(json.bytes)
    } catch {
      throw .invalidJSON(error.description)
    }
    do {
      return try JSONValueDecoder().decode(T.self, from: value)
    } catch let error as DecodingError {
      throw ContentError(decoding: error)
    } catch {
      throw .invalidJSON(String(describing: error))
    }
  }
}

/// Why a JSON body could not be read: malformed JSON, or a required field missing or mistyped.
public enum ContentError: Error, Sendable, Equatable, CustomStringConvertible {
  case invalidJSON(String)
  case missingField(String)
  case wrongType(field: String)

  init(decoding error: DecodingError) {
    switch error {
    case .keyNotFound(let key, let context):
      self = .missingField(ContentError.path(context.codingPath + [key]))
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      self = .wrongType(field: ContentError.path(context.codingPath))
    case .dataCorrupted(let context):
      self = .invalidJSON(context.debugDescription)
    @unknown default:
      self = .invalidJSON(String(describing: error))
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
  }

  public var description: String {
    switch self {
    case .invalidJSON(let detail): "invalid JSON: \(detail)"
    case .missingField(let field): "missing required field '\(field)'"
    case .wrongType(let field): "field '\(field)' has the wrong type"
    }
  }
}
