import CNNLang
import FeatureMapRender
import JupyterKernel
import JupyterProtocol

/// Turns a language value into the MIME bundle a notebook shows: `text/plain` always, and
/// richer forms (pictures, tables) for the values that have them: tensors (see
/// `TensorDisplay`) and explanations (see `ExplanationView`).
final class ValueDisplay {
  /// Opens widgets' models; nil where no front end can draw them (user expressions, tests).
  private let widgets: WidgetBridge?

  init(widgets: WidgetBridge? = nil) {
    self.widgets = widgets
  }

  func bundle(for value: Value, options: [String: Value]) -> MimeBundle {
    // Options were checked by `problem(withShowOptions:)` before show() got here.
    let parsed = (try? DisplayOptions(options)) ?? DisplayOptions()
    switch value {
    case .tensor(let tensor, let origin):
      return TensorDisplay(options: parsed).bundle(for: tensor, pixels: origin?.pixelScale, text: value.repr)
    case .training(.confusion(let matrix)):
      return DiagnosisView.bundle(matrix, text: titled(value.repr, parsed.title))
    case .training(.gallery(let gallery)):
      return DiagnosisView.bundle(gallery)
    case .widget(let widget):
      return widgets?.bundle(for: widget) ?? .plain(value.repr)
    case .explanation(let explanation):
      var bundle = MimeBundle.plain(titled(explanation.text, parsed.title))
      bundle.data["text/html"] = .string(ExplanationView.html(explanation, title: parsed.title))
      return bundle
    default:
      var bundle = MimeBundle.plain(titled(value.repr, parsed.title))
      if let summary = SummaryDisplay.summary(of: value) {
        bundle.data["text/html"] = .string(SummaryDisplay.html(summary))
      }
      return bundle
    }
  }

  /// Why `show()`'s options cannot be used, or nil.
  func problem(with options: [String: Value]) -> ShowOptionProblem? {
    do {
      _ = try DisplayOptions(options)
      return nil
    } catch {
      return error.problem
    }
  }

  private func titled(_ text: String, _ title: String?) -> String {
    title.map { $0 + "\n" + text } ?? text
  }
}
