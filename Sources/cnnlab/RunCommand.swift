import CNNKernel
import Datasets

/// `cnnlab run FILE`: runs a `.cnn` program outside Jupyter, printing its text output.
/// Handy for teachers checking a homework file and for scripts.
enum RunCommand {
  static let abstract = "Run a CNN Lab program and print its output."
  static let usage = """
    USAGE: cnnlab run <path>

    ARGUMENTS:
      <path>                  The program, a .cnn file.

    """

  static func run(_ arguments: inout CommandArguments) throws {
    let path = try arguments.argument("path")
    try arguments.finish()
    let source: String
    do {
      source = String(decoding: try FileBytes.read(path: path), as: UTF8.self)
    } catch {
      throw UsageError("cannot read '\(path)'")
    }
    let succeeded = ScriptRunner().run(source: source)
    if !succeeded { throw ExitStatus(code: 1) }
  }
}
