/// The text help() pages and Shift-Tab shows, built from the registry's entries and the
/// learner's own functions and values.
struct Documentation {
  let registry: BuiltinRegistry
  let userValue: (String) -> Value?

  init(evaluator: Evaluator) {
    registry = evaluator.registry
    userValue = { [globals = evaluator.globals] name in globals[name] }
  }

  /// help(x): x is a value, or a string naming something.
  func help(for value: Value) -> String {
    if case .string(let name) = value { return help(named: name) }
    return describe(value)
  }

  func help(named name: String) -> String {
    if let v = userValue(name) { return describe(v, name: name) }
    if let doc = registry.documentation(of: name) { return doc }
    if let keyword = Keyword(rawValue: name) { return keywordDoc(keyword) }
    if let typeDoc = registry.typeDocs[name] { return typeHelp(name, typeDoc) }
    let parts = name.split(separator: ".").map(String.init)
    if parts.count == 2, let method = registry.methods[parts[0]]?[parts[1]] {
      return "\(parts[0]).\(method.signature)\n\n\(method.doc)"
    }
    var text = "Nothing is known about '\(name)'."
    let known = registry.globalNames + Keyword.allCases.map(\.rawValue)
    if let near = NameSuggester.nearest(to: name, in: known) { text += " Did you mean '\(near)'?" }
    return text
  }

  /// The documentation of a value: a function's signature and doc, or its type's.
  func describe(_ value: Value, name: String? = nil) -> String {
    switch value {
    case .builtin(let b):
      return b.documentation
    case .method(let b, let receiver):
      return "\(receiver.typeName).\(b.signature)\n\n\(b.doc)"
    case .function(let f):
      return f.signature + "\n\n" + (f.doc ?? "A function defined in this notebook (no docstring).")
    case .stream(let s):
      return registry.documentation(of: s.rawValue) ?? s.rawValue
    case .module(let m):
      var lines = ["module \(m.name): its members are CNN Lab's built-ins.", ""]
      for (name, member) in (ModuleTable.modules[m.name] ?? [:]).sorted(by: { $0.key < $1.key }) {
        switch member {
        case .builtin(let b): lines.append("  \(name)" + (registry.functions[b] != nil || registry.constants[b] != nil ? (b == name ? "" : "  (\(b))") : "  (not in CNN Lab yet)"))
        case .module(let sub): lines.append("  \(name)  (module \(sub))")
        case .constant: lines.append("  \(name)")
        case .instead(let advice): lines.append("  \(name)  (not in CNN Lab: \(advice.text))")
        }
      }
      return lines.joined(separator: "\n")
    default:
      let header = (name.map { "\($0): " } ?? "") + "\(value.typeName) = \(Documentation.abbreviated(value.repr))"
      guard let typeDoc = registry.typeDocs[value.typeName] else { return header }
      return header + "\n\n" + typeHelp(value.typeName, typeDoc)
    }
  }

  private func typeHelp(_ type: String, _ doc: String) -> String {
    var text = doc
    let methods = (registry.methods[type] ?? [:]).values.sorted { $0.name < $1.name }
    if !methods.isEmpty {
      text += "\n\nMethods:\n" + methods.map { "  .\($0.signature)  \($0.doc)" }.joined(separator: "\n")
    }
    let properties = (registry.properties[type] ?? [:]).values.sorted { $0.name < $1.name }
    if !properties.isEmpty {
      text += "\n\nAttributes:\n" + properties.map { "  .\($0.name)  \($0.doc)" }.joined(separator: "\n")
    }
    return text
  }

  /// help() with no argument: every built-in, one line each.
  func overview() -> String {
    var lines = ["CNN Lab built-ins. help(name) explains one of them.", ""]
    for b in registry.functions.values.sorted(by: { $0.name < $1.name }) {
      lines.append("  \(b.signature)")
    }
    for c in registry.constants.values.sorted(by: { $0.name < $1.name }) {
      lines.append("  \(c.name)")
    }
    return lines.joined(separator: "\n")
  }

  private func keywordDoc(_ k: Keyword) -> String {
    switch k {
    case .for: return "for NAME in ITERABLE:\n\nRuns the indented block once for each item, with NAME set to the item."
    case .if, .elif, .else: return "if CONDITION: ... elif CONDITION: ... else: ...\n\nRuns the first block whose condition is true."
    case .while: return "while CONDITION:\n\nRuns the indented block again and again while the condition is true."
    case .def: return "def NAME(a, b=1):\n\nDefines a function; 'return value' inside it gives the result."
    case .assert: return "assert CONDITION, \"message\"\n\nStops the cell with an AssertionError (and the message) if the condition is false."
    case .import, .from, .as: return "import numpy as np, from tensorflow.keras import layers\n\nBinds a module whose members are CNN Lab's built-ins: np.argmax is argmax, layers.Conv2D is Conv2D."
    case .try, .except, .finally: return UnsupportedForm.tryStatement.text
    case .class: return UnsupportedForm.classDefinition.text
    case .with: return UnsupportedForm.withStatement.text
    case .lambda: return UnsupportedForm.lambda.text
    case .yield: return UnsupportedForm.yield.text
    case .del: return UnsupportedForm.del.text
    case .raise: return UnsupportedForm.raise.text
    case .nonlocal: return UnsupportedForm.nonlocal.text
    default: return "'\(k.rawValue)' is a keyword of the language."
    }
  }

  /// Long values are cut, so the pager and tooltip stay readable.
  static func abbreviated(_ text: String, limit: Int = 200) -> String {
    text.count <= limit ? text : String(text.prefix(limit)) + "..."
  }
}
