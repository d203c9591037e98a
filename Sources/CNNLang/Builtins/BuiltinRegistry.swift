/// Every name the language knows before the learner defines any: functions, constants, and
/// the methods and properties of each value type (keyed by `Value.typeName`).
///
/// Vocabularies are added in `BuiltinRegistry+<Topic>.swift` files by calling `add`; the
/// evaluator, help(), completion and inspection all read from here.
public struct BuiltinRegistry {
  public private(set) var functions: [String: Builtin] = [:]
  public private(set) var constants: [String: Constant] = [:]
  public private(set) var methods: [String: [String: Builtin]] = [:]
  public private(set) var properties: [String: [String: Property]] = [:]
  /// A sentence per value type for help(value).
  public private(set) var typeDocs: [String: String] = [:]

  public init() {}

  /// The registry with the whole core vocabulary.
  public static func standard() -> BuiltinRegistry {
    var registry = BuiltinRegistry()
    registry.addCoreFunctions()
    registry.addConversionFunctions()
    registry.addSequenceFunctions()
    registry.addListMethods()
    registry.addDicts()
    registry.addStringMethods()
    registry.addTensorVocabulary()
    registry.addLayers()
    registry.addModels()
    registry.addTraining()
    registry.addDatasets()
    registry.addPyplot()
    registry.addWidgets()
    return registry
  }

  public mutating func add(_ builtin: Builtin) { functions[builtin.name] = builtin }
  public mutating func add(_ constant: Constant) { constants[constant.name] = constant }
  public mutating func addMethod(_ builtin: Builtin, to typeName: String) {
    methods[typeName, default: [:]][builtin.name] = builtin
  }
  public mutating func addProperty(_ property: Property, to typeName: String) {
    properties[typeName, default: [:]][property.name] = property
  }
  public mutating func describeType(_ typeName: String, _ doc: String) { typeDocs[typeName] = doc }

  /// A global built-in name's value.
  func value(named name: String) -> Value? {
    if let f = functions[name] { return .builtin(f) }
    return constants[name]?.value
  }

  /// Every global built-in name, for completion and suggestions.
  var globalNames: [String] { Array(functions.keys) + Array(constants.keys) }

  /// The attribute names of a value type: methods and properties.
  func attributeNames(of typeName: String) -> [String] {
    Array((methods[typeName] ?? [:]).keys) + Array((properties[typeName] ?? [:]).keys)
  }
}
