import CNNKernel
import Glibc
import JupyterZMQ

/// `cnnlab-kernel -f FILE`: the process Jupyter starts for every notebook (the kernelspec's
/// argv). It is a binary of its own, apart from the `cnnlab` command line, because the
/// argument-parsing package links Foundation, and Foundation costs every kernel 2 MiB of
/// resident memory; the kernel's one option is read by hand instead.
@main
enum KernelMain {
  static let usage = """
    USAGE: cnnlab-kernel -f <connection-file> [ignored...]

    Runs the CNN Lab kernel for a Jupyter connection file. Jupyter starts it through the
    kernelspec that `cnnlab install` writes; `cnnlab --help` lists the other commands.

    """

  static func main() {
    let words = Array(CommandLine.arguments.dropFirst())
    if words == ["--help"] || words == ["-h"] {
      print(usage, terminator: "")
      return
    }
    guard let file = connectionFile(words) else {
      fail("Error: expected -f <connection-file>, got '\(words.joined(separator: " "))'\n\n" + usage)
    }
    do {
      exit(try KernelServer.run(connectionFile: file, language: CNNLanguage()))
    } catch {
      fail("cnnlab-kernel: \(error)\n")
    }
  }

  /// `-f FILE`, `--file FILE` or `--file=FILE`. Words after it are ignored: `jupyter run
  /// prog.cnn` passes its own arguments (the files it will send as cells) to the kernel it starts.
  static func connectionFile(_ words: [String]) -> String? {
    if words.count >= 2, words[0] == "-f" || words[0] == "--file" { return words[1] }
    if words.count >= 1, words[0].hasPrefix("--file=") { return String(words[0].dropFirst(7)) }
    return nil
  }

  static func fail(_ text: String) -> Never {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    exit(64)
  }
}
