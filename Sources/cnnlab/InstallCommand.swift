import Glibc

/// `cnnlab install`: writes the `cnnlab` kernelspec (kernel.json with this binary's absolute
/// path, and the logos) where Jupyter looks for kernels.
enum InstallCommand {
  static let abstract = "Install the CNN Lab kernelspec so that Jupyter lists the kernel."
  static let usage = """
    USAGE: cnnlab install [--user] [--sys-prefix] [--prefix <prefix>]

    Without a flag the kernelspec goes to the user's Jupyter data directory, like
    `jupyter kernelspec install --user`. --sys-prefix uses the active virtual environment.

    OPTIONS:
      --user                  Install for the current user (the default).
      --sys-prefix            Install into the active Python environment (VIRTUAL_ENV or CONDA_PREFIX).
      --prefix <prefix>       Install under this prefix: PREFIX/share/jupyter/kernels/cnnlab.

    """

  static func run(_ arguments: inout CommandArguments) throws {
    let user = arguments.flag("user")
    let sysPrefix = arguments.flag("sys-prefix")
    let prefix = try arguments.option("prefix")
    try arguments.finish()
    if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
      throw UsageError("choose one of --user, --sys-prefix and --prefix")
    }
    let directory = try destination(sysPrefix: sysPrefix, prefix: prefix) + "/" + KernelSpecFiles.name
    try makeDirectories(directory)
    for (file, bytes) in try KernelSpecFiles.files(binaryPath: executablePath()) {
      try write(bytes, to: directory + "/" + file)
    }
    print("Installed the CNN Lab kernelspec in \(directory)")
  }

  private static func destination(sysPrefix: Bool, prefix: String?) throws(UsageError) -> String {
    if let prefix { return absolute(prefix) + "/share/jupyter/kernels" }
    if sysPrefix {
      guard let prefix = environment("VIRTUAL_ENV") ?? environment("CONDA_PREFIX") else {
        throw UsageError("--sys-prefix needs an active virtual environment; use --prefix PATH instead")
      }
      return prefix + "/share/jupyter/kernels"
    }
    // Jupyter's user data directory: JUPYTER_DATA_DIR, else the XDG data home.
    if let data = environment("JUPYTER_DATA_DIR") { return data + "/kernels" }
    let home = environment("HOME") ?? "~"
    let dataHome = environment("XDG_DATA_HOME") ?? home + "/.local/share"
    return dataHome + "/jupyter/kernels"
  }

  private static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  private static func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/"), let cwd = getcwd(nil, 0) else { return path }
    defer { free(cwd) }
    return String(cString: cwd) + "/" + path
  }

  /// `mkdir -p`: every missing folder along `path`.
  private static func makeDirectories(_ path: String) throws(UsageError) {
    var partial = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      partial += "/" + component
      if mkdir(partial, 0o755) != 0 && errno != EEXIST {
        throw UsageError("cannot create the folder '\(partial)': \(String(cString: strerror(errno)))")
      }
    }
  }

  private static func write(_ bytes: [UInt8], to path: String) throws(UsageError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw UsageError("cannot write '\(path)': \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw UsageError("cannot write '\(path)': \(String(cString: strerror(errno)))") }
      written += n
    }
  }

  /// The running binary's own absolute path, so the kernelspec works from any directory.
  static func executablePath() throws(UsageError) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { throw UsageError("cannot find this program's own path") }
    return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
