/// Encodes an `Encodable` value straight to JSON bytes, with no intermediate tree: the hot
/// path of every outgoing message. Containers close lazily, when their parent writes again or
/// the encoding ends, which is correct for any `Encodable` that finishes one container before
/// starting its sibling (all synthesized conformances, `Array`, `Dictionary`, `Optional`).
/// NaN and infinities, which JSON cannot spell, are written as the strings "NaN", "Infinity".
public enum StreamingJSONEncoder {
  public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let sink = JSONSink()
    try sink.encodeValue(value, depth: 0)
    sink.close(above: 0)
    return sink.writer.bytes
  }
}

/// The shared output and the stack of open containers (`}` or `]`, and whether each has
/// written an element yet, for commas).
final class JSONSink {
  var writer = JSONWriter()
  var open: [(closer: UInt8, hasElements: Bool)] = []

  /// Writes the closers of every container deeper than `depth`.
  func close(above depth: Int) {
    while open.count > depth { writer.appendByte(open.removeLast().closer) }
  }

  /// Prepares the container at `depth` for its next element: closes deeper ones, adds a comma.
  func nextElement(depth: Int) {
    close(above: depth)
    if open[depth - 1].hasElements {
      writer.appendByte(UInt8(ascii: ","))
    } else {
      open[depth - 1].hasElements = true
    }
  }

  func push(_ opener: UInt8, closer: UInt8) {
    writer.appendByte(opener)
    open.append((closer, false))
  }

  /// Writes one value in a slot at `depth` (the slot's key or comma is already written).
  func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
    switch value {
    case let s as String: writer.appendString(s)
    case let b as Bool: writer.appendRaw(b ? "true" : "false")
    case let i as Int: writer.appendRaw(String(i))
    case let d as Double: writeDouble(d)
    default:
      let before = writer.bytes.count
      try value.encode(to: SinkEncoder(sink: self, depth: depth))
      // A value that wrote nothing at all still needs a JSON value in its slot.
      if writer.bytes.count == before { writer.appendRaw("{}") }
    }
  }

  func writeDouble(_ d: Double) {
    if d.isNaN {
      writer.appendString("NaN")
    } else if d.isInfinite {
      writer.appendString(d > 0 ? "Infinity" : "-Infinity")
    } else if d == d.rounded(), abs(d) < 1e15 {
      writer.appendRaw(String(Int64(d)))
    } else {
      writer.appendRaw(d.description)
    }
  }
}

struct SinkEncoder: Encoder {
  let sink: JSONSink
  /// Depth of the container this encoder's value sits in (0 at top level).
  let depth: Int
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    open(UInt8(ascii: "{"), closer: UInt8(ascii: "}"))
    return KeyedEncodingContainer(SinkKeyedContainer<Key>(sink: sink, depth: depth + 1))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    open(UInt8(ascii: "["), closer: UInt8(ascii: "]"))
    return SinkUnkeyedContainer(sink: sink, depth: depth + 1)
  }

  /// Opens this value's container, or reuses it: Codable lets a type ask for its container
  /// more than once (a subclass calling `super.encode(to:)`), and the parent has not written
  /// since, so a container still open just below this depth is this value's own.
  private func open(_ opener: UInt8, closer: UInt8) {
    if sink.open.count > depth, sink.open[depth].closer == closer {
      sink.close(above: depth + 1)
    } else {
      sink.close(above: depth)
      sink.push(opener, closer: closer)
    }
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SinkSingleValueContainer(sink: sink, depth: depth)
  }
}

struct SinkKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let sink: JSONSink
  let depth: Int
  var codingPath: [any CodingKey] = []

  private func key(_ key: Key) {
    sink.nextElement(depth: depth)
    sink.writer.appendString(key.stringValue)
    sink.writer.appendByte(UInt8(ascii: ":"))
  }

  mutating func encodeNil(forKey k: Key) throws {
    key(k)
    sink.writer.appendRaw("null")
  }

  mutating func encode<T: Encodable>(_ value: T, forKey k: Key) throws {
    key(k)
    try sink.encodeValue(value, depth: depth)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey k: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    key(k)
    return SinkEncoder(sink: sink, depth: depth).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey k: Key) -> any UnkeyedEncodingContainer {
    key(k)
    return SinkEncoder(sink: sink, depth: depth).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    sink.nextElement(depth: depth)
    sink.writer.appendString("super")
    sink.writer.appendByte(UInt8(ascii: ":"))
    return SinkEncoder(sink: sink, depth: depth)
  }

  mutating func superEncoder(forKey k: Key) -> any Encoder {
    key(k)
    return SinkEncoder(sink: sink, depth: depth)
  }
}

struct SinkUnkeyedContainer: UnkeyedEncodingContainer {
  let sink: JSONSink
  let depth: Int
  var codingPath: [any CodingKey] = []
  var count = 0

  mutating func encodeNil() throws {
    sink.nextElement(depth: depth)
    sink.writer.appendRaw("null")
    count += 1
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    sink.nextElement(depth: depth)
    try sink.encodeValue(value, depth: depth)
    count += 1
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    sink.nextElement(depth: depth)
    count += 1
    return SinkEncoder(sink: sink, depth: depth).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    sink.nextElement(depth: depth)
    count += 1
    return SinkEncoder(sink: sink, depth: depth).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    sink.nextElement(depth: depth)
    count += 1
    return SinkEncoder(sink: sink, depth: depth)
  }
}

struct SinkSingleValueContainer: SingleValueEncodingContainer {
  let sink: JSONSink
  let depth: Int
  var codingPath: [any CodingKey] = []

  mutating func encodeNil() throws { sink.writer.appendRaw("null") }
  mutating func encode(_ value: Bool) throws { sink.writer.appendRaw(value ? "true" : "false") }
  mutating func encode(_ value: String) throws { sink.writer.appendString(value) }
  mutating func encode(_ value: Double) throws { sink.writeDouble(value) }
  mutating func encode(_ value: Float) throws { sink.writeDouble(Double(value)) }
  mutating func encode(_ value: Int) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode(_ value: Int8) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode(_ value: Int16) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode(_ value: Int32) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode(_ value: Int64) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode(_ value: UInt) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode(_ value: UInt8) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode(_ value: UInt16) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode(_ value: UInt32) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode(_ value: UInt64) throws { sink.writer.appendRaw(String(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value, depth: depth) }
}
