import TensorEngine

/// The IDX files of MNIST and Fashion-MNIST, gzipped (`train-images-idx3-ubyte.gz`, as the
/// data sets ship) or not, read as a stream: the header first, then the values a chunk at a
/// time into the tensor, with the header's size checked against the memory budget and the
/// file before anything large is allocated. Shapes come back exactly as the file gives them,
/// `(60000, 28, 28)` as Keras's `load_data` returns; `IDXFile` adds a channel axis instead.
enum IDXReader {
  /// Reads the file at `path`; `spent` is what the calling operation has already allocated,
  /// so that a loader's four arrays count against the budget together.
  static func load(path: String, spent: Int = 0, cancellation: CancellationFlag?) throws -> Tensor {
    try decode(try FileBytes.read(path: path, cancellation: cancellation), path: path, spent: spent, cancellation: cancellation)
  }

  /// The whole file's bytes, gzipped or not.
  static func decode(_ bytes: [UInt8], path: String, spent: Int = 0, cancellation: CancellationFlag?) throws -> Tensor {
    if Inflater.isGzip(bytes) {
      var source = try Inflater.gzip(bytes, path: path)
      return try decode(&source, path: path, spent: spent, most: bytes.count * Inflater.maximumRatio, cancellation: cancellation)
    }
    var source = MemorySource(bytes)
    return try decode(&source, path: path, spent: spent, most: bytes.count, cancellation: cancellation)
  }

  /// `most` bounds the bytes the source can possibly hold, so a header that claims more is
  /// refused before its tensor is allocated.
  static func decode(
    _ source: inout some ByteSource, path: String, spent: Int = 0, most: Int, cancellation: CancellationFlag?
  ) throws -> Tensor {
    func invalid(_ reason: FileDefect) -> DatasetError { .invalidIDX(path: path, reason: reason) }
    guard let magic = try source.read(exactly: 4) else { throw invalid(.shorterThanIDXHeader) }
    guard magic[0] == 0, magic[1] == 0 else { throw invalid(.noIDXMagic) }
    guard let type = elementType(code: magic[2]) else {
      throw invalid(.unknownIDXType(magic[2]))
    }
    let rank = Int(magic[3])
    guard rank > 0 else { throw invalid(.noDimensions) }
    guard let dimensions = try source.read(exactly: 4 * rank) else { throw invalid(.headerCutShort) }
    let shape = (0..<rank).map { d in
      dimensions[4 * d..<4 * d + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    try MemoryBudget.check(operation: "reading '\(path)'", shape: shape, extraBytes: spent)
    // The budget check above already refused any shape whose count overflows.
    let count = Tensor.count(of: shape)
    let needed = count.multipliedReportingOverflow(by: type.size)
    guard !needed.overflow, needed.partialValue <= most - 4 - 4 * rank else {
      throw invalid(.shapeBeyondFile(shape))
    }
    guard let values = try source.readFloats(count: count, of: type, cancellation: cancellation) else {
      throw invalid(.fewerValuesThanShape(shape))
    }
    guard try source.isAtEnd() else {
      throw invalid(.moreDataThanShape(shape))
    }
    return Tensor(shape: shape, values: values)
  }

  /// IDX's type codes: unsigned and signed bytes, then big-endian 16- and 32-bit integers,
  /// floats and doubles.
  static func elementType(code: UInt8) -> ElementType? {
    switch code {
    case 0x08: return .uint8
    case 0x09: return ElementType(kind: .signed, size: 1, bigEndian: true)
    case 0x0B: return ElementType(kind: .signed, size: 2, bigEndian: true)
    case 0x0C: return ElementType(kind: .signed, size: 4, bigEndian: true)
    case 0x0D: return ElementType(kind: .float, size: 4, bigEndian: true)
    case 0x0E: return ElementType(kind: .float, size: 8, bigEndian: true)
    default: return nil
    }
  }
}
