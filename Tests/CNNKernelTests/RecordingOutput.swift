import CNNKernel
import Foundation
import JupyterKernel
import JupyterProtocol

/// An `ExecutionOutput` that keeps what a cell sends.
final class RecordingOutput: ExecutionOutput {
  var streams: [String] = []
  var displays: [MimeBundle] = []

  func stream(_ text: String, toStderr: Bool) { streams.append(text) }
  func display(_ bundle: MimeBundle, displayID: String?) { displays.append(bundle) }
  func updateDisplay(_ bundle: MimeBundle, displayID: String) { displays.append(bundle) }
  func clearOutput(wait: Bool) {}
  func page(_ bundle: MimeBundle) {}
}

/// A kernel language with a counter, so tests read like a notebook.
final class Notebook {
  let language = CNNLanguage()
  private var count = 0

  func run(_ code: String) -> (outcome: ExecutionOutcome, output: RecordingOutput) {
    count += 1
    let output = RecordingOutput()
    return (language.execute(code: code, executionCount: count, silent: false, output: output), output)
  }

  /// The execute_result's bundle, or nil.
  func result(_ code: String) -> MimeBundle? {
    if case .ok(let bundle) = run(code).outcome { return bundle }
    return nil
  }
}

extension MimeBundle {
  func text(_ mime: String) -> String? {
    if case .string(let s)? = data[mime] { return s }
    return nil
  }

  /// The image/png metadata's width and height.
  var pngSize: (width: Double, height: Double)? {
    guard case .object(let meta)? = metadata["image/png"], case .number(let w)? = meta["width"],
      case .number(let h)? = meta["height"]
    else { return nil }
    return (w, h)
  }

  /// The PNG's own width and height, read from its IHDR chunk (bytes 16-23, big-endian).
  var pngHeaderSize: (width: Int, height: Int)? {
    guard let base64 = text("image/png"), let data = Data(base64Encoded: base64), data.count > 24 else { return nil }
    let bytes = [UInt8](data)
    guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
    func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (word(16), word(20))
  }
}
