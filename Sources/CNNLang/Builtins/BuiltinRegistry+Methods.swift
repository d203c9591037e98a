// Methods of lists and strings, called as `xs.append(4)` or `name.upper()`.
extension BuiltinRegistry {
  private mutating func method(
    _ type: String, _ name: String, _ parameters: [Parameter], doc: String, body: @escaping Builtin.Body
  ) {
    addMethod(Builtin(name, [Parameter("self")] + parameters, kind: "method", doc: doc, body: body), to: type)
  }

  mutating func addListMethods() {
    describeType("list", "A list holds values in order: [3, 0, 1]. Index from 0, negative indices count from the end, xs[a:b] is a slice. A list is shared: after ys = xs, xs.append(4) changes ys too.")
    func storage(_ args: Arguments) -> ListStorage {
      if case .list(let l) = args["self"] { return l }
      return ListStorage([])
    }
    method("list", "append", [Parameter("value")], doc: "Adds a value at the end of the list.") {
      (args, _) throws(RuntimeError) in
      storage(args).items.append(args["value"])
      return .none
    }
    method("list", "extend", [Parameter("iterable")], doc: "Adds every item of another sequence at the end of the list.") {
      (args, _) throws(RuntimeError) in
      storage(args).items += try Sequences.elements(of: args["iterable"])
      return .none
    }
    method("list", "insert", [Parameter("index"), Parameter("value")], doc: "Puts a value before the given position.") {
      (args, _) throws(RuntimeError) in
      let l = storage(args)
      let i = try args.int("index")
      l.items.insert(args["value"], at: min(max(0, i < 0 ? i + l.items.count : i), l.items.count))
      return .none
    }
    method("list", "pop", [Parameter("index", default: .number(-1))], doc: "Removes the item at index (the last one by default) and returns it.") {
      (args, _) throws(RuntimeError) in
      let l = storage(args)
      if l.items.isEmpty { throw RuntimeError(.popFromEmpty) }
      return l.items.remove(at: try Indexing.position(args["index"], count: l.items.count, type: "list"))
    }
    method("list", "remove", [Parameter("value")], doc: "Removes the first item equal to value.") {
      (args, _) throws(RuntimeError) in
      let l = storage(args)
      guard let i = l.items.firstIndex(of: args["value"]) else { throw RuntimeError(.valueNotFound(args["value"].repr)) }
      l.items.remove(at: i)
      return .none
    }
    method("list", "index", [Parameter("value")], doc: "The position of the first item equal to value.") {
      (args, _) throws(RuntimeError) in
      guard let i = storage(args).items.firstIndex(of: args["value"]) else {
        throw RuntimeError(.valueNotFound(args["value"].repr))
      }
      return .number(Double(i))
    }
    method("list", "count", [Parameter("value")], doc: "How many items are equal to value.") {
      (args, _) throws(RuntimeError) in .number(Double(storage(args).items.filter { $0 == args["value"] }.count))
    }
    method("list", "reverse", [], doc: "Reverses the list in place.") { (args, _) throws(RuntimeError) in
      storage(args).items.reverse()
      return .none
    }
    method("list", "copy", [], doc: "A new list with the same items, so changing one does not change the other.") {
      (args, _) throws(RuntimeError) in .list(storage(args).items)
    }
    method("list", "clear", [], doc: "Removes every item.") { (args, _) throws(RuntimeError) in
      storage(args).items = []
      return .none
    }
    method("list", "sort", [Parameter("reverse", default: .bool(false))], doc: "Sorts the list in place, in increasing order (decreasing with reverse=True).") {
      (args, _) throws(RuntimeError) in
      let l = storage(args)
      l.items = try Sequences.sorted(l.items, reverse: try args.bool("reverse"))
      return .none
    }
    for name in ["count", "index"] {
      method("tuple", name, [Parameter("value")], doc: name == "count" ? "How many items are equal to value." : "The position of the first item equal to value.") {
        (args, _) throws(RuntimeError) in
        guard case .tuple(let items) = args["self"] else { return .none }
        if name == "count" { return .number(Double(items.filter { $0 == args["value"] }.count)) }
        guard let i = items.firstIndex(of: args["value"]) else { throw RuntimeError(.valueNotFound(args["value"].repr)) }
        return .number(Double(i))
      }
    }
  }

  mutating func addStringMethods() {
    describeType("str", "A string is text in quotes: \"same\" or 'valid'. f\"{x:.2f}\" puts values into text.")
    func text(_ args: Arguments) -> String {
      if case .string(let s) = args["self"] { return s }
      return ""
    }
    method("str", "upper", [], doc: "The text in capital letters.") { (args, _) throws(RuntimeError) in .string(text(args).uppercased()) }
    method("str", "lower", [], doc: "The text in small letters.") { (args, _) throws(RuntimeError) in .string(text(args).lowercased()) }
    method("str", "strip", [], doc: "The text without spaces and newlines at either end.") {
      (args, _) throws(RuntimeError) in .string(text(args).trimmingWhitespace())
    }
    method("str", "split", [Parameter("sep", default: Value.none)], doc: "A list of the parts between sep (between runs of spaces by default).") {
      (args, _) throws(RuntimeError) in
      let s = text(args)
      if args["sep"].isNone { return .list(s.split(whereSeparator: \.isWhitespace).map { .string(String($0)) }) }
      let sep = try args.string("sep")
      if sep.isEmpty { throw RuntimeError(.invalidChoice(function: "split", parameter: "sep", got: "''", choices: [], described: [.nonEmptyString])) }
      return .list(s.parts(separatedBy: sep).map { .string($0) })
    }
    method("str", "join", [Parameter("iterable")], doc: "Joins strings with this text between them: \", \".join([\"a\", \"b\"]) is \"a, b\".") {
      (args, _) throws(RuntimeError) in
      var parts: [String] = []
      for item in try Sequences.elements(of: args["iterable"]) {
        guard case .string(let s) = item else { throw args.typeError("iterable", .strings) }
        parts.append(s)
      }
      return .string(parts.joined(separator: text(args)))
    }
    method("str", "replace", [Parameter("old"), Parameter("new")], doc: "The text with every old part replaced by new.") {
      (args, _) throws(RuntimeError) in
      let old = try args.string("old")
      if old.isEmpty { return .string(text(args)) }
      return .string(text(args).parts(separatedBy: old).joined(separator: try args.string("new")))
    }
    method("str", "format", [Parameter("values", variadic: true)], doc: "The text with each {} replaced by the next value, formatted like an f-string field: \"{} has {:,} weights\".format(name, n). {0} and {1} pick values by position.") {
      (args, _) throws(RuntimeError) in .string(try FormatSpec.substitute(text(args), args.rest))
    }
    method("str", "startswith", [Parameter("prefix")], doc: "True if the text begins with prefix.") {
      (args, _) throws(RuntimeError) in .bool(text(args).hasPrefix(try args.string("prefix")))
    }
    method("str", "endswith", [Parameter("suffix")], doc: "True if the text ends with suffix.") {
      (args, _) throws(RuntimeError) in .bool(text(args).hasSuffix(try args.string("suffix")))
    }
    describeType("tuple", "A tuple is a fixed sequence in parentheses: (28, 28, 1). Shapes are tuples. Index and slice it like a list; it cannot be changed.")
    describeType("number", "A number: 3, -1.5, 1e-3. There is one number type; whole numbers print without '.0'.")
    describeType("bool", "True or False, the result of comparisons such as x > 0.")
    describeType("range", "A range of whole numbers, from range(start, stop, step); loop over it or turn it into a list with list(...).")
    describeType("None", "None means 'no value': what a function without return gives back.")
  }
}
