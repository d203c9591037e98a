import TensorEngine

/// An array with its name, as an `.npz` archive holds it (`np.savez("w.npz", kernel=k)` stores
/// `kernel.npy`; the name here is `kernel`).
public struct NamedArray: Sendable, Equatable {
  public let name: String
  public let shape: [Int]
  public let values: [Float]

  public init(name: String, shape: [Int], values: [Float]) {
    self.name = name
    self.shape = shape
    self.values = values
  }

  public init(name: String, tensor: Tensor) {
    self.init(name: name, shape: tensor.shape, values: tensor.values)
  }

  public var tensor: Tensor { Tensor(shape: shape, values: values) }
}

/// numpy's `.npz` archives (`np.savez`, `np.savez_compressed`: a zip file with one `.npy` file
/// per array) and single `.npy` files. Reading takes stored and deflated entries, with every
/// size checked against the memory budget and the file before it is allocated; writing makes
/// stored entries of float32 arrays that `np.load` reads.
public enum NPZFile {
  /// Every array of the archive at `path`, in the archive's order.
  public static func read(path: String, cancellation: CancellationFlag? = nil) throws -> [NamedArray] {
    let archive = try ZipArchive(bytes: try FileBytes.read(path: path), path: path)
    var spent = 0
    var arrays: [NamedArray] = []
    for entry in archive.entries where entry.name.hasSuffix(".npy") {
      let tensor = try array(entry, in: archive, spent: spent, cancellation: cancellation)
      spent += 4 * tensor.count
      arrays.append(NamedArray(name: String(entry.name.dropLast(4)), tensor: tensor))
    }
    return arrays
  }

  /// The arrays called `names`, in that order, counted together against the memory budget.
  public static func read(path: String, names: [String], cancellation: CancellationFlag? = nil) throws -> [Tensor] {
    let archive = try ZipArchive(bytes: try FileBytes.read(path: path), path: path)
    var spent = 0
    var tensors: [Tensor] = []
    for name in names {
      guard let entry = archive.entries.first(where: { $0.name == name + ".npy" }) else {
        let available = archive.entries.filter { $0.name.hasSuffix(".npy") }.map { String($0.name.dropLast(4)) }
        throw DatasetError.missingArray(path: path, name: name, available: available)
      }
      let tensor = try array(entry, in: archive, spent: spent, cancellation: cancellation)
      spent += 4 * tensor.count
      tensors.append(tensor)
    }
    return tensors
  }

  /// A single `.npy` file (`np.save`).
  public static func readNPY(path: String, cancellation: CancellationFlag? = nil) throws -> Tensor {
    let bytes = try FileBytes.read(path: path)
    var source = MemorySource(bytes)
    return try NPYArray.decode(&source, path: path, entry: nil, most: bytes.count, cancellation: cancellation)
  }

  static func array(
    _ entry: ZipArchive.Entry, in archive: ZipArchive, spent: Int, cancellation: CancellationFlag?
  ) throws -> Tensor {
    let name = String(entry.name.dropLast(4))
    // What the entry can hold: its recorded size, which itself can be no more than deflate's
    // largest ratio times the compressed bytes.
    guard entry.method == 0 || entry.size / Inflater.maximumRatio <= entry.compressedSize else {
      throw DatasetError.invalidNPY(
        path: archive.path, entry: name,
        reason: .expandsTooMuch(from: Int(entry.compressedSize), to: Int(entry.size)))
    }
    var source = try archive.contents(of: entry)
    return try NPYArray.decode(
      &source, path: archive.path, entry: name, most: entry.size, spent: spent, cancellation: cancellation)
  }

  /// Writes `arrays` to `path` as an `.npz` archive of float32 arrays, replacing the file whole.
  public static func write(_ arrays: [NamedArray], to path: String) throws(DatasetError) {
    try FileBytes.write(try encode(arrays, path: path), to: path)
  }

  /// The bytes of an `.npz` archive of `arrays`: stored (uncompressed) zip entries `NAME.npy`,
  /// fixed timestamps so the same arrays always give the same bytes.
  public static func encode(_ arrays: [NamedArray], path: String) throws(DatasetError) -> [UInt8] {
    var files: [(name: String, data: [UInt8])] = []
    var seen = Set<String>()
    for array in arrays {
      guard !array.name.isEmpty, !array.name.utf8.contains(0) else {
        throw DatasetError.unwritable(path: path, reason: .emptyArrayName)
      }
      guard seen.insert(array.name).inserted else {
        throw DatasetError.unwritable(path: path, reason: .repeatedArrayName(array.name))
      }
      guard array.shape.allSatisfy({ $0 >= 0 }), Tensor.count(of: array.shape) == array.values.count else {
        throw DatasetError.unwritable(
          path: path, reason: .valuesDoNotFillShape(name: array.name, count: array.values.count, shape: array.shape))
      }
      files.append((array.name + ".npy", NPYArray.encode(shape: array.shape, values: array.values)))
    }
    guard let archive = ZipWriter.storedArchive(files) else {
      throw DatasetError.unwritable(path: path, reason: .archiveTooLarge)
    }
    return archive
  }
}
