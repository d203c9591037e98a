/// How one stored number is laid out: its kind, its width in bytes and its byte order. The IDX
/// and `.npy` readers both describe their element types with this, and `convert` is the one
/// place where stored numbers become the engine's floats.
struct ElementType: Equatable, Sendable {
  enum Kind: Sendable { case unsigned, signed, float, bool }
  let kind: Kind
  let size: Int
  let bigEndian: Bool

  static let uint8 = ElementType(kind: .unsigned, size: 1, bigEndian: false)

  /// Converts `count` stored numbers at `source` into floats at `destination`. Integers wider
  /// than 24 bits and doubles round to the nearest float.
  func convert(_ source: UnsafeRawPointer, into destination: UnsafeMutablePointer<Float>, count: Int) {
    switch (kind, size) {
    case (.unsigned, 1):
      let p = source.assumingMemoryBound(to: UInt8.self)
      for i in 0..<count { destination[i] = Float(p[i]) }
    case (.bool, 1):
      let p = source.assumingMemoryBound(to: UInt8.self)
      for i in 0..<count { destination[i] = p[i] == 0 ? 0 : 1 }
    case (.signed, 1):
      let p = source.assumingMemoryBound(to: Int8.self)
      for i in 0..<count { destination[i] = Float(p[i]) }
    case (.unsigned, 2): integers(UInt16.self, source, destination, count)
    case (.signed, 2): integers(Int16.self, source, destination, count)
    case (.unsigned, 4): integers(UInt32.self, source, destination, count)
    case (.signed, 4): integers(Int32.self, source, destination, count)
    case (.unsigned, 8): integers(UInt64.self, source, destination, count)
    case (.signed, 8): integers(Int64.self, source, destination, count)
    case (.float, 2):
      for i in 0..<count { destination[i] = Float(Float16(bitPattern: bits(UInt16.self, source, i))) }
    case (.float, 4):
      for i in 0..<count { destination[i] = Float(bitPattern: bits(UInt32.self, source, i)) }
    case (.float, 8):
      for i in 0..<count { destination[i] = Float(Double(bitPattern: bits(UInt64.self, source, i))) }
    default:
      preconditionFailure("ElementType \(kind) of \(size) bytes has no conversion; the readers refuse it first")
    }
  }

  /// Whether `convert` handles this type.
  var isSupported: Bool {
    switch kind {
    case .unsigned, .signed: return [1, 2, 4, 8].contains(size)
    case .float: return [2, 4, 8].contains(size)
    case .bool: return size == 1
    }
  }

  @inline(__always)
  private func bits<T: FixedWidthInteger>(_: T.Type, _ source: UnsafeRawPointer, _ i: Int) -> T {
    let raw = source.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self)
    return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
  }

  @inline(__always)
  private func integers<T: FixedWidthInteger>(
    _: T.Type, _ source: UnsafeRawPointer, _ destination: UnsafeMutablePointer<Float>, _ count: Int
  ) {
    for i in 0..<count { destination[i] = Float(bits(T.self, source, i)) }
  }
}
