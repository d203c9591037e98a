import ArgumentParser

/// `cnnlab`: the CNN Lab kernel and the commands around it.
@main
struct CNNLabCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cnnlab",
    abstract: "CNN Lab: a Jupyter kernel for learning convolutional neural networks.",
    subcommands: [KernelCommand.self, InstallCommand.self, RunCommand.self, BenchCommand.self]
  )
}
