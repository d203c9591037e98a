/// A built-in function: its name, parameters, documentation and implementation. The
/// registry is data: adding a layer or an operation means adding one of these.
public final class Builtin {
  public typealias Body = (Arguments, Evaluator) throws(RuntimeError) -> Value

  public let name: String
  public let parameters: [Parameter]
  /// One plain paragraph for learners: what it does, what it returns, an example.
  public let doc: String
  /// How completion labels it (`function`, `class` for layers and models).
  public let completionKind: String
  let body: Body

  public init(_ name: String, _ parameters: [Parameter], kind: String = "function", doc: String, body: @escaping Body) {
    self.name = name
    self.parameters = parameters
    self.doc = doc
    self.completionKind = kind
    self.body = body
  }

  /// `print(*values, sep=' ', end='\n', file=stdout)`.
  public var signature: String { Parameter.signature(name: name, parameters) }

  /// What help() pages and inspection shows: the signature, then the paragraph.
  public var documentation: String { signature + "\n\n" + doc }
}

/// A named value that is not a function, such as `stdout`.
public struct Constant {
  public let name: String
  public let value: Value
  public let doc: String
  public init(_ name: String, _ value: Value, doc: String) {
    self.name = name
    self.value = value
    self.doc = doc
  }
}

/// An attribute of a value type, such as a tensor's `shape`; read-only unless it has a
/// setter (`layer.trainable = False`).
public struct Property {
  public let name: String
  public let doc: String
  let get: (Value) throws(RuntimeError) -> Value
  let set: ((Value, Value) throws(RuntimeError) -> Void)?
  public init(
    _ name: String, doc: String, get: @escaping (Value) throws(RuntimeError) -> Value,
    set: ((Value, Value) throws(RuntimeError) -> Void)? = nil
  ) {
    self.name = name
    self.doc = doc
    self.get = get
    self.set = set
  }
}
