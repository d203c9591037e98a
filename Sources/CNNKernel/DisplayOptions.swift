import CNNLang
import FeatureMapRender

/// The keywords of `show(value, cmap=, mode=, title=, scale=)` read into render options. Names
/// are parsed by `FeatureMapRender` (`RenderOptions.keywords`); the glue adds what only the
/// language knows: `scale` as a pair `(min, max)`, `mode="filters"` to draw kernels, any
/// value as a title.
struct DisplayOptions {
  var render = RenderOptions()
  var title: String?
  /// `mode="filters"` forces the kernel view and `mode="grid"` (or any picture mode) the
  /// feature-map view; nil lets the tensor's shape decide.
  var filters: Bool?
  /// Whether a value table is wanted: nil lets the size decide (2-D up to 32x32); an explicit
  /// picture mode turns it off, because a notebook shows the table in place of the picture.
  var table: Bool?
  /// `mode="table"` shows the values without a picture.
  var picture = true

  static let filterMode = "filters"
  static let tableMode = "table"

  init() {}

  /// Throws the learner-facing sentence for a bad option.
  init(_ options: [String: Value]) throws(DisplayOptionError) {
    title = options["title"].flatMap { $0.isNone ? nil : $0.str }
    var mode: String?
    if let value = options["mode"], !value.isNone {
      guard case .string(let text) = value else { throw DisplayOptionError("mode must be a string such as 'grid'") }
      switch text.lowercased() {
      case DisplayOptions.filterMode:
        filters = true
        table = false
      case DisplayOptions.tableMode:
        table = true
        picture = false
      default:
        mode = text
        filters = false
        table = false
      }
    }
    var cmap: String?
    if let value = options["cmap"], !value.isNone {
      guard case .string(let text) = value else { throw DisplayOptionError("cmap must be a colormap name such as 'gray'") }
      cmap = text
    }
    var scaleName: String?
    var range: ValueRange?
    if let value = options["scale"], !value.isNone {
      switch value {
      case .string(let text): scaleName = text
      case .tuple(let items) where items.count == 2: range = try DisplayOptions.range(items)
      case .list(let storage) where storage.items.count == 2: range = try DisplayOptions.range(storage.items)
      default: throw DisplayOptionError("scale must be 'shared', 'per_channel' or a pair (min, max)")
      }
    }
    do {
      render = try RenderOptions.keywords(cmap: cmap, mode: mode, title: title, scale: scaleName, range: range)
    } catch {
      throw DisplayOptionError(error.description)
    }
  }

  private static func range(_ items: [Value]) throws(DisplayOptionError) -> ValueRange {
    guard case .number(let low) = items[0], case .number(let high) = items[1] else {
      throw DisplayOptionError("scale=(min, max) needs two numbers")
    }
    return ValueRange(low: Float(low), high: Float(high))
  }
}

/// A `show()` option that cannot be used; the text is the ValueError's message.
struct DisplayOptionError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
