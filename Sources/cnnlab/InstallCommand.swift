import ArgumentParser
import FoundationEssentials
import Glibc

/// `cnnlab install`: writes the `cnnlab` kernelspec (kernel.json with this binary's absolute
/// path, and the logos) where Jupyter looks for kernels.
struct InstallCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Install the CNN Lab kernelspec so that Jupyter lists the kernel.",
    discussion: """
      Without a flag the kernelspec goes to the user's Jupyter data directory, like
      `jupyter kernelspec install --user`. --sys-prefix uses the active virtual environment.
      """)

  @Flag(help: "Install for the current user (the default).")
  var user = false

  @Flag(help: "Install into the active Python environment (VIRTUAL_ENV or CONDA_PREFIX).")
  var sysPrefix = false

  @Option(help: "Install under this prefix: PREFIX/share/jupyter/kernels/cnnlab.")
  var prefix: String?

  func validate() throws {
    if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
      throw ValidationError("choose one of --user, --sys-prefix and --prefix")
    }
  }

  func run() throws {
    let kernelsDirectory = try destination()
    let directory = kernelsDirectory + "/" + KernelSpecFiles.name
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (file, bytes) in try KernelSpecFiles.files(binaryPath: Self.executablePath()) {
      let path = directory + "/" + file
      guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        throw ValidationError("cannot write '\(path)'")
      }
    }
    print("Installed the CNN Lab kernelspec in \(directory)")
  }

  private func destination() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    if let prefix { return Self.absolute(prefix) + "/share/jupyter/kernels" }
    if sysPrefix {
      guard let prefix = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"] else {
        throw ValidationError("--sys-prefix needs an active virtual environment; use --prefix PATH instead")
      }
      return prefix + "/share/jupyter/kernels"
    }
    // Jupyter's user data directory: JUPYTER_DATA_DIR, else the XDG data home.
    if let data = environment["JUPYTER_DATA_DIR"] { return data + "/kernels" }
    let home = environment["HOME"] ?? "~"
    let dataHome = environment["XDG_DATA_HOME"] ?? home + "/.local/share"
    return dataHome + "/jupyter/kernels"
  }

  private static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }

  /// The running binary's own absolute path, so the kernelspec works from any directory.
  static func executablePath() throws -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { throw ValidationError("cannot find this program's own path") }
    return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
