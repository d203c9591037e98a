/// A built-in module such as `keras.datasets.fashion_mnist`: a name and its members, reached
/// with a dot (`fashion_mnist.load_data()`). Members are fixed when the registry is built;
/// a learner cannot add to or change them.
public final class Namespace {
  /// The dotted name Python would print, `keras.datasets.mnist`.
  public let name: String
  public let doc: String
  public let members: [(name: String, value: Value)]

  public init(name: String, doc: String, members: [(name: String, value: Value)]) {
    self.name = name
    self.doc = doc
    self.members = members
  }

  public func member(_ name: String) -> Value? { members.first { $0.name == name }?.value }
  public var memberNames: [String] { members.map(\.name) }
}
