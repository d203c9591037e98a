import CNNKernel
import JupyterZMQ

/// `cnnlab kernel -f FILE`: what Jupyter runs (the kernelspec's argv).
enum KernelCommand {
  static let abstract = "Run the kernel for a Jupyter connection file."
  static let usage = """
    USAGE: cnnlab kernel --file <file>

    OPTIONS:
      -f, --file <file>       The connection file Jupyter wrote for this kernel.

    """

  static func run(_ arguments: inout CommandArguments) throws {
    guard let file = try arguments.option("file", short: "f") else { throw UsageError("missing expected option '--file <file>'") }
    try arguments.finish()
    let status = try KernelServer.run(connectionFile: file, language: CNNLanguage())
    if status != 0 { throw ExitStatus(code: status) }
  }
}
