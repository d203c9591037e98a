/// The category of an error: it becomes Jupyter's `ename`.
public enum ErrorKind: String, Sendable, CaseIterable {
  case syntax, name, type, value, index, key, assertion, shape, resource, keyboardInterrupt

  /// The name shown to the learner and sent as `ename`.
  public var name: String {
    switch self {
    case .syntax: return "SyntaxError"
    case .name: return "NameError"
    case .type: return "TypeError"
    case .value: return "ValueError"
    case .index: return "IndexError"
    case .key: return "KeyError"
    case .assertion: return "AssertionError"
    case .shape: return "ShapeError"
    case .resource: return "ResourceError"
    case .keyboardInterrupt: return "KeyboardInterrupt"
    }
  }

  /// The kind whose `name` is `name`, for test expectations written as text.
  public init?(name: String) {
    guard let kind = ErrorKind.allCases.first(where: { $0.name == name }) else { return nil }
    self = kind
  }
}
