import Datasets
import Foundation
import TensorEngine
import TestSupport
import Testing

/// `.npz` and `.npy` files built by hand from numpy's format description, read back; the
/// writer's output checked byte by byte against the same description. (The Python tests check
/// both directions against numpy itself.)
@Suite struct NPZFileTests {
  func archive(_ files: [(name: String, data: [UInt8], deflated: Bool)]) throws -> String {
    let path = try ArchiveBytes.temporaryFolder() + "/a.npz"
    try ArchiveBytes.write(ArchiveBytes.zip(files), to: path)
    return path
  }

  func npy(_ descr: String, _ shape: String, _ data: [UInt8], fortran: Bool = false) -> [UInt8] {
    ArchiveBytes.npy(header: "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }", data: data)
  }

  @Test func readsEveryNumericTypeStoredOrDeflated() throws {
    let f4 = ArchiveBytes.littleEndian([Float(1.5), -2.25, 3e-3].map(\.bitPattern))
    let f4big = [Float(0.5), 7].flatMap { v in withUnsafeBytes(of: v.bitPattern.bigEndian) { Array($0) } }
    let f8 = ArchiveBytes.littleEndian([0.1, -1e10].map(\.bitPattern))
    let i8 = ArchiveBytes.littleEndian([Int64(-3), 9, 1 << 40])
    let u2 = ArchiveBytes.littleEndian([UInt16(65535), 1])
    let i2 = ArchiveBytes.littleEndian([Int16(-32768), 5])
    let path = try archive([
      ("u1.npy", npy("|u1", "(2, 3)", [0, 1, 2, 253, 254, 255]), false),
      ("f4.npy", npy("<f4", "(3,)", f4), true),
      ("f4big.npy", npy(">f4", "(2,)", f4big), false),
      ("f8.npy", npy("<f8", "(2,)", f8), true),
      ("i8.npy", npy("<i8", "(3,)", i8), false),
      ("u2.npy", npy("<u2", "(2,)", u2), true),
      ("i2.npy", npy("<i2", "(2,)", i2), false),
      ("i1.npy", npy("|i1", "(2,)", [0xFF, 0x7F]), false),
      ("b1.npy", npy("|b1", "(3,)", [1, 0, 1]), false),
      ("scalar.npy", npy("<f4", "()", ArchiveBytes.littleEndian([Float(4).bitPattern])), false),
      ("empty.npy", npy("<f4", "(0, 5)", []), true),
      ("notes.txt", Array("not an array".utf8), false),
    ])
    let arrays = try NPZFile.read(path: path)
    #expect(arrays.map(\.name) == ["u1", "f4", "f4big", "f8", "i8", "u2", "i2", "i1", "b1", "scalar", "empty"])
    #expect(arrays[0] == NamedArray(name: "u1", shape: [2, 3], values: [0, 1, 2, 253, 254, 255]))
    #expect(arrays[1].values == [1.5, -2.25, 3e-3])
    #expect(arrays[2].values == [0.5, 7])
    #expect(arrays[3].values == [Float(0.1), Float(-1e10)])
    #expect(arrays[4].values == [-3, 9, 1_099_511_627_776])
    #expect(arrays[5].values == [65535, 1])
    #expect(arrays[6].values == [-32768, 5])
    #expect(arrays[7].values == [-1, 127])
    #expect(arrays[8].values == [1, 0, 1])
    #expect(arrays[9].shape == [] && arrays[9].values == [4])
    #expect(arrays[10].shape == [0, 5] && arrays[10].values.isEmpty)
    #expect(try NPZFile.read(path: path, names: ["i1", "u1"]).map(\.shape) == [[2], [2, 3]])
    #expect(throws: DatasetError.missingArray(
      path: path, name: "x_train", available: ["u1", "f4", "f4big", "f8", "i8", "u2", "i2", "i1", "b1", "scalar", "empty"])) {
      try NPZFile.read(path: path, names: ["x_train"])
    }
  }

  @Test func readsASingleNpyFile() throws {
    let path = try ArchiveBytes.temporaryFolder() + "/one.npy"
    try ArchiveBytes.write(npy("<f8", "(2, 2)", ArchiveBytes.littleEndian([1.25, -3, 0, 1e-3].map(\.bitPattern))), to: path)
    let tensor = try NPZFile.readNPY(path: path)
    #expect(tensor.shape == [2, 2])
    #expect(tensor.values == [1.25, -3, 0, Float(1e-3)])
  }

  @Test func readsSizesAndOffsetsFromZip64Records() throws {
    let path = try ArchiveBytes.temporaryFolder() + "/z64.npz"
    try ArchiveBytes.write(ArchiveBytes.zip64(name: "w.npy", data: npy("<i2", "(3,)", ArchiveBytes.littleEndian([Int16(-7), 0, 300]))), to: path)
    #expect(try NPZFile.read(path: path) == [NamedArray(name: "w", shape: [3], values: [-7, 0, 300])])
  }

  @Test func mnistReadsKerasNpzLayoutFromTheCache() throws {
    let home = try ArchiveBytes.temporaryFolder()
    try FileManager.default.createDirectory(atPath: home + "/.keras/datasets", withIntermediateDirectories: true)
    let x: [UInt8] = (0..<(2 * 28 * 28)).map { UInt8($0 % 256) }
    try ArchiveBytes.write(ArchiveBytes.zip([
      ("x_test.npy", npy("|u1", "(1, 28, 28)", Array(x[..<784])), true),
      ("x_train.npy", npy("|u1", "(2, 28, 28)", x), true),
      ("y_train.npy", npy("|u1", "(2,)", [3, 8]), false),
      ("y_test.npy", npy("|u1", "(1,)", [6]), false),
    ]), to: home + "/.keras/datasets/mnist.npz")
    let data = try DatasetLoader.mnist(cache: KerasCache(home: home, kerasHome: nil))
    #expect(data.trainImages.shape == [2, 28, 28])
    #expect(data.trainImages.values == x.map(Float.init))
    #expect(data.trainLabels.values == [3, 8])
    #expect(data.testImages.values == x[..<784].map(Float.init))
    #expect(data.testLabels.values == [6])
  }

  @Test func malformedArraysSayWhatIsWrong() throws {
    func refusal(_ descr: String, _ shape: String, _ data: [UInt8], fortran: Bool = false) throws -> String {
      let path = try archive([("x.npy", npy(descr, shape, data, fortran: fortran), false)])
      do {
        _ = try NPZFile.read(path: path)
      } catch let error as DatasetError {
        guard case .invalidNPY(path, "x", let reason) = error else { return "wrong error \(error)" }
        return reason.description
      }
      return "no error"
    }
    #expect(try refusal("|O", "(2,)", [0x80, 0x02]).hasPrefix("it holds Python objects, which numpy stores by pickling"))
    #expect(try refusal("<f4", "(2, 2)", [UInt8](repeating: 0, count: 16), fortran: true)
      == "it is stored in Fortran (column-major) order; save np.ascontiguousarray(x) instead")
    #expect(try refusal("<U5", "(1,)", [UInt8](repeating: 0, count: 20)) == "it holds text ('<U5'), not numbers")
    #expect(try refusal("<f4", "(1000, 1000)", [0, 0, 0, 0]) == "its header claims the shape (1000, 1000), more values than the file can hold")
    #expect(try refusal("<f4", "(2,)", [0, 0, 0, 0]) == "its header claims the shape (2,), more values than the file can hold")
    #expect(try refusal("<f4", "(1,)", [0, 0, 0, 0, 9]) == "it holds more data than its shape (1,) says")
    #expect(try refusal("<f4", "(2,", [0, 0, 0, 0]) == "its header is not the dictionary numpy writes")

    let structured = try archive([("x.npy", ArchiveBytes.npy(
      header: "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", data: [0, 0, 0, 0]), false)])
    #expect(throws: DatasetError.invalidNPY(
      path: structured, entry: "x",
      reason: .structuredArray)) {
      try NPZFile.read(path: structured)
    }
    let magic = try archive([("x.npy", Array("NUMPY!!!".utf8) + [0, 0], false)])
    #expect(throws: DatasetError.invalidNPY(path: magic, entry: "x", reason: .noNPYMagic)) {
      try NPZFile.read(path: magic)
    }
    // A shape whose float32 size overflows: the memory budget refuses it before any allocation.
    let huge = try archive([("x.npy", npy("<f4", "(4294967296, 4294967296, 4294967296)", []), false)])
    #expect(throws: TensorError.self) { try NPZFile.read(path: huge) }
  }

  @Test func malformedArchivesSayWhatIsWrong() throws {
    let folder = try ArchiveBytes.temporaryFolder()
    let good = ArchiveBytes.zip([("x.npy", npy("|u1", "(3,)", [1, 2, 3]), true)])
    let cut = folder + "/cut.npz"
    try ArchiveBytes.write(Array(good.prefix(good.count / 2)), to: cut)
    #expect(throws: DatasetError.invalidNPZ(
      path: cut, reason: .centralDirectoryMissing)) {
      try NPZFile.read(path: cut)
    }
    let text = folder + "/text.npz"
    try ArchiveBytes.write(Array(String(repeating: "hello ", count: 10).utf8), to: text)
    #expect(throws: DatasetError.invalidNPZ(path: text, reason: .notZip)) { try NPZFile.read(path: text) }
    // The entry's last data byte changed: the CRC-32 in the directory no longer matches.
    var damaged = good
    let dataEnd = good.count - 22 - (46 + 5)
    damaged[dataEnd - 1] ^= 0x01
    let crc = folder + "/crc.npz"
    try ArchiveBytes.write(damaged, to: crc)
    #expect(throws: DatasetError.invalidNPZ(path: crc, reason: .inEntry("x.npy", .checksumMismatch))) {
      try NPZFile.read(path: crc)
    }
  }

  @Test func writesStoredEntriesAsTheFormatsDescribe() throws {
    let arrays = [
      NamedArray(name: "conv2d/kernel", shape: [2, 1, 1, 2], values: [1, -2, 0.5, 3]),
      NamedArray(name: "bias", shape: [2], values: [0.25, -0]),
      NamedArray(name: "scalar", shape: [], values: [7]),
    ]
    let bytes = try NPZFile.encode(arrays, path: "w.npz")
    // The first entry: a local header, its name, then the .npy data, stored.
    #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 3, 4])
    #expect(Array(bytes[8..<10]) == [0, 0])
    let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
    #expect(String(decoding: bytes[30..<30 + nameLength], as: UTF8.self) == "conv2d/kernel.npy")
    let npyStart = 30 + nameLength
    let headerLength = Int(bytes[npyStart + 8]) | Int(bytes[npyStart + 9]) << 8
    #expect(Array(bytes[npyStart..<npyStart + 8]) == [0x93] + Array("NUMPY".utf8) + [1, 0])
    #expect((10 + headerLength) % 64 == 0)
    let header = String(decoding: bytes[npyStart + 10..<npyStart + 10 + headerLength], as: UTF8.self)
    #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1, 1, 2), }"))
    #expect(header.hasSuffix(" \n"))
    let data = Array(bytes[npyStart + 10 + headerLength..<npyStart + 10 + headerLength + 16])
    #expect(data == ArchiveBytes.littleEndian([Float(1), -2, 0.5, 3].map(\.bitPattern)))
    let size = Int(bytes[22]) | Int(bytes[23]) << 8 | Int(bytes[24]) << 16 | Int(bytes[25]) << 24
    #expect(size == 10 + headerLength + 16)
    let crc = UInt32(bytes[14]) | UInt32(bytes[15]) << 8 | UInt32(bytes[16]) << 16 | UInt32(bytes[17]) << 24
    #expect(crc == bitwiseCRC32(Array(bytes[npyStart..<npyStart + size])))

    let path = try ArchiveBytes.temporaryFolder() + "/w.npz"
    try NPZFile.write(arrays, to: path)
    #expect(try NPZFile.read(path: path) == arrays)
  }

  @Test func writingRefusesWhatCannotBeWritten() throws {
    #expect(throws: DatasetError.unwritable(path: "w.npz", reason: .repeatedArrayName("a"))) {
      try NPZFile.encode([NamedArray(name: "a", shape: [1], values: [1]), NamedArray(name: "a", shape: [1], values: [2])], path: "w.npz")
    }
    #expect(throws: DatasetError.unwritable(path: "w.npz", reason: .valuesDoNotFillShape(name: "a", count: 3, shape: [2, 2]))) {
      try NPZFile.encode([NamedArray(name: "a", shape: [2, 2], values: [1, 2, 3])], path: "w.npz")
    }
    #expect(throws: DatasetError.unwritable(path: "/no/such/folder/w.npz", reason: .folderMissing)) {
      try NPZFile.write([NamedArray(name: "a", shape: [1], values: [1])], to: "/no/such/folder/w.npz")
    }
  }
}
