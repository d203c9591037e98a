import CNNKernel
import CNNLang
import Glibc
import JupyterZMQ

/// `cnnlab-kernel -f FILE`: the process Jupyter starts for every notebook (the kernelspec's
/// argv). It is a binary of its own, apart from the `cnnlab` command line, because the
/// argument-parsing package links Foundation, and Foundation costs every kernel 2 MiB of
/// resident memory; the kernel's one option is read by hand instead.
@main
enum KernelMain {
  static let usage = """
    USAGE: cnnlab-kernel -f <connection-file> [--language en|ko]

    Runs the CNN Lab kernel for a Jupyter connection file. Jupyter starts it through the
    kernelspecs that `cnnlab install` writes ("CNN Lab" in English, "CNN Lab (한국어)" with
    --language ko); `cnnlab --help` lists the other commands. --language sets the language of
    error messages, hints and help() pages (English by default).

    """

  static func main() {
    let words = Array(CommandLine.arguments.dropFirst())
    if words == ["--help"] || words == ["-h"] {
      print(usage, terminator: "")
      return
    }
    guard let (file, messages) = arguments(words) else {
      fail("Error: expected -f <connection-file> [--language en|ko], got '\(words.joined(separator: " "))'\n\n" + usage)
    }
    do {
      exit(try KernelServer.run(connectionFile: file, language: CNNLanguage(messages: messages)))
    } catch {
      fail("cnnlab-kernel: \(error)\n")
    }
  }

  /// `-f FILE` (or `--file FILE`, `--file=FILE`) and optionally `--language CODE` (or
  /// `--language=CODE`), in either order, and nothing else.
  static func arguments(_ words: [String]) -> (file: String, messages: MessageLanguage)? {
    var file: String?
    var messages = MessageLanguage.english
    var rest = words[...]
    while let word = rest.popFirst() {
      if word == "-f" || word == "--file", file == nil, let value = rest.popFirst() {
        file = value
      } else if word.hasPrefix("--file="), file == nil {
        file = String(word.dropFirst(7))
      } else if word == "--language", let value = rest.popFirst(), let language = MessageLanguage(code: value) {
        messages = language
      } else if word.hasPrefix("--language="), let language = MessageLanguage(code: String(word.dropFirst(11))) {
        messages = language
      } else {
        return nil
      }
    }
    return file.map { ($0, messages) }
  }

  static func fail(_ text: String) -> Never {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    exit(64)
  }
}
