import Glibc
import TensorEngine

/// The data sets of `keras.datasets` that CNN Lab reads from files already on the computer
/// (nothing is downloaded): where each is looked for, and what to do when it is nowhere.
public enum KerasDataset: Sendable, Equatable {
  case mnist
  case fashionMNIST

  public var displayName: String {
    switch self {
    case .mnist: return "MNIST"
    case .fashionMNIST: return "Fashion-MNIST"
    }
  }

  /// The ten class names, in label order (Zalando's names for Fashion-MNIST).
  public var classNames: [String] {
    switch self {
    case .mnist: return (0...9).map(String.init)
    case .fashionMNIST:
      return ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    }
  }

  /// The four IDX files, in the order `load_data` returns them.
  public static let idxFiles = [
    "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
  ]

  /// The arrays of Keras's `mnist.npz`, in the order `load_data` returns them.
  public static let npzArrays = ["x_train", "y_train", "x_test", "y_test"]

  /// Where Debian's `dataset-fashion-mnist` package puts the four files.
  public static let debianFashionFolder = "/usr/share/datasets/fashion-mnist"

  /// What to do when the data set is missing, word for word.
  public var remedy: String {
    switch self {
    case .fashionMNIST:
      return "Install Debian's package dataset-fashion-mnist (sudo apt-get install dataset-fashion-mnist), "
        + "or put the four files \(KerasDataset.idxFiles.map { $0 + ".gz" }.joined(separator: ", ")) "
        + "in ~/.keras/datasets/fashion-mnist/."
    case .mnist:
      return "Put Keras's mnist.npz (with the arrays x_train, y_train, x_test, y_test) in ~/.keras/datasets/, "
        + "or give mnist.load_data(path=...) an .npz file or a folder holding the four files "
        + "\(KerasDataset.idxFiles.joined(separator: ", ")) (gzipped or not)."
    }
  }
}

/// The train and test halves a `load_data()` returns: images `(n, 28, 28)` with values 0..255
/// and labels `(n,)` of whole numbers.
public struct TrainTestData: Sendable {
  public let trainImages: Tensor
  public let trainLabels: Tensor
  public let testImages: Tensor
  public let testLabels: Tensor
}

/// Keras's cache folders, from the environment: `$KERAS_HOME/datasets` when it is set, then
/// `~/.keras/datasets`, then `/tmp/.keras/datasets` (where Keras falls back when the home
/// folder is not writable).
public struct KerasCache: Sendable {
  public let folders: [String]

  public init(home: String?, kerasHome: String?) {
    var folders: [String] = []
    if let kerasHome, !kerasHome.isEmpty { folders.append(kerasHome + "/datasets") }
    if let home, !home.isEmpty { folders.append(home + "/.keras/datasets") }
    folders.append("/tmp/.keras/datasets")
    self.folders = folders
  }

  /// The cache folders of this process's environment.
  public static var current: KerasCache {
    KerasCache(home: getenv("HOME").map { String(cString: $0) }, kerasHome: getenv("KERAS_HOME").map { String(cString: $0) })
  }
}

/// `fashion_mnist.load_data()` and `mnist.load_data()`.
public enum DatasetLoader {
  /// Fashion-MNIST from Keras's cache folder `fashion-mnist/`, else Debian's package.
  public static func fashionMNIST(cache: KerasCache = .current, cancellation: CancellationFlag? = nil) throws -> TrainTestData {
    let folders = cache.folders.map { $0 + "/fashion-mnist" } + [KerasDataset.debianFashionFolder]
    for folder in folders where PathKind(path: folder) == .folder {
      let found = KerasDataset.idxFiles.map { idxPath(in: folder, $0) }
      if found.allSatisfy({ $0 == nil }) { continue }
      return try idxFolder(folder, dataset: .fashionMNIST, cancellation: cancellation)
    }
    throw DatasetError.datasetNotFound(.fashionMNIST, searched: folders)
  }

  /// MNIST from `path`: an `.npz` file or a folder of the four IDX files. A relative path that
  /// is not found from the notebook's folder is looked for in Keras's cache folders, so the
  /// default `mnist.npz` finds `~/.keras/datasets/mnist.npz` as Keras does.
  public static func mnist(
    path: String = "mnist.npz", cache: KerasCache = .current, cancellation: CancellationFlag? = nil
  ) throws -> TrainTestData {
    var candidates = [path]
    if !path.hasPrefix("/") { candidates += cache.folders.map { $0 + "/" + path } }
    for candidate in candidates {
      switch PathKind(path: candidate) {
      case .folder: return try idxFolder(candidate, dataset: .mnist, cancellation: cancellation)
      case .file: return try npz(candidate, cancellation: cancellation)
      case .other, .missing: continue
      }
    }
    throw DatasetError.datasetNotFound(.mnist, searched: candidates)
  }

  /// Keras's npz layout: `x_train`, `y_train`, `x_test`, `y_test`.
  static func npz(_ path: String, cancellation: CancellationFlag?) throws -> TrainTestData {
    let arrays = try NPZFile.read(path: path, names: KerasDataset.npzArrays, cancellation: cancellation)
    return try checked(arrays, path: path)
  }

  /// The four IDX files in `folder`, each gzipped (`NAME.gz`) or not.
  static func idxFolder(_ folder: String, dataset: KerasDataset, cancellation: CancellationFlag?) throws -> TrainTestData {
    let paths = KerasDataset.idxFiles.map { idxPath(in: folder, $0) }
    let missing = zip(KerasDataset.idxFiles, paths).filter { $0.1 == nil }.map { $0.0 + ".gz" }
    guard missing.isEmpty else {
      if missing.count == paths.count { throw DatasetError.datasetNotFound(dataset, searched: [folder]) }
      throw DatasetError.incompleteDataset(dataset, folder: folder, missing: missing)
    }
    var spent = 0
    var arrays: [Tensor] = []
    for case let path? in paths {
      let tensor = try IDXReader.load(path: path, spent: spent, cancellation: cancellation)
      spent += 4 * tensor.count
      arrays.append(tensor)
    }
    return try checked(arrays, path: folder)
  }

  static func idxPath(in folder: String, _ name: String) -> String? {
    [folder + "/" + name + ".gz", folder + "/" + name].first { PathKind(path: $0) == .file }
  }

  /// Images `(n, H, W)` beside labels `(n,)`, for both halves.
  static func checked(_ arrays: [Tensor], path: String) throws(DatasetError) -> TrainTestData {
    for (half, pair) in [("training", (arrays[0], arrays[1])), ("test", (arrays[2], arrays[3]))] {
      let (images, labels) = pair
      guard images.rank == 3 else {
        throw DatasetError.inconsistentDataset(path: path, reason: .imagesNotStacked(training: half == "training", shape: images.shape))
      }
      guard labels.rank == 1, labels.shape[0] == images.shape[0] else {
        throw DatasetError.inconsistentDataset(
          path: path, reason: .labelsDoNotMatchImages(training: half == "training", images: images.shape[0], labels: labels.shape))
      }
    }
    return TrainTestData(trainImages: arrays[0], trainLabels: arrays[1], testImages: arrays[2], testLabels: arrays[3])
  }
}
