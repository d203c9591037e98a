import ArgumentParser
import CNNKernel
import CNNLang
import Datasets

/// `cnnlab run FILE`: runs a `.cnn` program outside Jupyter, printing its text output.
/// Handy for teachers checking a homework file and for scripts.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run a CNN Lab program and print its output.")

  @Argument(help: "The program, a .cnn file.")
  var path: String

  @Option(help: "The language of error messages, hints and help() pages: en or ko.")
  var language: String = "en"

  func validate() throws {
    if MessageLanguage(code: language) == nil { throw ValidationError("--language must be en or ko") }
  }

  func run() throws {
    let source: String
    do {
      source = String(decoding: try FileBytes.read(path: path), as: UTF8.self)
    } catch {
      throw ValidationError("cannot read '\(path)': \(error)")
    }
    let succeeded = ScriptRunner(messages: MessageLanguage(code: language) ?? .english).run(source: source)
    if !succeeded { throw ExitCode.failure }
  }
}
