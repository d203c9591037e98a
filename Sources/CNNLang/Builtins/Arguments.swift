import TextAndTime

/// Arguments matched to a function's parameters, with typed accessors whose errors name the
/// function and the parameter.
public struct Arguments {
  public let function: String
  let parameters: [Parameter]
  var values: [Value]
  /// Whether each parameter was given by the caller (rather than defaulted).
  let given: [Bool]
  /// The positional arguments a `*values` parameter collected.
  public let rest: [Value]
  /// The keyword arguments a `**options` parameter collected.
  public var restKeywords: [(String, Value)] = []

  /// Matches positional and keyword arguments to parameters, as Python does.
  static func bind(
    function: String, parameters: [Parameter], positional: [Value], keywords: [(String, Value)]
  ) throws(RuntimeError) -> Arguments {
    var slots = [Value?](repeating: nil, count: parameters.count)
    var rest: [Value] = []
    let positionalSlots = parameters.indices.filter { !parameters[$0].isVariadic && !parameters[$0].isKeywordOnly }
    let acceptsRest = parameters.contains { $0.isVariadic }
    for (i, value) in positional.enumerated() {
      if i < positionalSlots.count {
        slots[positionalSlots[i]] = value
      } else if acceptsRest {
        rest.append(value)
      } else {
        throw RuntimeError(
          .tooManyArguments(function: function, maximum: positionalSlots.count, given: positional.count),
          suggestion: .hint(.callHelp(function)))
      }
    }
    var restKeywords: [(String, Value)] = []
    let acceptsAnyKeyword = parameters.contains { $0.isKeywordVariadic }
    for (name, value) in keywords {
      guard let i = parameters.firstIndex(where: { $0.name == name && !$0.isVariadic && !$0.isKeywordVariadic }) else {
        if acceptsAnyKeyword {
          restKeywords.append((name, value))
          continue
        }
        let valid = parameters.filter { !$0.isVariadic }.map(\.name)
        throw RuntimeError(
          .unexpectedKeyword(function: function, keyword: name),
          suggestion: .validKeywords(nearest: NameSuggester.nearest(to: name, in: valid), all: valid))
      }
      if slots[i] != nil {
        throw RuntimeError(.duplicateArgument(function: function, parameter: name), suggestion: .hint(.callHelp(function)))
      }
      slots[i] = value
    }
    var values: [Value] = []
    var given: [Bool] = []
    for (i, p) in parameters.enumerated() {
      given.append(slots[i] != nil)
      if let v = slots[i] ?? p.defaultValue {
        values.append(v)
      } else if p.isVariadic || p.isKeywordVariadic {
        values.append(.none)
      } else {
        throw RuntimeError(.missingArgument(function: function, parameter: p.name), suggestion: .hint(.callHelp(function)))
      }
    }
    var arguments = Arguments(function: function, parameters: parameters, values: values, given: given, rest: rest)
    arguments.restKeywords = restKeywords
    return arguments
  }

  private func index(_ name: String) -> Int {
    guard let i = parameters.firstIndex(where: { $0.name == name }) else {
      preconditionFailure("built-in \(function) reads an undeclared parameter '\(name)'")
    }
    return i
  }

  public subscript(_ name: String) -> Value { values[index(name)] }
  public func wasGiven(_ name: String) -> Bool { given[index(name)] }

  /// The parameters the caller gave by name or position, in declaration order.
  public var givenNamed: [(String, Value)] {
    parameters.indices.filter { given[$0] && !parameters[$0].isVariadic && !parameters[$0].isKeywordVariadic }.map { (parameters[$0].name, values[$0]) }
  }

  func typeError(_ name: String, _ expected: ArgumentExpectation) -> RuntimeError {
    RuntimeError(
      .argumentType(function: function, parameter: name, expected: expected, got: self[name].typeName),
      suggestion: .hint(.callHelp(function)))
  }

  public func number(_ name: String) throws(RuntimeError) -> Double {
    guard let d = self[name].numeric else { throw typeError(name, .number) }
    return d
  }

  public func int(_ name: String) throws(RuntimeError) -> Int {
    let d = try number(name)
    guard let i = NumberText.wholeNumber(d) else {
      throw RuntimeError(.notWholeNumber(function: function, value: NumberText.repr(d)))
    }
    return i
  }

  public func optionalInt(_ name: String) throws(RuntimeError) -> Int? {
    if case .none = self[name] { return nil }
    return try int(name)
  }

  public func string(_ name: String) throws(RuntimeError) -> String {
    guard case .string(let s) = self[name] else { throw typeError(name, .string) }
    return s
  }

  public func bool(_ name: String) throws(RuntimeError) -> Bool { try self[name].truth() }
}
