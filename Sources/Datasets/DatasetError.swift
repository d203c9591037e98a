import TensorEngine

/// Why an image or data file could not be read, in words a learner can act on.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
  case fileNotFound(path: String)
  case unreadable(path: String, reason: FileDefect)
  case unsupportedFormat(path: String)
  case invalidIDX(path: String, reason: FileDefect)
  /// A file larger than the memory budget allows to read.
  case tooLarge(path: String, bytes: Int, limit: Int)
  /// A `.gz` file whose compressed data is broken or cut short.
  case invalidGzip(path: String, reason: FileDefect)
  /// A `.npz` archive (a zip file of `.npy` arrays) that cannot be read.
  case invalidNPZ(path: String, reason: FileDefect)
  /// One `.npy` array (alone, or `entry` inside an `.npz`) that cannot be read.
  case invalidNPY(path: String, entry: String?, reason: FileDefect)
  /// An `.npz` archive without an array the loader needs.
  case missingArray(path: String, name: String, available: [String])
  /// Data files whose arrays do not fit together as a data set (images and labels of different counts).
  case inconsistentDataset(path: String, reason: FileDefect)
  /// A data set that is nowhere on this machine; `searched` lists where it was looked for.
  case datasetNotFound(KerasDataset, searched: [String])
  /// A folder that holds some of a data set's files but not all of them.
  case incompleteDataset(KerasDataset, folder: String, missing: [String])
  case unwritable(path: String, reason: FileDefect)

  public var description: String {
    switch self {
    case .fileNotFound(let path): return "there is no file '\(path)' (paths are relative to the notebook's folder)"
    case .unreadable(let path, let reason): return "cannot read '\(path)': \(reason)"
    case .unsupportedFormat(let path): return "'\(path)' is neither a PNG nor a JPEG image"
    case .invalidIDX(let path, let reason): return "'\(path)' is not a valid IDX file: \(reason)"
    case .tooLarge(let path, let bytes, let limit):
      return "cannot read '\(path)': it holds \(formatBytes(bytes)), more than the memory limit of \(formatBytes(limit))"
    case .invalidGzip(let path, let reason): return "'\(path)' is not a valid gzip file: \(reason)"
    case .invalidNPZ(let path, let reason): return "'\(path)' is not a valid .npz file: \(reason)"
    case .invalidNPY(let path, let entry, let reason):
      let what = entry.map { "the array '\($0)' in '\(path)'" } ?? "'\(path)'"
      return "\(what) cannot be read: \(reason)"
    case .missingArray(let path, let name, let available):
      let list = available.isEmpty ? "no arrays" : available.map { "'\($0)'" }.joined(separator: ", ")
      return "'\(path)' has no array named '\(name)'; it holds \(list)"
    case .inconsistentDataset(let path, let reason): return "'\(path)' does not hold a usable data set: \(reason)"
    case .datasetNotFound(let dataset, let searched):
      return "\(dataset.displayName) is not on this computer (looked in \(searched.joined(separator: ", "))). "
        + dataset.remedy
    case .incompleteDataset(let dataset, let folder, let missing):
      return "the folder '\(folder)' holds only part of \(dataset.displayName): "
        + "\(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing"
    case .unwritable(let path, let reason): return "cannot write '\(path)': \(reason)"
    }
  }
}
