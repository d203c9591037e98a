import ArgumentParser
import CNNKernel
import JupyterZMQ

/// `cnnlab kernel -f FILE`: the kernel run from a terminal. Jupyter runs the leaner
/// `cnnlab-kernel` binary instead (see its file): the same server and language without the
/// command-line package and the Foundation it brings.
struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernel", abstract: "Run the kernel for a Jupyter connection file.")

  @Option(name: .shortAndLong, help: "The connection file Jupyter wrote for this kernel.")
  var file: String

  func run() throws {
    let status = try KernelServer.run(connectionFile: file, language: CNNLanguage())
    if status != 0 { throw ExitCode(status) }
  }
}
