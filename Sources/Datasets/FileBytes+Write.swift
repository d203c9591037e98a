import Glibc

extension FileBytes {
  /// Writes `bytes` to `path` whole: into a neighbouring temporary file first, renamed over
  /// `path` only once every byte is written, so an interrupted save never leaves half a file.
  public static func write(_ bytes: [UInt8], to path: String) throws(DatasetError) {
    let temporary = path + ".partial-\(getpid())"
    var fd: Int32
    repeat { fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw writeFailure(errno, path: path) }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        let code = errno
        close(fd)
        unlink(temporary)
        throw writeFailure(code, path: path)
      }
      written += n
    }
    guard close(fd) == 0 else {
      let code = errno
      unlink(temporary)
      throw writeFailure(code, path: path)
    }
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw writeFailure(code, path: path)
    }
  }

  static func writeFailure(_ code: Int32, path: String) -> DatasetError {
    switch code {
    case ENOENT, ENOTDIR: return .unwritable(path: path, reason: .folderMissing)
    case EACCES, EPERM, EROFS: return .unwritable(path: path, reason: .permissionDenied)
    case EISDIR: return .unwritable(path: path, reason: .isFolderForWriting)
    case ENOSPC, EDQUOT: return .unwritable(path: path, reason: .diskFull)
    default: return .unwritable(path: path, reason: .system(String(cString: strerror(code))))
    }
  }
}
