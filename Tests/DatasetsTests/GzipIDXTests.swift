import Datasets
import Foundation
import TensorEngine
import Testing

/// Gzipped IDX files, as MNIST and Fashion-MNIST ship, read through `IDXFile.load` and the
/// loaders; the gzip bytes are built by hand or by the gzip program, never by the reader's code.
@Suite struct GzipIDXTests {
  let images: [UInt8] = (0..<(3 * 28 * 28)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

  func gzipProgram(_ data: [UInt8]) throws -> [UInt8] {
    let folder = try ArchiveBytes.temporaryFolder()
    let path = folder + "/data"
    try ArchiveBytes.write(data, to: path)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-n", "-9", path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
  }

  @Test func readsAHandBuiltGzipIDXWithTheChannelAxisLoadIDXAdds() throws {
    let folder = try ArchiveBytes.temporaryFolder()
    let path = folder + "/images.gz"
    try ArchiveBytes.write(ArchiveBytes.gzip(ArchiveBytes.idx(shape: [3, 28, 28], values: images)), to: path)
    let tensor = try IDXFile.load(path: path)
    #expect(tensor.shape == [3, 28, 28, 1])
    #expect(tensor.values == images.map(Float.init))
  }

  @Test func readsWhatTheGzipProgramWroteIncludingTwoMembersInARow() throws {
    // 300,000 values span several of the reader's chunks; the two halves are separate members.
    let values: [UInt8] = (0..<300_000).map { UInt8(truncatingIfNeeded: ($0 * $0) >> 7) }
    let file = ArchiveBytes.idx(shape: [300_000], values: values)
    let split = 100_003
    let bytes = try gzipProgram(Array(file[..<split])) + (try gzipProgram(Array(file[split...])))
    let folder = try ArchiveBytes.temporaryFolder()
    try ArchiveBytes.write(bytes, to: folder + "/labels.gz")
    let tensor = try IDXFile.load(path: folder + "/labels.gz")
    #expect(tensor.shape == [300_000])
    #expect(tensor.values == values.map(Float.init))
  }

  @Test func truncatedAndDamagedGzipSayWhatIsWrong() throws {
    let folder = try ArchiveBytes.temporaryFolder()
    let whole = try gzipProgram(ArchiveBytes.idx(shape: [3, 28, 28], values: images))
    let cut = folder + "/cut.gz"
    try ArchiveBytes.write(Array(whole.dropLast(12)), to: cut)
    #expect(throws: DatasetError.invalidGzip(path: cut, reason: .gzipCutShort)) {
      try IDXFile.load(path: cut)
    }
    // A changed byte inside a stored block leaves the deflate data valid but breaks the CRC-32.
    var damaged = ArchiveBytes.gzip(ArchiveBytes.idx(shape: [3, 28, 28], values: images))
    damaged[100] ^= 0xFF
    let broken = folder + "/damaged.gz"
    try ArchiveBytes.write(damaged, to: broken)
    #expect(throws: DatasetError.invalidGzip(path: broken, reason: .compressedDataDamaged(detail: "incorrect data check"))) {
      try IDXFile.load(path: broken)
    }
    let trailing = folder + "/trailing.gz"
    try ArchiveBytes.write(ArchiveBytes.gzip([0, 0, 8, 1, 0, 0, 0, 1, 5]) + [1, 2, 3], to: trailing)
    #expect(throws: DatasetError.invalidGzip(path: trailing, reason: .bytesAfterEnd(3))) {
      try IDXFile.load(path: trailing)
    }
  }

  @Test func idxHeadersThatDoNotMatchTheirDataAreRefusedBeforeAllocating() throws {
    let folder = try ArchiveBytes.temporaryFolder()
    func load(_ idx: [UInt8], _ name: String) throws -> Tensor {
      let path = folder + "/" + name
      try ArchiveBytes.write(ArchiveBytes.gzip(idx), to: path)
      return try IDXFile.load(path: path)
    }
    // 2^96 values: the count overflows, which the memory budget refuses.
    #expect(throws: TensorError.self) {
      try load([0, 0, 8, 3] + [UInt8](repeating: 0xFF, count: 12) + [1, 2, 3], "bomb.gz")
    }
    // Ten million values fit the budget, but a 40-byte gzip cannot expand to them.
    #expect(throws: DatasetError.invalidIDX(
      path: folder + "/claims.gz", reason: .shapeBeyondFile([10, 1000, 1000]))) {
      try load(ArchiveBytes.idx(shape: [10, 1000, 1000], values: [1, 2, 3]), "claims.gz")
    }
    #expect(throws: DatasetError.invalidIDX(path: folder + "/short.gz", reason: .fewerValuesThanShape([4]))) {
      try load(ArchiveBytes.idx(shape: [4], values: [1, 2, 3]), "short.gz")
    }
    #expect(throws: DatasetError.invalidIDX(path: folder + "/long.gz", reason: .moreDataThanShape([2]))) {
      try load(ArchiveBytes.idx(shape: [2], values: [1, 2, 3]), "long.gz")
    }
    #expect(throws: DatasetError.invalidIDX(
      path: folder + "/magic.gz", reason: .noIDXMagic)) {
      try load([1, 2, 8, 1, 0, 0, 0, 1, 5], "magic.gz")
    }
  }
}

/// `mnist.load_data(path=folder)` and `fashion_mnist.load_data()` on IDX folders a test writes.
@Suite struct IDXFolderLoaderTests {
  let trainImages: [UInt8] = (0..<(3 * 28 * 28)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
  let testImages: [UInt8] = (0..<(2 * 28 * 28)).map { UInt8(truncatingIfNeeded: 255 &- $0) }

  /// The four files, gzipped or not, in `folder`.
  func writeFour(in folder: String, gzipped: Bool, only: Int = 4) throws {
    let files = [
      ArchiveBytes.idx(shape: [3, 28, 28], values: trainImages), ArchiveBytes.idx(shape: [3], values: [5, 0, 9]),
      ArchiveBytes.idx(shape: [2, 28, 28], values: testImages), ArchiveBytes.idx(shape: [2], values: [7, 1]),
    ]
    for (name, bytes) in zip(KerasDataset.idxFiles, files).prefix(only) {
      try ArchiveBytes.write(gzipped ? ArchiveBytes.gzip(bytes) : bytes, to: folder + "/" + name + (gzipped ? ".gz" : ""))
    }
  }

  func expectTheFour(_ data: TrainTestData) {
    #expect(data.trainImages.shape == [3, 28, 28])
    #expect(data.trainImages.values == trainImages.map(Float.init))
    #expect(data.trainLabels.shape == [3])
    #expect(data.trainLabels.values == [5, 0, 9])
    #expect(data.testImages.shape == [2, 28, 28])
    #expect(data.testImages.values == testImages.map(Float.init))
    #expect(data.testLabels.values == [7, 1])
  }

  @Test func mnistReadsAFolderOfGzippedOrPlainIDXFiles() throws {
    for gzipped in [true, false] {
      let folder = try ArchiveBytes.temporaryFolder()
      try writeFour(in: folder, gzipped: gzipped)
      expectTheFour(try DatasetLoader.mnist(path: folder, cache: KerasCache(home: nil, kerasHome: nil)))
    }
  }

  @Test func fashionMNISTPrefersKerasCacheFolder() throws {
    let home = try ArchiveBytes.temporaryFolder()
    let folder = home + "/.keras/datasets/fashion-mnist"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try writeFour(in: folder, gzipped: true)
    expectTheFour(try DatasetLoader.fashionMNIST(cache: KerasCache(home: home, kerasHome: nil)))
    // $KERAS_HOME/datasets comes first.
    let kerasHome = try ArchiveBytes.temporaryFolder()
    try FileManager.default.createDirectory(atPath: kerasHome + "/datasets/fashion-mnist", withIntermediateDirectories: true)
    try writeFour(in: kerasHome + "/datasets/fashion-mnist", gzipped: false, only: 2)
    #expect(throws: DatasetError.incompleteDataset(
      .fashionMNIST, folder: kerasHome + "/datasets/fashion-mnist",
      missing: ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"])) {
      try DatasetLoader.fashionMNIST(cache: KerasCache(home: home, kerasHome: kerasHome))
    }
  }

  @Test func missingDataSaysWhereItLookedAndWhatToDo() throws {
    let home = try ArchiveBytes.temporaryFolder()
    let cache = KerasCache(home: home, kerasHome: nil)
    let expected = DatasetError.datasetNotFound(
      .mnist, searched: ["mnist.npz", home + "/.keras/datasets/mnist.npz", "/tmp/.keras/datasets/mnist.npz"])
    #expect(throws: expected) { try DatasetLoader.mnist(cache: cache) }
    #expect(expected.description.contains("Put Keras's mnist.npz (with the arrays x_train, y_train, x_test, y_test) in ~/.keras/datasets/"))
    let fashion = DatasetError.datasetNotFound(.fashionMNIST, searched: ["/usr/share/datasets/fashion-mnist"]).description
    #expect(fashion.contains("Install Debian's package dataset-fashion-mnist (sudo apt-get install dataset-fashion-mnist)"))
  }

  @Test func imagesAndLabelsOfDifferentCountsAreRefused() throws {
    let folder = try ArchiveBytes.temporaryFolder()
    try writeFour(in: folder, gzipped: false)
    try ArchiveBytes.write(ArchiveBytes.idx(shape: [2], values: [1, 2]), to: folder + "/train-labels-idx1-ubyte")
    #expect(throws: DatasetError.inconsistentDataset(
      path: folder, reason: .labelsDoNotMatchImages(training: true, images: 3, labels: [2]))) {
      try DatasetLoader.mnist(path: folder, cache: KerasCache(home: nil, kerasHome: nil))
    }
  }

  @Test func aRaisedCancellationFlagStopsTheLoad() throws {
    let folder = try ArchiveBytes.temporaryFolder()
    try writeFour(in: folder, gzipped: true)
    let flag = CancellationFlag()
    flag.cancel()
    #expect(throws: TensorError.cancelled) {
      try DatasetLoader.mnist(path: folder, cache: KerasCache(home: nil, kerasHome: nil), cancellation: flag)
    }
  }

  @Test func classNamesAreZalandos() {
    #expect(KerasDataset.fashionMNIST.classNames == [
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ])
  }
}
