import CNNLang
import JupyterKernel
import JupyterProtocol

/// Turns a language value into the MIME bundle a notebook shows: `text/plain` always, and
/// richer forms (pictures, tables) for the values that have them.
final class ValueDisplay {
  func bundle(for value: Value, options: [String: Value]) -> MimeBundle {
    var bundle = MimeBundle.plain(value.repr)
    if case .string(let text)? = options["title"] {
      bundle.data["text/plain"] = .string(text + "\n" + value.repr)
    }
    if let summary = SummaryDisplay.summary(of: value) { bundle.data["text/html"] = .string(SummaryDisplay.html(summary)) }
    return bundle
  }
}
