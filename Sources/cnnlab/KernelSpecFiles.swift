import JupyterProtocol

/// The files of the `cnnlab` kernelspec. The binary carries them, so `cnnlab install` works
/// from anywhere; `kernelspec/` in the repository holds the same files for reading.
enum KernelSpecFiles {
  static let name = "cnnlab"
  /// The executable Jupyter starts, built beside `cnnlab`.
  static let kernelBinary = "cnnlab-kernel"

  /// kernel.json, laid out as in the repository. Interrupts arrive on the control socket, so
  /// a cell stops without a signal and the kernel keeps every name (SIGINT is handled too, for
  /// terminals).
  static func kernelJSON(binaryPath: String) -> [UInt8] {
    func quoted(_ text: String) -> String {
      var writer = JSONWriter()
      writer.appendString(text)
      return String(decoding: writer.bytes, as: UTF8.self)
    }
    let argv = [binaryPath, "-f", "{connection_file}"].map { "    " + quoted($0) }
    let text = """
      {
        "argv": [
      \(argv.joined(separator: ",\n"))
        ],
        "display_name": "CNN Lab",
        "interrupt_mode": "message",
        "language": "cnnlab"
      }

      """
    return Array(text.utf8)
  }

  static func files(binaryPath: String) throws -> [(name: String, bytes: [UInt8])] {
    [
      ("kernel.json", kernelJSON(binaryPath: binaryPath)),
      ("logo-svg.svg", Array(LogoArt.svg().utf8)),
      ("logo-32x32.png", try LogoArt.png(size: 32)),
      ("logo-64x64.png", try LogoArt.png(size: 64)),
    ]
  }
}
