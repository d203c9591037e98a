import CNNLang
import JupyterProtocol

/// The files of the CNN Lab kernelspecs: `cnnlab` ("CNN Lab", English messages) and
/// `cnnlab-ko` ("CNN Lab (한국어)", Korean messages), the same kernel with `--language ko`.
/// The binary carries them, so `cnnlab install` works from anywhere; `kernelspec/` in the
/// repository holds the same files for reading.
enum KernelSpecFiles {
  /// One kernelspec: its folder name, what the launcher shows, and the messages' language.
  struct Spec {
    let name: String
    let displayName: String
    let messages: MessageLanguage
  }

  static let specs = [
    Spec(name: "cnnlab", displayName: "CNN Lab", messages: .english),
    Spec(name: "cnnlab-ko", displayName: "CNN Lab (한국어)", messages: .korean),
  ]
  /// The executable Jupyter starts, built beside `cnnlab`.
  static let kernelBinary = "cnnlab-kernel"

  /// kernel.json, laid out as in the repository. Interrupts arrive on the control socket, so
  /// a cell stops without a signal and the kernel keeps every name (SIGINT is handled too, for
  /// terminals). English is the kernel's default, so only other languages add `--language`.
  static func kernelJSON(_ spec: Spec, binaryPath: String) -> [UInt8] {
    func quoted(_ text: String) -> String {
      var writer = JSONWriter()
      writer.appendString(text)
      return String(decoding: writer.bytes, as: UTF8.self)
    }
    let language = spec.messages == .english ? [] : ["--language", spec.messages.rawValue]
    let argv = ([binaryPath, "-f", "{connection_file}"] + language).map { "    " + quoted($0) }
    let text = """
      {
        "argv": [
      \(argv.joined(separator: ",\n"))
        ],
        "display_name": \(quoted(spec.displayName)),
        "interrupt_mode": "message",
        "language": "cnnlab"
      }

      """
    return Array(text.utf8)
  }

  static func files(_ spec: Spec, binaryPath: String) throws -> [(name: String, bytes: [UInt8])] {
    [
      ("kernel.json", kernelJSON(spec, binaryPath: binaryPath)),
      ("logo-svg.svg", Array(LogoArt.svg().utf8)),
      ("logo-32x32.png", try LogoArt.png(size: 32)),
      ("logo-64x64.png", try LogoArt.png(size: 64)),
    ]
  }
}
