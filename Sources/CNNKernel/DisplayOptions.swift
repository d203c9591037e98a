import CNNLang
import FeatureMapRender
import TextAndTime

/// The keywords of `show(value, cmap=, mode=, title=, scale=, channels=, class_names=)` read
/// into render options. Names are parsed by `FeatureMapRender` (`RenderOptions.keywords`); the
/// glue adds what only the language knows: `scale` as a pair `(min, max)`, `mode="filters"` to
/// draw kernels, any value as a title, `channels` as a number, a pair `(first, stop)` or a
/// `range`, and `class_names` as a list of labels for probabilities.
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
  /// Labels of the classes when the value is a vector of probabilities.
  var classNames: [String]?

  static let filterMode = "filters"
  static let tableMode = "table"

  init() {}

  /// Throws the learner-facing sentence for a bad option.
  init(_ options: [String: Value]) throws(DisplayOptionError) {
    title = options["title"].flatMap { $0.isNone ? nil : $0.str }
    var mode: String?
    if let value = options["mode"], !value.isNone {
      guard case .string(let text) = value else { throw DisplayOptionError(.notAName(option: "mode", example: "grid")) }
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
      guard case .string(let text) = value else { throw DisplayOptionError(.notAName(option: "cmap", example: "gray")) }
      cmap = text
    }
    var scaleName: String?
    var range: ValueRange?
    if let value = options["scale"], !value.isNone {
      switch value {
      case .string(let text): scaleName = text
      case .tuple(let items) where items.count == 2: range = try DisplayOptions.range(items)
      case .list(let storage) where storage.items.count == 2: range = try DisplayOptions.range(storage.items)
      default: throw DisplayOptionError(.scaleForm)
      }
    }
    do {
      render = try RenderOptions.keywords(cmap: cmap, mode: mode, title: title, scale: scaleName, range: range)
    } catch {
      throw DisplayOptionError(DisplayOptions.problem(error))
    }
    if let value = options["channels"], !value.isNone { render.channels = try DisplayOptions.channels(value) }
    if let value = options["class_names"], !value.isNone {
      switch value {
      case .list(let storage): classNames = storage.items.map(\.str)
      case .tuple(let items): classNames = items.map(\.str)
      default: throw DisplayOptionError(.classNames)
      }
    }
  }

  /// `channels=5`, `channels=(0, 32)` (first and stop, as in a slice) or `channels=range(64, 96)`.
  private static func channels(_ value: Value) throws(DisplayOptionError) -> Range<Int> {
    let problem = DisplayOptionError(.channels)
    func whole(_ v: Value) throws(DisplayOptionError) -> Int {
      guard case .number(let d) = v, d >= 0, d == d.rounded(), d < 1e9 else { throw problem }
      return Int(d)
    }
    switch value {
    case .number:
      let first = try whole(value)
      return first..<(first + 1)
    case .tuple(let items) where items.count == 2:
      let (first, stop) = (try whole(items[0]), try whole(items[1]))
      guard first < stop else { throw problem }
      return first..<stop
    case .range(let r) where r.step == 1 && r.start >= 0 && r.start < r.stop:
      return r.start..<r.stop
    default:
      throw problem
    }
  }

  private static func range(_ items: [Value]) throws(DisplayOptionError) -> ValueRange {
    guard case .number(let low) = items[0], case .number(let high) = items[1] else {
      throw DisplayOptionError(.scaleNumbers)
    }
    return ValueRange(low: Float(low), high: Float(high))
  }
}

/// A `show()` option that cannot be used; the language words it as a ValueError.
struct DisplayOptionError: Error {
  let problem: ShowOptionProblem
  init(_ problem: ShowOptionProblem) { self.problem = problem }
}

extension DisplayOptions {
  /// The renderer's refusal of a keyword, as the language's data.
  static func problem(_ error: RenderError) -> ShowOptionProblem {
    switch error {
    case .unknownColormap(let name): return .unknownName(option: "cmap", name: name, known: Colormap.names)
    case .unknownMode(let name): return .unknownName(option: "mode", name: name, known: RenderMode.names)
    case .unknownScale(let name): return .unknownName(option: "scale", name: name, known: RenderScale.names)
    case .invalidScale(let low, let high): return .invalidScale(low: NumberText.compact(low), high: NumberText.compact(high))
    default: return .scaleForm
    }
  }
}
