import TensorEngine

/// numpy's `.npy` format: the magic `\x93NUMPY`, a version, a header that is a Python dict
/// literal (`descr`, `fortran_order`, `shape`), then the values in C order. Numbers of every
/// width read into float tensors; object arrays (which numpy pickles), structured arrays and
/// Fortran order are refused with a reason, and nothing in a file is ever executed.
enum NPYArray {
  static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
  /// numpy's own limit on the header it will parse (`max_header_size`).
  static let maximumHeaderBytes = 10_000

  /// Reads one array from `source`; `entry` names it inside an `.npz`, `most` bounds the bytes
  /// the source can hold, `spent` is what the calling operation has already allocated.
  static func decode(
    _ source: inout some ByteSource, path: String, entry: String?, most: Int, spent: Int = 0,
    cancellation: CancellationFlag?
  ) throws -> Tensor {
    func invalid(_ reason: FileDefect) -> DatasetError { .invalidNPY(path: path, entry: entry, reason: reason) }
    guard let prefix = try source.read(exactly: 8), Array(prefix[0..<6]) == magic else {
      throw invalid(.noNPYMagic)
    }
    let major = prefix[6]
    guard (1...3).contains(major) else { throw invalid(.npyVersion(major: Int(major), minor: Int(prefix[7]))) }
    guard let lengthBytes = try source.read(exactly: major == 1 ? 2 : 4) else { throw invalid(.headerCutShort) }
    let headerLength = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
    guard headerLength <= maximumHeaderBytes else {
      throw invalid(.headerTooLong(length: headerLength, maximum: maximumHeaderBytes))
    }
    guard let headerText = try source.read(exactly: headerLength) else { throw invalid(.headerCutShort) }
    let header = try parseHeader(headerText, invalid: invalid)
    try MemoryBudget.check(operation: "reading '\(entry ?? path)'", shape: header.shape, extraBytes: spent)
    let count = Tensor.count(of: header.shape)
    let needed = count.multipliedReportingOverflow(by: header.type.size)
    let start = 6 + 2 + lengthBytes.count + headerLength
    guard !needed.overflow, needed.partialValue <= most - start else {
      throw invalid(.shapeBeyondFile(header.shape))
    }
    guard let values = try source.readFloats(count: count, of: header.type, cancellation: cancellation) else {
      throw invalid(.fewerValuesThanShape(header.shape))
    }
    guard try source.isAtEnd() else {
      throw invalid(.moreDataThanShape(header.shape))
    }
    return Tensor(shape: header.shape, values: values)
  }

  static func parseHeader(
    _ text: [UInt8], invalid: (FileDefect) -> DatasetError
  ) throws(DatasetError) -> (type: ElementType, shape: [Int]) {
    guard let header = PythonLiteral.parse(text), case .dict = header else {
      throw invalid(.headerNotDictionary)
    }
    guard case .string(let descr)? = header["descr"] else {
      if case .list? = header["descr"] {
        throw invalid(.structuredArray)
      }
      throw invalid(.noElementType)
    }
    guard case .bool(let fortran)? = header["fortran_order"] else { throw invalid(.noFortranOrder) }
    guard case .tuple(let dimensions)? = header["shape"] else { throw invalid(.noShape) }
    var shape: [Int] = []
    for d in dimensions {
      guard case .integer(let n) = d, n >= 0 else { throw invalid(.shapeNotWhole) }
      shape.append(n)
    }
    let type = try elementType(descr, invalid: invalid)
    if fortran && shape.count > 1 {
      throw invalid(.fortranOrder)
    }
    return (type, shape)
  }

  /// numpy's type strings: a byte order (`<` little, `>` big, `|` not applicable, `=` this
  /// machine's, which is little-endian), a kind letter, and a width in bytes: `|u1`, `<f4`, `<i8`.
  static func elementType(_ descr: String, invalid: (FileDefect) -> DatasetError) throws(DatasetError) -> ElementType {
    var text = Substring(descr)
    var bigEndian = false
    if let order = text.first, "<>|=".contains(order) {
      bigEndian = order == ">"
      text = text.dropFirst()
    }
    guard let letter = text.first else { throw invalid(.emptyElementType(descr)) }
    let width = Int(text.dropFirst())
    let kind: ElementType.Kind
    switch letter {
    case "u": kind = .unsigned
    case "i": kind = .signed
    case "f": kind = .float
    case "b": kind = .bool
    case "O":
      throw invalid(.pythonObjects)
    case "U", "S", "a": throw invalid(.text(descr))
    case "c": throw invalid(.complexNumbers(descr))
    case "M", "m": throw invalid(.dates(descr))
    default: throw invalid(.unknownElementType(descr))
    }
    let type = ElementType(kind: kind, size: width ?? 0, bigEndian: bigEndian)
    guard type.isSupported else { throw invalid(.unknownElementType(descr)) }
    return type
  }

  /// The bytes of a `.npy` file of little-endian float32 values in C order, version 1.0, with
  /// the header padded so the values start at a multiple of 64 bytes, as numpy pads it.
  static func encode(shape: [Int], values: [Float]) -> [UInt8] {
    var header = Array("{'descr': '<f4', 'fortran_order': False, 'shape': \(formatShape(shape)), }".utf8)
    let unpadded = magic.count + 2 + 2 + header.count + 1
    header += repeatElement(0x20, count: (64 - unpadded % 64) % 64)
    header.append(0x0A)
    var bytes = magic + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)] + header
    bytes.reserveCapacity(bytes.count + 4 * values.count)
    #if _endian(little)
      values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    #else
      for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
    #endif
    return bytes
  }
}
