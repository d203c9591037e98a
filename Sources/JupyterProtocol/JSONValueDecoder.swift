/// Decodes a `Decodable` value from a parsed `JSONValue`. Errors are the standard
/// `DecodingError`s with their coding paths, which `ContentError` turns into field names.
/// Types are strict (a number is not a Bool, a string is not a number), as on the wire.
public struct JSONValueDecoder {
  public init() {}

  public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
    try ValueDecoder(value: value, path: .root).decodeValue(T.self)
  }
}

/// The coding path as a parent chain: built up cheaply while decoding, flattened into the
/// `[CodingKey]` that `Decoder` exposes only when someone (an error) asks for it.
private indirect enum PathNode {
  case root
  case child(any CodingKey, PathNode)

  var keys: [any CodingKey] {
    var keys: [any CodingKey] = []
    var node = self
    while case .child(let key, let parent) = node {
      keys.append(key)
      node = parent
    }
    return keys.reversed()
  }
}

private struct ValueDecoder: Decoder {
  let value: JSONValue
  let path: PathNode
  var codingPath: [any CodingKey] { path.keys }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
    // JSONValue is decoded as itself: no trial-and-error through its Codable init.
    if T.self == JSONValue.self, let same = value as? T { return same }
    return try T(from: self)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else {
      throw DecodingError.typeMismatch(
        [String: JSONValue].self, .init(codingPath: codingPath, debugDescription: "expected an object"))
    }
    return KeyedDecodingContainer(KeyedValueContainer<Key>(members: members, path: path))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else {
      throw DecodingError.typeMismatch(
        [JSONValue].self, .init(codingPath: codingPath, debugDescription: "expected an array"))
    }
    return UnkeyedValueContainer(elements: elements, path: path)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(decoder: self) }
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [String: JSONValue]
  let path: PathNode
  var codingPath: [any CodingKey] { path.keys }

  var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

  private func child(_ key: Key) throws -> ValueDecoder {
    guard let value = members[key.stringValue] else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
    }
    return ValueDecoder(value: value, path: .child(key, path))
  }

  func decodeNil(forKey key: Key) throws -> Bool { try child(key).value == .null }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(T.self) }

  // One lookup instead of the default's three (contains, decodeNil, decode): optional
  // fields are most of every request.
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let value = members[key.stringValue], value != .null else { return nil }
    return try ValueDecoder(value: value, path: .child(key, path)).decodeValue(T.self)
  }

  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
    guard let value = members[key.stringValue], value != .null else { return nil }
    if case .bool(let b) = value { return b }
    return try ValueDecoder(value: value, path: .child(key, path)).decodeValue(Bool.self)
  }

  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    guard let value = members[key.stringValue], value != .null else { return nil }
    if case .string(let s) = value { return s }
    return try ValueDecoder(value: value, path: .child(key, path)).decodeValue(String.self)
  }

  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
    guard let value = members[key.stringValue], value != .null else { return nil }
    return try ValueDecoder(value: value, path: .child(key, path)).decodeValue(Int.self)
  }

  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    if case .string(let s) = members[key.stringValue] { return s }
    return try child(key).decodeValue(String.self)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try child(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try child(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    ValueDecoder(value: .object(members), path: path)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct IndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String { String(intValue ?? 0) }
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedValueContainer: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  let path: PathNode
  var codingPath: [any CodingKey] { path.keys }
  var currentIndex = 0

  init(elements: [JSONValue], path: PathNode) {
    self.elements = elements
    self.path = path
  }

  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func next() throws -> ValueDecoder {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        JSONValue.self, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "array too short"))
    }
    defer { currentIndex += 1 }
    return ValueDecoder(value: elements[currentIndex], path: .child(IndexKey(currentIndex), path))
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, elements[currentIndex] == .null else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(T.self) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

  mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
  let decoder: ValueDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }

  private func mismatch<T>(_ type: T.Type) -> DecodingError {
    .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "found \(decoder.value)"))
  }

  func decodeNil() -> Bool { decoder.value == .null }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard case .bool(let b) = decoder.value else { throw mismatch(type) }
    return b
  }

  func decode(_ type: String.Type) throws -> String {
    guard case .string(let s) = decoder.value else { throw mismatch(type) }
    return s
  }

  func decode(_ type: Double.Type) throws -> Double {
    guard case .number(let n) = decoder.value else { throw mismatch(type) }
    return n
  }

  func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

  private func integer<T: BinaryInteger>(_ type: T.Type) throws -> T {
    guard case .number(let n) = decoder.value, let v = T(exactly: n) else { throw mismatch(type) }
    return v
  }

  func decode(_ type: Int.Type) throws -> Int { try integer(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(T.self) }
}
