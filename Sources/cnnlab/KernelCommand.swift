import ArgumentParser
import CNNKernel
import CNNLang
import JupyterZMQ

/// `cnnlab kernel -f FILE`: the kernel run from a terminal. Jupyter runs the leaner
/// `cnnlab-kernel` binary instead (see its file): the same server and language without the
/// command-line package and the Foundation it brings.
struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernel", abstract: "Run the kernel for a Jupyter connection file.")

  @Option(name: .shortAndLong, help: "The connection file Jupyter wrote for this kernel.")
  var file: String

  @Option(help: "The language of error messages, hints and help() pages: en or ko.")
  var language: String = "en"

  func validate() throws {
    if MessageLanguage(code: language) == nil { throw ValidationError("--language must be en or ko") }
  }

  func run() throws {
    let messages = MessageLanguage(code: language) ?? .english
    let status = try KernelServer.run(connectionFile: file, language: CNNLanguage(messages: messages))
    if status != 0 { throw ExitCode(status) }
  }
}
