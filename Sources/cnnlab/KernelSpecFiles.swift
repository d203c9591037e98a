import FoundationEssentials
import Glibc

/// The files of the `cnnlab` kernelspec. The binary carries them, so `cnnlab install` works
/// from anywhere; `kernelspec/` in the repository holds the same files for reading.
enum KernelSpecFiles {
  static let name = "cnnlab"

  struct KernelJSON: Encodable {
    var argv: [String]
    var display_name = "CNN Lab"
    var language = "cnnlab"
    // Interrupts arrive on the control socket, so a cell stops without a signal and the
    // kernel keeps every name (SIGINT is handled too, for terminals).
    var interrupt_mode = "message"
  }

  static func kernelJSON(binaryPath: String) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let spec = KernelJSON(argv: [binaryPath, "kernel", "-f", "{connection_file}"])
    return Array(try encoder.encode(spec)) + [0x0A]
  }

  static func files(binaryPath: String) throws -> [(name: String, bytes: [UInt8])] {
    [
      ("kernel.json", try kernelJSON(binaryPath: binaryPath)),
      ("logo-svg.svg", Array(LogoArt.svg().utf8)),
      ("logo-32x32.png", try LogoArt.png(size: 32)),
      ("logo-64x64.png", try LogoArt.png(size: 64)),
    ]
  }
}
