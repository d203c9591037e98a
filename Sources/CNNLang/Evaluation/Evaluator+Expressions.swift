// Expressions. Each failing operation is located at its own expression, so the caret sits
// under exactly the part that failed.
extension Evaluator {
  func evaluate(_ e: Expr) throws(RuntimeError) -> Value {
    switch e.kind {
    case .number(let d): return .number(d)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    case .none: return .none
    case .name(let n): return try lookup(n, at: e.range)
    case .fstring(let segments): return .string(try formatString(segments))
    case .list(let items):
      return .list(try evaluateAll(items))
    case .tuple(let items):
      return .tuple(try evaluateAll(items))
    case .dict(let pairs):
      return try evaluateDict(pairs)
    case .listComprehension(let element, let target, let iterable, let condition):
      return try comprehension(element, target, iterable, condition)
    case .unary(let op, let operand):
      return try evaluateUnary(op, operand, e.range)
    case .binary(let op, let left, let right):
      return try evaluateBinary(op, left, right, e.range)
    case .compare(let first, let rest):
      return try evaluateComparison(first, rest, e.range)
    case .and(let l, let r):
      let left = try evaluate(l)
      return try truth(left, l) ? try evaluate(r) : left
    case .or(let l, let r):
      let left = try evaluate(l)
      return try truth(left, l) ? left : try evaluate(r)
    case .not(let operand):
      return .bool(!(try truth(try evaluate(operand), operand)))
    case .conditional(let condition, let then, let otherwise):
      return try truth(try evaluate(condition), condition) ? try evaluate(then) : try evaluate(otherwise)
    case .call(let calleeExpr, let arguments):
      return try evaluateCall(calleeExpr, arguments, range: e.range)
    case .subscript(let baseExpr, let items):
      return try evaluateIndexing(baseExpr, items, e.range)
    case .attribute(let baseExpr, let name, let nameRange):
      return try evaluateAttribute(baseExpr, name, nameRange)
    }
  }

  // Each case of `evaluate` that needs locals lives in its own function, kept out of line:
  // `evaluate` recurses once per nested expression and user call, so its frame must stay small.

  @inline(never)
  private func evaluateAll(_ items: [Expr]) throws(RuntimeError) -> [Value] {
    var values: [Value] = []
    values.reserveCapacity(items.count)
    for item in items { values.append(try evaluate(item)) }
    return values
  }

  @inline(never)
  private func evaluateDict(_ pairs: [(key: Expr, value: Expr)]) throws(RuntimeError) -> Value {
    let storage = DictStorage()
    for pair in pairs {
      let key = try evaluate(pair.key)
      let value = try evaluate(pair.value)
      do { try storage.set(key, value) } catch { throw error.locating(file, pair.key.range) }
    }
    return .dict(storage)
  }

  @inline(never)
  private func evaluateUnary(_ op: UnaryOp, _ operand: Expr, _ range: SourceRange) throws(RuntimeError) -> Value {
    let v = try evaluate(operand)
    do { return try Operators.unary(op, v) } catch { throw error.locating(file, range) }
  }

  @inline(never)
  private func evaluateBinary(_ op: BinaryOp, _ left: Expr, _ right: Expr, _ range: SourceRange) throws(RuntimeError) -> Value {
    let l = try evaluate(left)
    let r = try evaluate(right)
    do { return try Operators.binary(op, l, r) } catch { throw error.locating(file, range) }
  }

  @inline(never)
  private func evaluateComparison(_ first: Expr, _ rest: [(CompareOp, Expr)], _ range: SourceRange) throws(RuntimeError) -> Value {
    var left = try evaluate(first)
    var leftExpr = first
    for (position, (op, rightExpr)) in rest.enumerated() {
      let right = try evaluate(rightExpr)
      let answer: Value
      do { answer = try Operators.comparison(op, left, right, cancellation: cancellation) } catch { throw error.locating(file, range) }
      // `a < b < c` is `a < b and b < c`: each link but the last must be one True or False.
      if position == rest.count - 1 { return answer }
      if !(try truth(answer, .spanning(leftExpr.range, rightExpr.range))) { return answer }
      left = right
      leftExpr = rightExpr
    }
    return .bool(true)
  }

  /// A condition's truth, with the caret under the condition when a tensor cannot give one.
  func truth(_ value: Value, _ e: Expr) throws(RuntimeError) -> Bool {
    try truth(value, e.range)
  }

  func truth(_ value: Value, _ range: SourceRange) throws(RuntimeError) -> Bool {
    do { return try value.truth() } catch { throw error.locating(file, range) }
  }

  @inline(never)
  private func evaluateIndexing(_ baseExpr: Expr, _ items: [SubscriptItem], _ range: SourceRange) throws(RuntimeError) -> Value {
    let base = try evaluate(baseExpr)
    let index = try evaluateSubscript(items)
    do { return try Indexing.get(base, index) } catch { throw error.locating(file, range) }
  }

  @inline(never)
  private func evaluateAttribute(_ baseExpr: Expr, _ name: String, _ nameRange: SourceRange) throws(RuntimeError) -> Value {
    let base = try evaluate(baseExpr)
    do { return try attribute(of: base, name) } catch { throw error.locating(file, nameRange) }
  }

  func evaluateSubscript(_ items: [SubscriptItem]) throws(RuntimeError) -> Index {
    var parts: [Index.Part] = []
    for item in items {
      switch item {
      case .index(let e):
        parts.append(.single(try evaluate(e), e.range))
      case .ellipsis:
        parts.append(.ellipsis)
      case .slice(let lower, let upper, let step):
        func optional(_ e: Expr?) throws(RuntimeError) -> Value? { try e.map { (e) throws(RuntimeError) in try evaluate(e) } }
        parts.append(.slice(try optional(lower), try optional(upper), try optional(step)))
      }
    }
    return Index(parts: parts)
  }

  /// `value.name`: a property's value, or a method bound to `value`.
  func attribute(of value: Value, _ name: String) throws(RuntimeError) -> Value {
    if case .namespace(let namespace) = value {
      if let member = namespace.member(name) { return member }
      let suggestion = NameSuggester.nearest(to: name, in: namespace.memberNames).map { Suggestion.didYouMean($0) }
      throw RuntimeError(.noAttribute(type: "module '\(namespace.name)'", name: name), suggestion: suggestion)
    }
    if case .module(let module) = value { return try member(of: module.name, name) }
    let type = value.typeName
    if let property = registry.properties[type]?[name] { return try property.get(value) }
    if let method = registry.methods[type]?[name] { return .method(method, receiver: value) }
    // Python's internals (`layer.__class__.__name__`) have no counterpart here.
    if name.hasPrefix("__") { throw RuntimeError(.noAttribute(type: type, name: name), suggestion: .hint(.pythonInternals)) }
    let suggestion = NameSuggester.nearest(to: name, in: registry.attributeNames(of: type)).map { Suggestion.didYouMean($0) }
    throw RuntimeError(.noAttribute(type: type, name: name), suggestion: suggestion)
  }

  @inline(never)
  private func evaluateCall(_ calleeExpr: Expr, _ arguments: [Argument], range: SourceRange) throws(RuntimeError) -> Value {
    let callee = try evaluate(calleeExpr)
    var positional: [Value] = []
    var keywords: [(String, Value)] = []
    for argument in arguments {
      let v = try evaluate(argument.value)
      if argument.spread {
        do { positional += try Sequences.elements(of: v) } catch { throw error.locating(file, argument.value.range) }
      } else if let keyword = argument.keyword {
        keywords.append((keyword, v))
      } else {
        positional.append(v)
      }
    }
    let callerFile = file
    callSite = CallSite(file: file, range: range)
    do {
      return try call(callee, positional: positional, keywords: keywords)
    } catch {
      var error = error
      if case .function(let f) = callee, error.range != nil {
        let (line, column) = callerFile.location(of: range.start)
        error.notes.append(.calledFrom(function: f.name, file: callerFile.name, line: line, column: column))
      }
      error.locate(callerFile, range)
      throw error
    }
  }

  /// Calls any callable value. Built-ins use this to call back into user functions.
  public func call(_ callee: Value, positional: [Value], keywords: [(String, Value)] = []) throws(RuntimeError) -> Value {
    switch callee {
    case .builtin(let b):
      let arguments = try Arguments.bind(function: b.name, parameters: b.parameters, positional: positional, keywords: keywords)
      return try b.body(arguments, self)
    case .method(let b, let receiver):
      do {
        let arguments = try Arguments.bind(
          function: b.name, parameters: b.parameters, positional: [receiver] + positional, keywords: keywords)
        return try b.body(arguments, self)
      } catch {
        var error = error
        if error.suggestion == .hint(.callHelp(b.name)) {
          error.suggestion = .hint(.callMethodHelp(type: receiver.typeName, name: b.name))
        }
        // The receiver is written before the dot, so the learner did not count it.
        if case .tooManyArguments(let f, let maximum, let given) = error.message {
          error.message = .tooManyArguments(function: f, maximum: maximum - 1, given: given - 1)
        }
        throw error
      }
    case .function(let f):
      let arguments = try Arguments.bind(function: f.name, parameters: f.parameters, positional: positional, keywords: keywords)
      return try callFunction(f, arguments)
    case .layer(let layer):
      return try layer.call(positional: positional, keywords: keywords, evaluator: self)
    case .model(let model):
      return try model.call(positional: positional, keywords: keywords, evaluator: self)
    default:
      throw RuntimeError(.notCallable(callee.typeName))
    }
  }

  private func callFunction(_ f: Function, _ arguments: Arguments) throws(RuntimeError) -> Value {
    let tooDeep = frames.count >= maximumDepth || stackLimit.map { StackGuard.currentDepthMarker() < $0 } == true
    if tooDeep { throw RuntimeError(.recursionLimit(frames.count)) }
    var locals: [String: Value] = [:]
    for (p, v) in zip(f.parameters, arguments.values) { locals[p.name] = v }
    frames.append(Frame(locals: locals, function: f))
    let savedFile = file
    file = f.file
    defer {
      frames.removeLast()
      file = savedFile
    }
    if case .returnValue(let v) = try execute(f.declaration.body) { return v }
    return .none
  }

  @inline(never)
  private func comprehension(_ element: Expr, _ target: Target, _ iterableExpr: Expr, _ condition: Expr?) throws(RuntimeError) -> Value {
    var items: ItemCursor
    do { items = try ItemCursor(try evaluate(iterableExpr)) } catch { throw error.locating(file, iterableExpr.range) }
    // The loop names belong to the comprehension: whatever they meant before comes back after.
    let names = target.names
    let saved = names.map { name in frames.last?.locals[name] ?? (frames.isEmpty ? globals[name] : nil) }
    defer {
      for (name, old) in zip(names, saved) {
        if frames.isEmpty { globals[name] = old } else { frames[frames.count - 1].locals[name] = old }
      }
    }
    var results: [Value] = []
    while true {
      let next: Value?
      do { next = try items.next() } catch { throw error.locating(file, iterableExpr.range) }
      guard let item = next else { break }
      try checkCancellation()
      try assign(item, to: target)
      if let condition, !(try truth(try evaluate(condition), condition)) { continue }
      try Sequences.checkGrowth(results.count, .listItems)
      results.append(try evaluate(element))
    }
    return .list(results)
  }

  @inline(never)
  private func formatString(_ segments: [FStringSegment]) throws(RuntimeError) -> String {
    var out = ""
    for segment in segments {
      switch segment {
      case .literal(let text):
        out += text
      case .field(let e, let conversion, let spec):
        var v = try evaluate(e)
        do {
          if conversion == "r" || conversion == "s" { v = .string(try v.text(str: conversion == "s", cancellation: cancellation)) }
          let format = try formatString(spec)
          out += try FormatSpec.format(v, spec: format, cancellation: cancellation)
        } catch {
          throw error.locating(file, e.range)
        }
      }
    }
    return out
  }
}

extension Target {
  /// Every name this target binds.
  var names: [String] {
    switch self {
    case .name(let n, _): return [n]
    case .tuple(let items, _): return items.flatMap(\.names)
    case .subscript, .attribute: return []
    }
  }
}
