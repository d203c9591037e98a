import Glibc

/// `cnnlab`: the CNN Lab kernel and the commands around it. The command line is parsed by
/// hand: an argument-parsing package would link Foundation into every kernel process.
@main
enum Main {
  struct Command: Sendable {
    let name: String
    let abstract: String
    let usage: String
    let run: @Sendable (inout CommandArguments) throws -> Void
  }

  static let commands = [
    Command(name: "kernel", abstract: KernelCommand.abstract, usage: KernelCommand.usage, run: KernelCommand.run),
    Command(name: "install", abstract: InstallCommand.abstract, usage: InstallCommand.usage, run: InstallCommand.run),
    Command(name: "run", abstract: RunCommand.abstract, usage: RunCommand.usage, run: RunCommand.run),
    Command(name: "bench", abstract: BenchCommand.abstract, usage: BenchCommand.usage, run: BenchCommand.run),
  ]

  static var overview: String {
    var text = """
      OVERVIEW: CNN Lab: a Jupyter kernel for learning convolutional neural networks.

      USAGE: cnnlab <subcommand>

      SUBCOMMANDS:

      """
    for command in commands { text += "  " + leftPadded(command.name) + command.abstract + "\n" }
    return text + "\nSee 'cnnlab <subcommand> --help' for a subcommand's options.\n"
  }

  static func leftPadded(_ name: String) -> String { name + String(repeating: " ", count: max(1, 12 - name.count)) }

  static func main() {
    let words = Array(CommandLine.arguments.dropFirst())
    guard let name = words.first, !name.hasPrefix("-") || name == "--help" || name == "-h" else {
      fail(words.first.map { "unknown option '\($0)'" } ?? "missing subcommand", usage: overview)
    }
    if name == "--help" || name == "-h" || name == "help" {
      print(overview, terminator: "")
      return
    }
    guard let command = commands.first(where: { $0.name == name }) else {
      fail("unknown subcommand '\(name)'", usage: overview)
    }
    var arguments = CommandArguments(words.dropFirst())
    if arguments.wantsHelp {
      print("OVERVIEW: \(command.abstract)\n\n\(command.usage)", terminator: "")
      return
    }
    do {
      try command.run(&arguments)
    } catch let error as UsageError {
      fail(error.description, usage: command.usage)
    } catch let status as ExitStatus {
      exit(status.code)
    } catch {
      printError("Error: \(error)")
      exit(1)
    }
  }

  static func fail(_ message: String, usage: String) -> Never {
    printError("Error: \(message)\n\n\(usage)")
    exit(64)
  }

  static func printError(_ text: String) {
    let line = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
    line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
  }
}
