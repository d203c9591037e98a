/// The text help() pages and Shift-Tab shows, built from the registry's entries and the
/// learner's own functions and values, in the interpreter's message language (the Korean
/// paragraphs live in `KoreanHelp`; signatures and code stay as they are).
struct Documentation {
  let registry: BuiltinRegistry
  let userValue: (String) -> Value?
  let language: MessageLanguage

  init(evaluator: Evaluator) {
    registry = evaluator.registry
    language = evaluator.language
    userValue = { [globals = evaluator.globals] name in globals[name] }
  }

  /// help(x): x is a value, or a string naming something.
  func help(for value: Value) -> String {
    if case .string(let name) = value { return help(named: name) }
    return describe(value)
  }

  func help(named name: String) -> String {
    if let page = page(named: name) { return page }
    let known = registry.globalNames + Keyword.allCases.map(\.rawValue)
    let near = NameSuggester.nearest(to: name, in: known)
    switch language {
    case .english:
      return "Nothing is known about '\(name)'." + (near.map { " Did you mean '\($0)'?" } ?? "")
    case .korean:
      return "'\(name)'에 대한 설명이 없습니다." + (near.map { " 혹시 '\($0)'인가요?" } ?? "")
    }
  }

  /// The page about `name`, or nil when nothing is known about it.
  func page(named name: String) -> String? {
    if let v = userValue(name) { return describe(v, name: name) }
    if let f = registry.functions[name] { return f.signature + "\n\n" + doc(f.doc, .function(name)) }
    if let c = registry.constants[name] { return "\(c.name)\n\n" + doc(c.doc, .constant(name)) }
    if let keyword = Keyword(rawValue: name) { return keywordDoc(keyword) }
    if let typeDoc = registry.typeDocs[name] { return typeHelp(name, typeDoc) }
    let parts = name.split(separator: ".").map(String.init)
    if parts.count == 2, let method = registry.methods[parts[0]]?[parts[1]] {
      return "\(parts[0]).\(method.signature)\n\n" + doc(method.doc, .method(type: parts[0], name: parts[1]))
    }
    return nil
  }

  /// The documentation of a value: a function's signature and doc, or its type's.
  func describe(_ value: Value, name: String? = nil) -> String {
    switch value {
    case .builtin(let b):
      return b.signature + "\n\n" + doc(b.doc, .function(b.name))
    case .method(let b, let receiver):
      return "\(receiver.typeName).\(b.signature)\n\n" + doc(b.doc, .method(type: receiver.typeName, name: b.name))
    case .function(let f):
      let none = language == .korean ? "이 노트북에서 정의한 함수입니다 (docstring 없음)." : "A function defined in this notebook (no docstring)."
      return f.signature + "\n\n" + (f.doc ?? none)
    case .stream(let s):
      return page(named: s.rawValue) ?? s.rawValue
    case .namespace(let n):
      // Its paragraph is the constant's (`fashion_mnist`), its functions' are keyed like methods.
      let short = n.name.split(separator: ".").last.map(String.init) ?? n.name
      let members = n.members.map { name, member -> String in
        if case .builtin(let b) = member { return "  .\(b.signature)  " + doc(b.doc, .method(type: short, name: name)) }
        return "  .\(name) = \(Documentation.abbreviated(member.repr))"
      }
      let korean = language == .korean
      return (korean ? "모듈 " : "module ") + "\(n.name)\n\n" + doc(n.doc, .constant(short)) + "\n\n"
        + (korean ? "멤버:" : "Members:") + "\n" + members.joined(separator: "\n")
    case .module(let m):
      let korean = language == .korean
      var lines = [korean ? "모듈 \(m.name): 멤버는 CNN Lab의 내장 함수입니다." : "module \(m.name): its members are CNN Lab's built-ins.", ""]
      for (name, member) in (ModuleTable.modules[m.name] ?? [:]).sorted(by: { $0.key < $1.key }) {
        switch member {
        case .builtin(let b):
          let known = registry.functions[b] != nil || registry.constants[b] != nil
          let note = known ? (b == name ? "" : "  (\(b))") : (korean ? "  (아직 CNN Lab에 없음)" : "  (not in CNN Lab yet)")
          lines.append("  \(name)" + note)
        case .module(let sub): lines.append("  \(name)  (" + (korean ? "모듈 \(sub))" : "module \(sub))"))
        case .constant: lines.append("  \(name)")
        case .instead(let advice):
          lines.append("  \(name)  (" + (korean ? "CNN Lab에 없음: \(advice.koreanText))" : "not in CNN Lab: \(advice.text))"))
        }
      }
      return lines.joined(separator: "\n")
    default:
      let header = (name.map { "\($0): " } ?? "") + "\(value.typeName) = \(Documentation.abbreviated(value.repr))"
      guard let typeDoc = registry.typeDocs[value.typeName] else { return header }
      return header + "\n\n" + typeHelp(value.typeName, typeDoc)
    }
  }

  /// A registry paragraph in the page's language; English where no translation exists.
  private func doc(_ english: String, _ key: KoreanHelp.Key) -> String {
    switch language {
    case .english: return english
    case .korean: return KoreanHelp.text(for: key) ?? english
    }
  }

  private func typeHelp(_ type: String, _ typeDoc: String) -> String {
    var text = doc(typeDoc, .type(type))
    let methods = (registry.methods[type] ?? [:]).values.sorted { $0.name < $1.name }
    if !methods.isEmpty {
      text += "\n\n" + (language == .korean ? "메서드:" : "Methods:") + "\n"
        + methods.map { "  .\($0.signature)  " + doc($0.doc, .method(type: type, name: $0.name)) }.joined(separator: "\n")
    }
    let properties = (registry.properties[type] ?? [:]).values.sorted { $0.name < $1.name }
    if !properties.isEmpty {
      text += "\n\n" + (language == .korean ? "속성:" : "Attributes:") + "\n"
        + properties.map { "  .\($0.name)  " + doc($0.doc, .property(type: type, name: $0.name)) }.joined(separator: "\n")
    }
    return text
  }

  /// help() with no argument: every built-in, one line each.
  func overview() -> String {
    let title = language == .korean
      ? "CNN Lab의 내장 함수입니다. help(이름)으로 하나씩 설명을 볼 수 있습니다."
      : "CNN Lab built-ins. help(name) explains one of them."
    var lines = [title, ""]
    for b in registry.functions.values.sorted(by: { $0.name < $1.name }) {
      lines.append("  \(b.signature)")
    }
    for c in registry.constants.values.sorted(by: { $0.name < $1.name }) {
      lines.append("  \(c.name)")
    }
    return lines.joined(separator: "\n")
  }

  private func keywordDoc(_ keyword: Keyword) -> String {
    switch language {
    case .english:
      switch keyword {
      case .for: return "for NAME in ITERABLE:\n\nRuns the indented block once for each item, with NAME set to the item."
      case .if, .elif, .else: return "if CONDITION: ... elif CONDITION: ... else: ...\n\nRuns the first block whose condition is true."
      case .while: return "while CONDITION:\n\nRuns the indented block again and again while the condition is true."
      case .def: return "def NAME(a, b=1):\n\nDefines a function; 'return value' inside it gives the result."
      case .assert: return "assert CONDITION, \"message\"\n\nStops the cell with an AssertionError (and the message) if the condition is false."
      case .import, .from, .as: return "import numpy as np, from tensorflow.keras import layers\n\nBinds a module whose members are CNN Lab's built-ins: np.argmax is argmax, layers.Conv2D is Conv2D."
      default:
        if let form = UnsupportedForm(keyword: keyword) { return form.text }
        return "'\(keyword.rawValue)' is a keyword of the language."
      }
    case .korean:
      switch keyword {
      case .for: return "for NAME in ITERABLE:\n\n항목마다 NAME에 그 항목을 넣고, 들여 쓴 블록을 한 번씩 실행합니다."
      case .if, .elif, .else: return "if CONDITION: ... elif CONDITION: ... else: ...\n\n조건이 참인 첫 번째 블록을 실행합니다."
      case .while: return "while CONDITION:\n\n조건이 참인 동안 들여 쓴 블록을 되풀이해서 실행합니다."
      case .def: return "def NAME(a, b=1):\n\n함수를 정의합니다. 함수 안의 'return 값'이 결과가 됩니다."
      case .assert: return "assert CONDITION, \"message\"\n\n조건이 거짓이면 AssertionError(와 메시지)를 내고 셀을 멈춥니다."
      case .import, .from, .as: return "import numpy as np, from tensorflow.keras import layers\n\n멤버가 CNN Lab의 내장 함수인 모듈을 이름에 묶습니다: np.argmax는 argmax이고, layers.Conv2D는 Conv2D입니다."
      default:
        if let form = UnsupportedForm(keyword: keyword) { return form.koreanText }
        return k("'\(keyword.rawValue)'", .topic) + " 이 언어의 키워드입니다."
      }
    }
  }

  /// Long values are cut, so the pager and tooltip stay readable.
  static func abbreviated(_ text: String, limit: Int = 200) -> String {
    text.count <= limit ? text : String(text.prefix(limit)) + "..."
  }
}
