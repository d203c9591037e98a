import TensorEngine
import TextAndTime

// Reading layer arguments as Keras accepts them: sizes as a number or a pair, padding as a
// name (or a number of cells), shapes as tuples.
extension Arguments {
  /// Window sizes, strides and paddings beyond this are mistakes, and refusing them keeps
  /// every size sum and product far from overflowing.
  static let largestWindow = 1 << 31

  func hasParameter(_ name: String) -> Bool { parameters.contains { $0.name == name } }

  /// A whole number from 1 up to `largestWindow`.
  func windowSize(_ name: String) throws(RuntimeError) -> Int {
    let n = try int(name)
    guard n >= 1 else { throw RuntimeError(.notPositive(function: function, parameter: name)) }
    guard n <= Arguments.largestWindow else { throw RuntimeError(.numberTooLarge(function)) }
    return n
  }

  /// `3` or `(3, 5)`, each at least 1.
  func size2(_ name: String) throws(RuntimeError) -> Size2 {
    let value = self[name]
    if value.numeric != nil { return Size2(try windowSize(name)) }
    let items: [Value]
    switch value {
    case .tuple(let t): items = t
    case .list(let l): items = l.items
    default: throw typeError(name, .wholeNumberOrPair)
    }
    guard items.count == 2, let a = items[0].numeric.flatMap(NumberText.wholeNumber), let b = items[1].numeric.flatMap(NumberText.wholeNumber) else {
      throw typeError(name, .wholeNumberOrPair)
    }
    guard a >= 1, b >= 1 else { throw RuntimeError(.notPositive(function: function, parameter: name)) }
    guard a <= Arguments.largestWindow, b <= Arguments.largestWindow else { throw RuntimeError(.numberTooLarge(function)) }
    return Size2(a, b)
  }

  func optionalSize2(_ name: String) throws(RuntimeError) -> Size2? {
    if self[name].isNone { return nil }
    return try size2(name)
  }

  /// `"valid"`, `"same"`, or a number of zero cells on every side.
  func padding(_ name: String = "padding") throws(RuntimeError) -> Padding {
    let value = self[name]
    if value.numeric != nil {
      let n = try int(name)
      guard n >= 0 else { throw RuntimeError(.negativeValue(function: function, parameter: name)) }
      guard n <= Arguments.largestWindow else { throw RuntimeError(.numberTooLarge(function)) }
      return .symmetric(n)
    }
    guard case .string(let text) = value else { throw typeError(name, .paddingName) }
    switch text.lowercased() {
    case "valid": return .valid
    case "same": return .same
    default:
      throw RuntimeError(
        .invalidChoice(function: function, parameter: name, got: value.repr, choices: ["'valid'", "'same'"]),
        suggestion: NameSuggester.nearest(to: text, in: ["valid", "same"]).map { Suggestion.didYouMean($0) })
    }
  }

  /// A shape without the batch axis: `(28, 28, 1)`, or one number for a vector.
  func shape(_ name: String) throws(RuntimeError) -> [Int]? {
    let value = self[name]
    if value.isNone { return nil }
    if value.numeric != nil { return [try int(name)] }
    let items: [Value]
    switch value {
    case .tuple(let t): items = t
    case .list(let l): items = l.items
    default: throw typeError(name, .shape(example: "(28, 28, 1)"))
    }
    var dims: [Int] = []
    for item in items {
      guard let d = item.numeric.flatMap(NumberText.wholeNumber), d >= 1, d <= 1 << 40 else {
        throw typeError(name, .shapeOfPositiveNumbers)
      }
      dims.append(d)
    }
    guard !dims.isEmpty, dims.count <= 8 else { throw typeError(name, .shape(example: "(28, 28, 1)")) }
    return dims
  }

  /// `seed=`: a whole number, or None.
  func seed() throws(RuntimeError) -> UInt64? {
    guard hasParameter("seed"), let n = try optionalInt("seed") else { return nil }
    return UInt64(bitPattern: Int64(n))
  }
}
