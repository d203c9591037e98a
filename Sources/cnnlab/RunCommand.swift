import ArgumentParser
import CNNKernel
import FoundationEssentials
import Glibc

/// `cnnlab run FILE`: runs a `.cnn` program outside Jupyter, printing its text output.
/// Handy for teachers checking a homework file and for scripts.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run a CNN Lab program and print its output.")

  @Argument(help: "The program, a .cnn file.")
  var path: String

  func run() throws {
    guard let data = FileManager.default.contents(atPath: path),
      let source = String(data: data, encoding: .utf8)
    else {
      throw ValidationError("cannot read '\(path)'")
    }
    let succeeded = ScriptRunner().run(source: source)
    if !succeeded { throw ExitCode.failure }
  }
}
