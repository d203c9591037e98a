import TensorEngine
import TextAndTime

// After training: where the model goes wrong. `confusion_matrix` and `show_mistakes`.
extension BuiltinRegistry {
  mutating func addDiagnosis() {
    add(Builtin(
      "confusion_matrix", [Parameter("y_true"), Parameter("y_pred"), Parameter("class_names", default: Value.none)],
      doc: "Counts how often each class (rows) was predicted as each class (columns), shown as a labelled heatmap: confusion_matrix(y_test, model.predict(x_test), class_names=class_names). y_pred may be class numbers or probabilities (the largest wins). .counts is the tensor of counts."
    ) { (args, _) throws(RuntimeError) in
      let truth = try Self.classNumbers(args["y_true"], function: "confusion_matrix", parameter: "y_true")
      let predicted = try Self.classNumbers(args["y_pred"], function: "confusion_matrix", parameter: "y_pred")
      guard truth.count == predicted.count, !truth.isEmpty else {
        throw RuntimeError(.training(.lengthMismatch(x: truth.count, y: predicted.count)))
      }
      let given = try Self.optionalNames(args["class_names"], function: "confusion_matrix") ?? []
      let classes = max(given.count, (truth + predicted).max().map { $0 + 1 } ?? 1)
      let names = given.count >= classes ? given : (0..<classes).map(String.init)
      var counts = [Float](repeating: 0, count: classes * classes)
      for (t, p) in zip(truth, predicted) { counts[t * classes + p] += 1 }
      return .training(.confusion(ConfusionMatrix(counts: Tensor(shape: [classes, classes], values: counts), classNames: names)))
    })
    addProperty(Property("counts", doc: "The counts as a tensor: row = true class, column = predicted class.") { v in
      guard case .training(.confusion(let c)) = v else { return .none }
      return .tensor(c.counts)
    }, to: "confusion matrix")
    describeType("confusion matrix", "Counts per (true, predicted) class; .counts gives them as a tensor.")

    add(Builtin(
      "show_mistakes",
      [Parameter("model"), Parameter("x"), Parameter("y"), Parameter("n", default: .number(16)), Parameter("class_names", default: Value.none)],
      doc: "Shows up to n images the model gets wrong, each with its true label and the model's guess (and how sure it was): show_mistakes(model, x_test, y_test, n=16, class_names=class_names)."
    ) { (args, ev) throws(RuntimeError) in
      guard case .model(let model) = args["model"] else { throw args.typeError("model", .model) }
      let x = try TensorArgument.tensor(args["x"], function: "show_mistakes", parameter: "x")
      let truth = try Self.classNumbers(args["y"], function: "show_mistakes", parameter: "y")
      let limit = try args.int("n")
      guard limit >= 1 else { throw RuntimeError(.notPositive(function: "show_mistakes", parameter: "n")) }
      guard x.rank >= 1, x.shape[0] == truth.count else { throw RuntimeError(.training(.lengthMismatch(x: x.rank >= 1 ? x.shape[0] : 1, y: truth.count))) }
      if model.graph == nil { _ = try model.predict(Batches.slice(x, from: 0, count: 1), evaluator: ev) }
      let probabilities = try model.predictBatches(TrainingArguments.withChannel(x, for: model), batchSize: 32, evaluator: ev)
      let names = try Self.optionalNames(args["class_names"], function: "show_mistakes")
      func name(_ c: Int) -> String { names.flatMap { c < $0.count ? $0[c] : nil } ?? String(c) }
      let width = probabilities.count / max(1, truth.count)
      var images: [Tensor] = []
      var captions: [String] = []
      var wrong = 0
      for (i, t) in truth.enumerated() {
        let row = Array(probabilities.values[(i * width)..<((i + 1) * width)])
        let guess = row.indices.max { row[$0] < row[$1] } ?? 0
        guard guess != t else { continue }
        wrong += 1
        guard images.count < limit else { continue }
        images.append(Batches.slice(x, from: i, count: 1).squeezedFirst)
        captions.append("#\(i): \(name(t)) → \(name(guess)) (\(Int((row[guess] * 100).rounded()))%)")
      }
      let title = "\(wrong) of \(truth.count) wrong (\(images.count) shown): true → predicted"
      ev.host?.show(.training(.gallery(Gallery(images: images, captions: captions, title: title))), options: [:])
      return .none
    })
  }

  /// Class numbers from labels `(N,)`, `(N, 1)` or one-hot / probability rows `(N, C)`.
  private static func classNumbers(_ value: Value, function: String, parameter: String) throws(RuntimeError) -> [Int] {
    let t = try TensorArgument.tensor(value, function: function, parameter: parameter)
    guard let n = t.shape.first, t.rank >= 1 else { return [] }
    let width = t.count / max(n, 1)
    if t.rank >= 2 && width > 1 {
      return (0..<n).map { r in
        var best = 0
        for j in 1..<width where t.values[r * width + j] > t.values[r * width + best] { best = j }
        return best
      }
    }
    var result: [Int] = []
    for v in t.values {
      guard v >= 0, v == v.rounded(.towardZero), v < 1e6 else {
        throw RuntimeError(.argumentType(function: function, parameter: parameter, expected: .classNumbersOrProbabilities, got: NumberText.repr(Double(v))))
      }
      result.append(Int(v))
    }
    return result
  }

  private static func optionalNames(_ value: Value, function: String) throws(RuntimeError) -> [String]? {
    switch value {
    case .none: return nil
    case .list(let l):
      return try l.items.map { (item) throws(RuntimeError) in
        guard case .string(let s) = item else { throw RuntimeError(.argumentType(function: function, parameter: "class_names", expected: .names, got: item.typeName)) }
        return s
      }
    case .tuple(let items):
      return try items.map { (item) throws(RuntimeError) in
        guard case .string(let s) = item else { throw RuntimeError(.argumentType(function: function, parameter: "class_names", expected: .names, got: item.typeName)) }
        return s
      }
    default:
      throw RuntimeError(.argumentType(function: function, parameter: "class_names", expected: .names, got: value.typeName))
    }
  }
}

extension Tensor {
  /// Without a leading axis of size one.
  var squeezedFirst: Tensor { shape.first == 1 ? Tensor(shape: Array(shape.dropFirst()), values: values) : self }
}
