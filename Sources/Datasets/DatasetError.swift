import TensorEngine

/// Why an image or data file could not be read, in words a learner can act on.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
  case fileNotFound(path: String)
  case unreadable(path: String, reason: String)
  case unsupportedFormat(path: String)
  case invalidIDX(path: String, reason: String)
  /// A file larger than the memory budget allows to read.
  case tooLarge(path: String, bytes: Int, limit: Int)

  public var description: String {
    switch self {
    case .fileNotFound(let path): return "there is no file '\(path)' (paths are relative to the notebook's folder)"
    case .unreadable(let path, let reason): return "cannot read '\(path)': \(reason)"
    case .unsupportedFormat(let path): return "'\(path)' is neither a PNG nor a JPEG image"
    case .invalidIDX(let path, let reason): return "'\(path)' is not a valid IDX file: \(reason)"
    case .tooLarge(let path, let bytes, let limit):
      return "cannot read '\(path)': it holds \(formatBytes(bytes)), more than the memory limit of \(formatBytes(limit))"
    }
  }
}
