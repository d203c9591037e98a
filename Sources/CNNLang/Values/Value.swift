import TensorEngine

/// A value of the language. Lists are shared references, as in Python; everything else is
/// immutable. The tensor vocabulary adds its cases here (`.tensor(Tensor)`, layers, models).
public enum Value {
  case none
  case bool(Bool)
  case number(Double)
  case string(String)
  case list(ListStorage)
  /// `{"loss": [0.5, 0.3]}`: keys in insertion order, shared like a list.
  case dict(DictStorage)
  case tuple([Value])
  case range(RangeValue)
  case function(Function)
  case builtin(Builtin)
  /// A method looked up on a value, such as `xs.append`: calling it passes `receiver` first.
  indirect case method(Builtin, receiver: Value)
  case stream(OutputStream)
  /// `np` after `import numpy as np`: a module of CNN Lab's built-ins (see `ModuleTable`).
  case module(ModuleValue)
  /// A float32 tensor from the engine: an image, a feature map, a kernel, a batch.
  /// `origin` says how it was computed, for `explain()`; arithmetic drops it.
  case tensor(Tensor, origin: TensorOrigin? = nil)
  /// What `explain(y, at=...)` returns: the arithmetic behind one output value.
  indirect case explanation(Explanation)
  /// A layer such as `Conv2D(8, 3)`: callable on tensors and on symbolic tensors.
  case layer(Layer)
  /// A `Sequential`, a functional `Model`, or one of the zoo's networks.
  case model(Model)
  /// The result of calling layers on an `Input`: a shape and the graph that produced it.
  case symbolic(SymbolicTensor)
  /// `summary(model)`: the table of layers, shapes, parameters and MACs.
  case summary(ModelSummary)
  /// Optimizers, losses, callbacks and `History` (see `Training/`).
  case training(TrainingObject)
  /// A built-in module with members, such as `fashion_mnist` (`fashion_mnist.load_data()`).
  case namespace(Namespace)
  /// A slider, dropdown, picture or box (see `Widget`): `explore(model, x)` and `IntSlider(...)`.
  case widget(Widget)

  /// The type's name as `type(x)` returns it and as messages quote it.
  public var typeName: String {
    switch self {
    case .none: return "None"
    case .bool: return "bool"
    case .number: return "number"
    case .string: return "str"
    case .list: return "list"
    case .dict: return "dict"
    case .tuple: return "tuple"
    case .range: return "range"
    case .function, .builtin: return "function"
    case .method: return "method"
    case .stream: return "stream"
    case .module: return "module"
    case .tensor: return "tensor"
    case .explanation: return "explanation"
    case .layer: return "layer"
    case .model: return "model"
    case .symbolic: return "symbolic tensor"
    case .summary: return "summary"
    case .training(let t): return t.typeName
    case .widget: return "widget"
    case .namespace: return "module"
    }
  }

  /// Whether this is `None`. (Comparing with `.none` would silently mean Optional's `nil`.)
  public var isNone: Bool {
    if case .none = self { return true }
    return false
  }

  /// Python's truth test: empty, zero and None are false.
  public var isTruthy: Bool {
    switch self {
    case .none: return false
    case .bool(let b): return b
    case .number(let d): return d != 0
    case .string(let s): return !s.isEmpty
    case .list(let l): return !l.items.isEmpty
    case .dict(let d): return d.count > 0
    case .tuple(let t): return !t.isEmpty
    case .range(let r): return r.count > 0
    case .function, .builtin, .method, .stream, .tensor, .explanation, .module: return true
    case .layer, .model, .symbolic, .summary, .training, .namespace, .widget: return true
    }
  }

  /// The number a value stands for in arithmetic: numbers, and bools as 0 and 1.
  var numeric: Double? {
    switch self {
    case .number(let d): return d
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }

  public static func list(_ items: [Value]) -> Value { .list(ListStorage(items)) }
}

/// The mutable storage of a list, shared by every name that refers to it.
public final class ListStorage {
  public var items: [Value]
  public init(_ items: [Value]) { self.items = items }

  /// Freeing a list that holds the last reference to another list would recurse once per
  /// level, and `x = [x]` in a long loop nests a million deep. Nested lists are taken apart
  /// here, iteratively, before they can free each other recursively.
  deinit {
    var pending = items
    items = []
    while var value = pending.popLast() {
      guard case .list(var storage) = value else {
        if case .tuple(let values) = value { pending.append(contentsOf: values) }
        continue
      }
      value = .none
      if isKnownUniquelyReferenced(&storage) {
        pending.append(contentsOf: storage.items)
        storage.items = []
      }
    }
  }
}

/// `range(start, stop, step)`, kept lazy so `for i in range(10**7)` allocates nothing.
public struct RangeValue: Equatable {
  public let start: Int
  public let stop: Int
  public let step: Int

  public var count: Int {
    if step > 0 { return stop > start ? (stop - start + step - 1) / step : 0 }
    return start > stop ? (start - stop - step - 1) / -step : 0
  }

  public subscript(i: Int) -> Int { start + i * step }
}

/// An imported module, by its full dotted name (`tensorflow.keras.layers`).
public struct ModuleValue: Equatable, Sendable {
  public let name: String
}

/// `stdout` and `stderr`, the values `print(..., file=)` accepts.
public enum OutputStream: String {
  case stdout, stderr
}
