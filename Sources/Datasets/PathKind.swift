import Glibc

/// What a path names, for the loaders that accept a file or a folder of files, asked with
/// `stat` without opening anything.
enum PathKind: Sendable {
  case file, folder, other, missing

  /// What is at `path` (following symbolic links).
  init(path: String) {
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
