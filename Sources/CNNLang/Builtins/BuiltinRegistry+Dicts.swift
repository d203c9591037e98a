// Dicts: `dict(...)` and the methods `d.keys()`, `d.values()`, `d.items()`, `d.get(key)`, ...
// Keras's `history.history` is a dict of lists, and papermill passes dict parameters.
extension BuiltinRegistry {
  mutating func addDicts() {
    describeType("dict", "A dict maps keys to values: {\"loss\": [0.5, 0.3], \"accuracy\": [0.8, 0.9]}. d[\"loss\"] reads a value, d[\"lr\"] = 0.01 sets one, \"loss\" in d asks whether a key is there, and for key in d walks the keys in the order they were added. A dict is shared like a list.")

    add(Builtin(
      "dict", [Parameter("iterable", default: Value.none)],
      doc: "A new dict: empty, a copy of another dict, or made from (key, value) pairs. Example: dict([(\"a\", 1), (\"b\", 2)]) is {'a': 1, 'b': 2}."
    ) { (args, _) throws(RuntimeError) in
      let storage = DictStorage()
      switch args["iterable"] {
      case .none: break
      case .dict(let other): for (k, v) in other.pairs { try storage.set(k, v) }
      default:
        for item in try Sequences.elements(of: args["iterable"]) {
          guard let pair = try? Sequences.elements(of: item), pair.count == 2 else {
            throw args.typeError("iterable", .dictOrPairs)
          }
          try storage.set(pair[0], pair[1])
        }
      }
      return .dict(storage)
    })

    func method(_ name: String, _ parameters: [Parameter], doc: String, body: @escaping (DictStorage, Arguments) throws(RuntimeError) -> Value) {
      addMethod(Builtin(name, [Parameter("self")] + parameters, kind: "method", doc: doc) { (args, _) throws(RuntimeError) in
        guard case .dict(let d) = args["self"] else { throw args.typeError("self", .dict) }
        return try body(d, args)
      }, to: "dict")
    }
    method("keys", [], doc: "The keys, in the order they were added, as a list. Example: {\"loss\": [0.5]}.keys() is ['loss'].") {
      (d, _) throws(RuntimeError) in .list(d.keys)
    }
    method("values", [], doc: "The values, in the order their keys were added, as a list.") {
      (d, _) throws(RuntimeError) in .list(d.values)
    }
    method("items", [], doc: "The (key, value) pairs as a list of tuples, for loops like: for name, values in d.items():") {
      (d, _) throws(RuntimeError) in .list(d.pairs.map { .tuple([$0.0, $0.1]) })
    }
    method("get", [Parameter("key"), Parameter("default", default: Value.none)], doc: "The value of key, or default (None unless given) when the dict does not have it: no KeyError.") {
      (d, args) throws(RuntimeError) in try d.get(args["key"]) ?? args["default"]
    }
    method("pop", [Parameter("key"), Parameter("default", default: Value.none)], doc: "Removes key and returns its value; returns default when the key is absent and a default was given, else a KeyError.") {
      (d, args) throws(RuntimeError) in
      if let value = try d.remove(args["key"]) { return value }
      if args.wasGiven("default") { return args["default"] }
      throw RuntimeError(.keyNotFound(key: args["key"].repr, known: d.keys.map(\.repr)))
    }
    method("update", [Parameter("other")], doc: "Sets every key of another dict in this one, replacing values already there.") {
      (d, args) throws(RuntimeError) in
      guard case .dict(let other) = args["other"] else { throw args.typeError("other", .dict) }
      for (k, v) in other.pairs { try d.set(k, v) }
      return .none
    }
    method("copy", [], doc: "A new dict with the same keys and values, so changing one does not change the other.") {
      (d, _) throws(RuntimeError) in .dict(try DictStorage(d.pairs))
    }
    method("clear", [], doc: "Removes every key.") { (d, _) throws(RuntimeError) in
      d.removeAll()
      return .none
    }
  }
}
