import Glibc
import TensorEngine

/// Whole files as bytes through POSIX calls: the kernel links no Foundation (it costs about
/// 2 MiB of resident memory in every kernel process), so this is the project's one file reader.
///
/// Only regular files are read, and never more than a bound: a named pipe with no writer
/// would block the cell forever, `/dev/zero` and `/dev/urandom` never end, and a folder has
/// no bytes. The file is opened without blocking (a pipe's `open` waits for a writer
/// otherwise) and asked what it is before a single byte is read.
public enum FileBytes {
  /// The bytes of the regular file at `path`, at most `maximumBytes` of them (the memory
  /// budget by default); `cancellation` is polled between reads.
  public static func read(
    path: String, maximumBytes: Int = MemoryBudget.limitBytes, cancellation: CancellationFlag? = nil
  ) throws -> [UInt8] {
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw failure(errno, path: path) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure(errno, path: path) }
    let kind = FileKind(mode: info.st_mode)
    guard kind == .regular else { throw DatasetError.unreadable(path: path, reason: kind.refusal) }
    let size = Int(info.st_size)
    guard size <= maximumBytes else {
      throw DatasetError.tooLarge(path: path, bytes: size, limit: maximumBytes)
    }
    // Read straight into the array's storage (not zero-filled first: that alone takes a
    // tenth of a second per 200 MB before the flag could be seen). One byte past the size tells
    // a file that grew from one that fits; files under /proc report size 0 and go on below.
    var ended = false
    var bytes = try [UInt8](unsafeUninitializedCapacity: max(min(size, maximumBytes) + 1, 4096)) { buffer, initialized in
      (initialized, ended) = try fill(UnsafeMutableRawBufferPointer(buffer), from: fd, path: path, cancellation: cancellation)
    }
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    while !ended {
      guard bytes.count <= maximumBytes else {
        throw DatasetError.tooLarge(path: path, bytes: bytes.count, limit: maximumBytes)
      }
      let got: Int
      (got, ended) = try chunk.withUnsafeMutableBytes { try fill($0, from: fd, path: path, cancellation: cancellation) }
      bytes.append(contentsOf: chunk[..<got])
    }
    guard bytes.count <= maximumBytes else { throw DatasetError.tooLarge(path: path, bytes: bytes.count, limit: maximumBytes) }
    return bytes
  }

  /// Reads into `buffer` until it is full or the file ends: the bytes read, and whether the
  /// file ended. Looks at the flag before every `read`, each at most `readSlice` bytes.
  static func fill(
    _ buffer: UnsafeMutableRawBufferPointer, from fd: Int32, path: String, cancellation: CancellationFlag?
  ) throws -> (count: Int, ended: Bool) {
    var count = 0
    while count < buffer.count {
      if cancellation?.isCancelled == true { throw TensorError.cancelled }
      let got = Glibc.read(fd, buffer.baseAddress! + count, min(buffer.count - count, readSlice))
      if got < 0 {
        if errno == EINTR { continue }
        throw failure(errno, path: path)
      }
      if got == 0 { return (count, true) }
      count += got
    }
    return (count, false)
  }

  /// Bytes asked for per `read` call: a few milliseconds of a large file, so the flag is seen.
  static let readSlice = 4 << 20

  static func failure(_ code: Int32, path: String) -> DatasetError {
    switch code {
    case ENOENT, ENOTDIR: return .fileNotFound(path: path)
    case EACCES, EPERM: return .unreadable(path: path, reason: .permissionDenied)
    case EISDIR: return .unreadable(path: path, reason: FileKind.folder.refusal)
    default: return .unreadable(path: path, reason: .system(String(cString: strerror(code))))
    }
  }
}

/// What `fstat` says a path is, for the reasons a non-file is refused.
enum FileKind: Equatable {
  case regular, folder, pipe, device, socket, other

  init(mode: mode_t) {
    switch mode & S_IFMT {
    case S_IFREG: self = .regular
    case S_IFDIR: self = .folder
    case S_IFIFO: self = .pipe
    case S_IFCHR, S_IFBLK: self = .device
    case S_IFSOCK: self = .socket
    default: self = .other
    }
  }

  var refusal: FileDefect {
    switch self {
    case .folder: return .isFolder
    case .pipe: return .isPipe
    case .device: return .isDevice
    case .socket: return .isSocket
    case .regular, .other: return .notRegularFile
    }
  }
}
