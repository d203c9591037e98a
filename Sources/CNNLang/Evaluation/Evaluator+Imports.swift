// `import` and `from ... import`, and the members of an imported module, read from
// `ModuleTable`. A member that names a built-in is resolved when it is used.
extension Evaluator {
  func executeImport(_ modules: [ImportedModule]) throws(RuntimeError) {
    for module in modules {
      let name = ModuleTable.canonical(module.dotted)
      guard ModuleTable.modules[name] != nil else {
        throw RuntimeError(.noModule(module.dotted)).locating(file, module.range)
      }
      if let alias = module.alias {
        bind(alias, .module(ModuleValue(name: name)))
      } else {
        // `import tensorflow.keras.layers` binds `tensorflow`, as in Python.
        bind(module.path[0], .module(ModuleValue(name: ModuleTable.canonical(module.path[0]))))
      }
    }
  }

  func executeFromImport(_ module: ImportedModule, _ names: [ImportedName]) throws(RuntimeError) {
    let moduleName = ModuleTable.canonical(module.dotted)
    guard let members = ModuleTable.modules[moduleName] else {
      throw RuntimeError(.noModule(module.dotted)).locating(file, module.range)
    }
    if names.isEmpty {
      // `import *` binds every member that exists today.
      for (name, _) in members {
        if let value = try? member(of: moduleName, name) { bind(name, value) }
      }
      return
    }
    for imported in names {
      do {
        bind(imported.alias ?? imported.name, try member(of: moduleName, imported.name))
      } catch {
        throw error.locating(file, imported.range)
      }
    }
  }

  /// `module.name`: a built-in, a submodule or a constant; anything else says what exists.
  func member(of moduleName: String, _ name: String) throws(RuntimeError) -> Value {
    let members = ModuleTable.modules[moduleName] ?? [:]
    switch members[name] {
    case .builtin(let builtin):
      if let value = registry.value(named: builtin) { return value }
      throw RuntimeError(.notInModule(module: moduleName, name: name, instead: nil))
    case .module(let submodule):
      return .module(ModuleValue(name: submodule))
    case .constant(let constant):
      switch constant {
      case .none: return .none
      case .number(let d): return .number(d)
      case .string(let s): return .string(s)
      }
    case .instead(let advice):
      throw RuntimeError(.notInModule(module: moduleName, name: name, instead: advice))
    case nil:
      let suggestion = NameSuggester.nearest(to: name, in: Array(members.keys)).map { Suggestion.didYouMean($0) }
      throw RuntimeError(.notInModule(module: moduleName, name: name, instead: nil), suggestion: suggestion)
    }
  }
}
