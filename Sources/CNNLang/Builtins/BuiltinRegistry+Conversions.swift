// Turning one kind of value into another: str, int, float, bool, list, tuple.
extension BuiltinRegistry {
  mutating func addConversionFunctions() {
    add(Builtin(
      "str", [Parameter("obj", default: .string(""))],
      doc: "The text of a value, as print writes it. Example: str(3) + \" filters\" is \"3 filters\"."
    ) { (args, ev) throws(RuntimeError) in .string(try args["obj"].text(str: true, cancellation: ev.cancellation)) })

    add(Builtin(
      "int", [Parameter("x", default: .number(0))],
      doc: "A whole number: cuts off the fraction of a number (towards zero) or reads a string of digits. Example: int(3.9) is 3, int(\"12\") is 12."
    ) { (args, _) throws(RuntimeError) in
      switch args["x"] {
      case .string(let s):
        let trimmed = s.trimmingWhitespace()
        guard let i = Int(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else {
          throw RuntimeError(.invalidLiteral(function: "int", text: Value.quoted(s)))
        }
        return .number(Double(i))
      default:
        let d = try args.number("x")
        guard d.isFinite else { throw RuntimeError(.numberTooLarge("int")) }
        return .number(d.rounded(.towardZero))
      }
    })

    add(Builtin(
      "float", [Parameter("x", default: .number(0))],
      doc: "A number from a number or a string such as \"2.5\", \"1e-3\" or \"inf\". Numbers are already floating point here, so float(3) is simply 3."
    ) { (args, _) throws(RuntimeError) in
      if case .string(let s) = args["x"] {
        guard let d = Double(s.trimmingWhitespace().lowercased()) else {
          throw RuntimeError(.invalidLiteral(function: "float", text: Value.quoted(s)))
        }
        return .number(d)
      }
      return .number(try args.number("x"))
    })

    add(Builtin(
      "bool", [Parameter("x", default: .bool(false))],
      doc: "True or False, by Python's rule: 0, empty strings, empty lists and None are False; everything else is True."
    ) { (args, _) throws(RuntimeError) in .bool(try args["x"].truth()) })

    add(Builtin(
      "list", [Parameter("iterable", default: .tuple([]))],
      doc: "A new list with the items of a tuple, range, string or list. Example: list(range(3)) is [0, 1, 2]."
    ) { (args, _) throws(RuntimeError) in .list(try Sequences.elements(of: args["iterable"])) })

    add(Builtin(
      "tuple", [Parameter("iterable", default: .tuple([]))],
      doc: "A tuple with the items of a list, range or string. Shapes are tuples: tuple([28, 28, 1]) is (28, 28, 1)."
    ) { (args, _) throws(RuntimeError) in .tuple(try Sequences.elements(of: args["iterable"])) })
  }
}

extension String {
  func trimmingWhitespace() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
