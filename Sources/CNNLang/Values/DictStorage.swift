import TextAndTime

/// The mutable storage of a dict, shared by every name that refers to it (as a list is).
/// Entries keep the order they were first inserted in, as Python's dicts do; `index` finds a
/// key's entry without walking them.
public final class DictStorage {
  public private(set) var keys: [Value] = []
  public private(set) var values: [Value] = []
  private var index: [DictKey: Int] = [:]

  public init() {}

  init(_ pairs: [(Value, Value)]) throws(RuntimeError) {
    for (k, v) in pairs { try set(k, v) }
  }

  public var count: Int { keys.count }

  func get(_ key: Value) throws(RuntimeError) -> Value? {
    guard let i = index[try DictKey(key)] else { return nil }
    return values[i]
  }

  /// Replaces the value of an existing key in place (its position stays), or appends.
  func set(_ key: Value, _ value: Value) throws(RuntimeError) {
    let k = try DictKey(key)
    if let i = index[k] {
      values[i] = value
    } else {
      index[k] = keys.count
      keys.append(key)
      values.append(value)
    }
  }

  /// Removes a key and returns its value, or nil when it is absent.
  func remove(_ key: Value) throws(RuntimeError) -> Value? {
    let k = try DictKey(key)
    guard let i = index.removeValue(forKey: k) else { return nil }
    keys.remove(at: i)
    let value = values.remove(at: i)
    for (other, position) in index where position > i { index[other] = position - 1 }
    return value
  }

  func removeAll() {
    keys = []
    values = []
    index = [:]
  }

  var pairs: [(Value, Value)] { Array(zip(keys, values)) }
}

/// A dict key as Python hashes it: equal values are one key, so `1`, `1.0` and `True` are the
/// same key. Lists, dicts and tensors can change, so they cannot be keys.
struct DictKey: Hashable {
  private enum Kind: Hashable {
    case none
    case number(Double)
    case string(String)
    case tuple([DictKey])
  }
  private let kind: Kind

  init(_ value: Value) throws(RuntimeError) {
    switch value {
    case .none: kind = .none
    case .bool, .number:
      // NaN never equals itself; one key for all NaNs keeps the table sane.
      let d = value.numeric ?? 0
      kind = .number(d.isNaN ? .nan : (d == 0 ? 0 : d))
    case .string(let s): kind = .string(s)
    case .tuple(let items):
      var keys: [DictKey] = []
      for item in items { keys.append(try DictKey(item)) }
      kind = .tuple(keys)
    default:
      throw RuntimeError(.unhashable(value.typeName))
    }
  }
}
