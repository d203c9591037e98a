import TensorEngine
import TextAndTime

// Reading the arguments the tensor built-ins share: tensors (or nested lists), shapes,
// window sizes, strides and padding, each with an error that names the function and parameter.
extension Arguments {
  /// A tensor, or nested lists of numbers read as one.
  func tensorArgument(_ name: String) throws(RuntimeError) -> Tensor {
    switch self[name] {
    case .tensor(let t, _): return t
    case .list, .tuple: return try TensorValues.tensor(from: self[name], function: function)
    default: throw typeError(name, .tensor)
    }
  }

  func optionalTensorArgument(_ name: String) throws(RuntimeError) -> Tensor? {
    if self[name].isNone { return nil }
    return try tensorArgument(name)
  }

  /// A shape: one whole number or a tuple/list of them, none negative.
  func shapeArgument(_ name: String) throws(RuntimeError) -> [Int] {
    let parts: [Value]
    switch self[name] {
    case .tuple(let items): parts = items
    case .list(let l): parts = l.items
    case .number, .bool: parts = [self[name]]
    default: throw typeError(name, .shape(example: "(28, 28)"))
    }
    var shape: [Int] = []
    for part in parts {
      guard let d = part.numeric, let n = NumberText.wholeNumber(d) else { throw typeError(name, .shapeOfWholeNumbers) }
      guard n >= 0 else { throw RuntimeError(.negativeValue(function: function, parameter: name)) }
      shape.append(n)
    }
    return shape
  }

  /// A size given as one number (both axes) or a pair `(height, width)`, each at least 1.
  func size2Argument(_ name: String) throws(RuntimeError) -> Size2 {
    let numbers: [Int]
    switch self[name] {
    case .number, .bool: numbers = [try int(name)]
    case .tuple(let items) where items.count == 2: numbers = try wholeNumbers(items, name)
    case .list(let l) where l.items.count == 2: numbers = try wholeNumbers(l.items, name)
    default: throw typeError(name, .numberOrPair)
    }
    guard numbers.allSatisfy({ $0 >= 1 }) else {
      throw RuntimeError(.invalidChoice(function: function, parameter: name, got: self[name].repr, choices: [], described: [.positiveWholeNumber, .pairOfThem]))
    }
    return numbers.count == 1 ? Size2(numbers[0]) : Size2(numbers[0], numbers[1])
  }

  private func wholeNumbers(_ items: [Value], _ name: String) throws(RuntimeError) -> [Int] {
    var out: [Int] = []
    for item in items {
      guard let d = item.numeric, let n = NumberText.wholeNumber(d) else { throw typeError(name, .numberOrPair) }
      out.append(n)
    }
    return out
  }

  /// `"valid"`, `"same"` or a number of zero rows and columns on every side.
  func paddingArgument(_ name: String) throws(RuntimeError) -> Padding {
    switch self[name] {
    case .string(let s):
      switch s.lowercased() {
      case "valid": return .valid
      case "same": return .same
      default:
        let choices = ["'valid'", "'same'"]
        let near = NameSuggester.nearest(to: s.lowercased(), in: ["valid", "same"])
        throw RuntimeError(
          .invalidChoice(function: function, parameter: name, got: Value.quoted(s), choices: choices, described: [.number]),
          suggestion: near.map { .didYouMean($0) })
      }
    case .number, .bool:
      let cells = try int(name)
      guard cells >= 0 else { throw RuntimeError(.negativeValue(function: function, parameter: name)) }
      return .symmetric(cells)
    default:
      throw typeError(name, .paddingName)
    }
  }

  /// An axis number, or nil for None.
  func optionalAxis(_ name: String) throws(RuntimeError) -> Int? { try optionalInt(name) }
}
