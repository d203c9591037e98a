import ArgumentParser
import Glibc

/// `cnnlab install`: writes the `cnnlab` and `cnnlab-ko` kernelspecs (kernel.json naming the
/// `cnnlab-kernel` binary beside this one by its absolute path, and the logos) where Jupyter
/// looks for kernels.
struct InstallCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install", abstract: "Install the CNN Lab kernelspecs (English and Korean) so that Jupyter lists them.",
    discussion: """
      Without a flag the kernelspec goes to the user's Jupyter data directory, like
      `jupyter kernelspec install --user`. --sys-prefix uses the active virtual environment.
      """)

  @Flag(help: "Install for the current user (the default).")
  var user = false

  @Flag(help: "Install into the active Python environment (VIRTUAL_ENV or CONDA_PREFIX).")
  var sysPrefix = false

  @Option(help: "Install under this prefix: PREFIX/share/jupyter/kernels/cnnlab and cnnlab-ko.")
  var prefix: String?

  func validate() throws {
    if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
      throw ValidationError("choose one of --user, --sys-prefix and --prefix")
    }
  }

  func run() throws {
    let kernels = try Self.destination(sysPrefix: sysPrefix, prefix: prefix)
    let binary = try Self.kernelBinaryPath()
    for spec in KernelSpecFiles.specs {
      let directory = kernels + "/" + spec.name
      try Self.makeDirectories(directory)
      for (file, bytes) in try KernelSpecFiles.files(spec, binaryPath: binary) {
        try Self.write(bytes, to: directory + "/" + file)
      }
      print("Installed the \(spec.displayName) kernelspec in \(directory)")
    }
  }

  /// The kernel binary that the build puts beside this one.
  static func kernelBinaryPath() throws -> String {
    let me = try executablePath()
    let folder = me.lastIndex(of: "/").map { String(me[..<$0]) } ?? "."
    let kernel = folder + "/" + KernelSpecFiles.kernelBinary
    guard access(kernel, X_OK) == 0 else {
      throw ValidationError("'\(kernel)' is missing: build both products with `swift build -c release`")
    }
    return kernel
  }

  private static func destination(sysPrefix: Bool, prefix: String?) throws -> String {
    if let prefix { return absolute(prefix) + "/share/jupyter/kernels" }
    if sysPrefix {
      guard let prefix = environment("VIRTUAL_ENV") ?? environment("CONDA_PREFIX") else {
        throw ValidationError("--sys-prefix needs an active virtual environment; use --prefix PATH instead")
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
  private static func makeDirectories(_ path: String) throws {
    var partial = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      partial += "/" + component
      if mkdir(partial, 0o755) != 0 && errno != EEXIST {
        throw ValidationError("cannot create the folder '\(partial)': \(String(cString: strerror(errno)))")
      }
    }
  }

  private static func write(_ bytes: [UInt8], to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw ValidationError("cannot write '\(path)': \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw ValidationError("cannot write '\(path)': \(String(cString: strerror(errno)))") }
      written += n
    }
  }

  /// The running binary's own absolute path, so the kernelspec works from any directory.
  static func executablePath() throws -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { throw ValidationError("cannot find this program's own path") }
    return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
