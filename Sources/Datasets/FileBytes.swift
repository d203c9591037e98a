import Glibc

/// Whole files as bytes through POSIX calls: the kernel links no Foundation (it costs about
/// 2 MiB of resident memory in every kernel process), so this is the project's one file reader.
public enum FileBytes {
  public static func read(path: String) throws(DatasetError) -> [UInt8] {
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw failure(errno, path: path) }
    defer { close(fd) }
    var info = stat()
    // Files under /proc report size 0, so the size is only the first guess of the capacity.
    let expected = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    var bytes = [UInt8](repeating: 0, count: max(expected, 4096))
    var count = 0
    while true {
      if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
      let got = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw failure(errno, path: path)
      }
      if got == 0 { break }
      count += got
    }
    bytes.removeSubrange(count...)
    return bytes
  }

  static func failure(_ code: Int32, path: String) -> DatasetError {
    switch code {
    case ENOENT, ENOTDIR: return .fileNotFound(path: path)
    case EACCES, EPERM: return .unreadable(path: path, reason: "permission denied")
    case EISDIR: return .unreadable(path: path, reason: "it is a folder, not a file")
    default: return .unreadable(path: path, reason: String(cString: strerror(code)))
    }
  }
}
