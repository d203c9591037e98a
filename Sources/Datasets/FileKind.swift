import Glibc

/// What a path names, for the loaders that accept a file or a folder of files.
public enum FileKind: Sendable {
  case file, folder, other, missing

  /// What is at `path` (following symbolic links), without opening it.
  public init(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      self = .missing
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: self = .file
    case S_IFDIR: self = .folder
    default: self = .other
    }
  }
}
