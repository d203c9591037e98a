import TensorEngine

/// Runs statements and evaluates expressions. It owns the session's names; built-ins get
/// it to reach the host (output), the cancellation flag, and to call user functions.
public final class Evaluator {
  /// What a block asks of the loop or function around it.
  enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returnValue(Value)
  }

  struct Frame {
    var locals: [String: Value]
    let function: Function
    /// Names declared `global` in this call.
    var globalNames: Set<String> = []
  }

  public let registry: BuiltinRegistry
  public let cancellation: CancellationFlag
  /// Where output goes while a cell runs; nil between cells.
  public internal(set) var host: (any LanguageHost)?
  var globals: [String: Value] = [:]
  var frames: [Frame] = []
  /// The cell whose code is running, so errors know which source to quote.
  var file: SourceFile
  /// User-function nesting allowed before a clear error instead of a stack overflow.
  let maximumDepth: Int
  /// The stack address below which a call is refused (see `StackGuard`); set per run, on
  /// the thread that runs the cell.
  var stackLimit: UInt?
  /// The call expression being entered, so a layer can remember where it was made.
  var callSite: CallSite?
  /// Layer names and default seeds for this session (`conv2d`, `conv2d_1`, ...).
  let layerNaming = LayerNaming()
  /// The language help() pages speak; the interpreter sets it once.
  var language = MessageLanguage.english
  /// The pictures `plt.imshow` has placed and `plt.show()` (or the cell's end) will show.
  var figure = Pyplot()

  init(registry: BuiltinRegistry, cancellation: CancellationFlag, maximumDepth: Int) {
    self.registry = registry
    self.cancellation = cancellation
    self.maximumDepth = maximumDepth
    self.file = SourceFile(name: "cell", text: "")
  }

  /// Throws `KeyboardInterrupt` if an interrupt was requested. Long built-ins call this.
  public func checkCancellation() throws(RuntimeError) {
    if cancellation.isCancelled { throw RuntimeError(.keyboardInterrupt) }
  }

  // MARK: Names

  func lookup(_ name: String, at range: SourceRange) throws(RuntimeError) -> Value {
    if let frame = frames.last, let v = frame.locals[name] { return v }
    if let v = globals[name] { return v }
    if let v = registry.value(named: name) { return v }
    var known = Array(globals.keys) + registry.globalNames + Keyword.allCases.map(\.rawValue)
    if let frame = frames.last { known += frame.locals.keys }
    let suggestion = NameSuggester.nearest(to: name, in: known).map { Suggestion.didYouMean($0) }
    throw RuntimeError(.undefinedName(name), suggestion: suggestion).locating(file, range)
  }

  func bind(_ name: String, _ value: Value) {
    if frames.isEmpty || frames[frames.count - 1].globalNames.contains(name) {
      globals[name] = value
    } else {
      frames[frames.count - 1].locals[name] = value
    }
  }

  /// The user's own names (not built-ins), for completion.
  var userNames: [String] {
    Array(globals.keys) + (frames.last.map { Array($0.locals.keys) } ?? [])
  }

  // MARK: Statements

  func execute(_ statements: [Stmt]) throws(RuntimeError) -> Flow {
    for statement in statements {
      let flow = try execute(statement)
      if case .normal = flow { continue }
      return flow
    }
    return .normal
  }

  func execute(_ s: Stmt) throws(RuntimeError) -> Flow {
    if cancellation.isCancelled { throw RuntimeError(.keyboardInterrupt).locating(file, s.range) }
    do throws(RuntimeError) {
      switch s.kind {
      case .expression(let e):
        let value = try evaluate(e)
        try callIfExit(e, value)
      case .assign(let targets, let valueExpr):
        let value = try evaluate(valueExpr)
        for target in targets { try assign(value, to: target) }
      case .augmentedAssign(let target, let op, let valueExpr):
        try augmentedAssign(target, op, valueExpr)
      case .assert(let condition, let messageExpr):
        if !(try truth(try evaluate(condition), condition)) {
          let message = try messageExpr.map { (e) throws(RuntimeError) in try evaluate(e).str }
          throw RuntimeError(.assertionFailed(message)).locating(file, condition.range)
        }
      case .pass:
        break
      case .break:
        return .breakLoop
      case .continue:
        return .continueLoop
      case .return(let e):
        return .returnValue(try e.map { (e) throws(RuntimeError) in try evaluate(e) } ?? .none)
      case .if(let branches, let otherwise):
        for branch in branches {
          if try truth(try evaluate(branch.condition), branch.condition) { return try execute(branch.body) }
        }
        if let otherwise { return try execute(otherwise) }
      case .for(let target, let iterableExpr, let body):
        return try executeFor(target, iterableExpr, body)
      case .while(let condition, let body):
        while try truth(try evaluate(condition), condition) {
          try checkCancellation()
          let flow = try execute(body)
          if case .breakLoop = flow { break }
          if case .returnValue = flow { return flow }
        }
      case .def(let decl):
        bind(decl.name, .function(try makeFunction(decl)))
      case .import(let modules):
        try executeImport(modules)
      case .fromImport(let module, let names):
        try executeFromImport(module, names)
      case .timed(let body, let repeated):
        return try executeTimedFlow(body, repeated: repeated)
      case .help(let e):
        try executeHelp(e)
      case .global(let names):
        if !frames.isEmpty {
          frames[frames.count - 1].globalNames.formUnion(names)
          for name in names { frames[frames.count - 1].locals[name] = nil }
        }
      }
    } catch {
      throw error.locating(file, s.range)
    }
    return .normal
  }

  private func executeFor(_ target: Target, _ iterableExpr: Expr, _ body: [Stmt]) throws(RuntimeError) -> Flow {
    let iterable = try evaluate(iterableExpr)
    var index = 0
    while let item = try element(of: iterable, at: index) {
      index += 1
      try checkCancellation()
      try assign(item, to: target)
      let flow = try execute(body)
      if case .breakLoop = flow { break }
      if case .returnValue = flow { return flow }
    }
    return .normal
  }

  /// The `index`-th item of an iterable, or nil past the end. Ranges stay lazy; lists are
  /// read live, so appending inside the loop extends it, as in Python.
  func element(of value: Value, at index: Int) throws(RuntimeError) -> Value? {
    switch value {
    case .range(let r): return index < r.count ? .number(Double(r[index])) : nil
    case .list(let l): return index < l.items.count ? l.items[index] : nil
    case .tuple(let t): return index < t.count ? t[index] : nil
    case .dict(let d): return index < d.count ? d.keys[index] : nil
    case .string(let s):
      // Strings are short; walking from the start each time keeps this simple.
      guard index < s.count else { return nil }
      return .string(String(s[s.index(s.startIndex, offsetBy: index)]))
    case .tensor(let t, _):
      // `for row in x` walks the first axis, as numpy does.
      guard t.rank > 0 else { throw RuntimeError(.notIterable("0-d tensor")) }
      return index < t.shape[0] ? value.keepingKind(try TensorArithmetic.item(t, index)) : nil
    default:
      throw RuntimeError(.notIterable(value.typeName))
    }
  }

  private func makeFunction(_ decl: FunctionDecl) throws(RuntimeError) -> Function {
    var parameters: [Parameter] = []
    for p in decl.parameters {
      let defaultValue = try p.defaultValue.map { (e) throws(RuntimeError) in try evaluate(e) }
      parameters.append(Parameter(p.name, default: defaultValue))
    }
    return Function(declaration: decl, file: file, parameters: parameters)
  }

  // MARK: Assignment

  func assign(_ value: Value, to target: Target) throws(RuntimeError) {
    switch target {
    case .name(let name, _):
      bind(name, value)
    case .tuple(let targets, let range):
      let items: [Value]
      do {
        items = try Sequences.elements(of: value)
      } catch {
        throw RuntimeError(.cannotUnpack(type: value.typeName, count: targets.count)).locating(file, range)
      }
      guard items.count == targets.count else {
        throw RuntimeError(.unpackCount(expected: targets.count, got: items.count)).locating(file, range)
      }
      for (item, t) in zip(items, targets) { try assign(item, to: t) }
    case .subscript(let baseExpr, let items, let range):
      if case .name(let name) = baseExpr.kind, try storesTensor(name) {
        try assignIntoTensor(named: name, items, value, range: range)
        return
      }
      let base = try evaluate(baseExpr)
      let index = try evaluateSubscript(items)
      do {
        try Indexing.set(base, index, value)
      } catch {
        throw error.locating(file, range)
      }
    case .attribute(let baseExpr, let name, let range):
      let base = try evaluate(baseExpr)
      do {
        try setAttribute(of: base, name, to: value)
      } catch {
        throw error.locating(file, range)
      }
    }
  }

  /// `value.name = x`: only properties with a setter (`layer.trainable`) can be assigned.
  func setAttribute(of value: Value, _ name: String, to newValue: Value) throws(RuntimeError) {
    let type = value.typeName
    if let property = registry.properties[type]?[name] {
      guard let set = property.set else { throw RuntimeError(.readOnlyAttribute(type: type, name: name)) }
      try set(value, newValue)
      return
    }
    _ = try attribute(of: value, name)
    throw RuntimeError(.readOnlyAttribute(type: type, name: name))
  }

  private func augmentedAssign(_ target: Target, _ op: BinaryOp, _ valueExpr: Expr) throws(RuntimeError) {
    let current: Value
    switch target {
    case .name(let name, let range): current = try lookup(name, at: range)
    case .subscript(let baseExpr, let items, let range):
      let base = try evaluate(baseExpr)
      let index = try evaluateSubscript(items)
      do { current = try Indexing.get(base, index) } catch { throw error.locating(file, range) }
    case .tuple(_, let range):
      throw RuntimeError(.invalidAssignmentTarget(.severalNames)).locating(file, range)
    case .attribute(let baseExpr, let name, let range):
      do { current = try attribute(of: try evaluate(baseExpr), name) } catch { throw error.locating(file, range) }
    }
    let operand = try evaluate(valueExpr)
    // `xs += ys` grows the list in place, so every name sharing it sees the change.
    if op == .add, case .list(let storage) = current {
      do {
        storage.items += try Sequences.elements(of: operand)
      } catch {
        throw error.locating(file, valueExpr.range)
      }
      return
    }
    let result: Value
    do {
      result = try Operators.binary(op, current, operand)
    } catch {
      throw error.locating(file, SourceRange.spanning(target.range, valueExpr.range))
    }
    try assign(result, to: target)
  }
}
