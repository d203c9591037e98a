import TensorEngine
import TextAndTime

// `model.compile`, `fit`, `evaluate`, `predict`, `train_on_batch` and `model.history`.
extension BuiltinRegistry {
  mutating func addModelTraining() {
    addMethod(Builtin(
      "compile", [Parameter("self"), Parameter("optimizer", default: .string("rmsprop")), Parameter("loss", default: Value.none), Parameter("metrics", default: Value.none)],
      kind: "method",
      doc: "Chooses how the model learns: model.compile(optimizer=\"adam\", loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"]). Optimizers by name or as Adam(...), SGD(...), RMSprop(...), AdamW(...); losses by name or as objects."
    ) { (args, _) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      let optimizer: Optimizer
      switch args["optimizer"] {
      case .string(let name): optimizer = try OptimizerNames.optimizer(named: name)
      case .training(.optimizer(let o)): optimizer = o
      default: throw args.typeError("optimizer", .optimizer)
      }
      let loss: Loss
      switch args["loss"] {
      case .string(let name): loss = try LossNames.loss(named: name)
      case .training(.loss(let l)): loss = l
      case .none: throw RuntimeError(.missingArgument(function: "compile", parameter: "loss"), suggestion: .hint(.callHelp("compile")))
      default: throw args.typeError("loss", .loss)
      }
      var metric: String?
      switch args["metrics"] {
      case .none: break
      case .list(let l) where l.items.count <= 1:
        if case .string(let name)? = l.items.first { metric = name } else if !l.items.isEmpty { throw args.typeError("metrics", .metricNames) }
      case .string(let name): metric = name
      default: throw args.typeError("metrics", .oneMetricName)
      }
      if let metric { try MetricNames.check(metric) }
      m.compilation = Compilation(optimizer: optimizer, loss: loss, metric: metric)
      return .none
    }, to: "model")

    addMethod(Builtin(
      "fit",
      [
        Parameter("self"), Parameter("x"), Parameter("y"), Parameter("batch_size", default: Value.none), Parameter("epochs", default: .number(1)),
        Parameter("verbose", default: .string("auto")), Parameter("callbacks", default: Value.none), Parameter("validation_split", default: .number(0)),
        Parameter("validation_data", default: Value.none), Parameter("shuffle", default: .bool(true)), Parameter("show_filters", default: Value.none),
      ],
      kind: "method",
      doc: "Trains the model: history = model.fit(x_train, y_train, epochs=3, batch_size=32, validation_split=0.1). Shows Keras's progress line and a live chart of loss and accuracy; show_filters=model.layers[0] (or True) redraws the first layer's filters as they learn. Returns a History; the stop button ends training at the next batch, keeping the last step's weights."
    ) { (args, ev) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      guard let compilation = m.compilation else { throw RuntimeError(.training(.notCompiled(model: "model", method: "fit"))) }
      var settings = FitSettings()
      settings.batchSize = try TrainingArguments.batchSize(args)
      settings.epochs = try args.int("epochs")
      guard settings.epochs >= 1 else { throw RuntimeError(.notPositive(function: "fit", parameter: "epochs")) }
      settings.verbose = try TrainingArguments.verbose(args)
      settings.validationSplit = try args.number("validation_split")
      guard settings.validationSplit >= 0, settings.validationSplit < 1 else { throw RuntimeError(.training(.validationSplit(settings.validationSplit))) }
      settings.shuffle = try args.bool("shuffle")
      settings.callbacks = try TrainingArguments.callbacks(args)
      let (x, y) = try TrainingArguments.data(m, args["x"], args["y"], function: "fit", evaluator: ev)
      if !args["validation_data"].isNone {
        guard case .tuple(let pair) = args["validation_data"], pair.count == 2 else {
          throw args.typeError("validation_data", .validationPair)
        }
        let validation = try TrainingArguments.data(m, pair[0], pair[1], function: "fit", evaluator: ev)
        _ = try compilation.check(labels: validation.y, output: m.outputShape ?? [])
        settings.validationData = validation
      }
      settings.watchedFilters = try TrainingArguments.watchedLayer(args["show_filters"], model: m)
      let accuracy = try compilation.check(labels: y, output: m.outputShape ?? [])
      try TrainingArguments.checkMemory(m, batch: min(settings.batchSize, x.shape[0]))
      let run = FitRun(model: m, compilation: compilation, settings: settings, evaluator: ev, frameID: TrainingArguments.nextFrameID())
      return .training(.history(try run.run(x: x, y: y, accuracy: accuracy)))
    }, to: "model")

    addMethod(Builtin(
      "evaluate",
      [Parameter("self"), Parameter("x"), Parameter("y"), Parameter("batch_size", default: Value.none), Parameter("verbose", default: .string("auto"))],
      kind: "method",
      doc: "The loss (and accuracy) on data the model has not trained on: loss, acc = model.evaluate(x_test, y_test). Returns [loss, accuracy] with a metric, the loss alone without."
    ) { (args, ev) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      guard let compilation = m.compilation else { throw RuntimeError(.training(.notCompiled(model: "model", method: "evaluate"))) }
      let (x, y) = try TrainingArguments.data(m, args["x"], args["y"], function: "evaluate", evaluator: ev)
      let accuracy = try compilation.check(labels: y, output: m.outputShape ?? [])
      var settings = FitSettings()
      settings.batchSize = try TrainingArguments.batchSize(args)
      let verbose = try TrainingArguments.verbose(args)
      let start = MonotonicClock.seconds()
      let measured = try FitRun(model: m, compilation: compilation, settings: settings, evaluator: ev, frameID: 0)
        .measure(x: x, y: y, accuracy: accuracy)
      var logs = [("loss", measured.loss)]
      if let metric = compilation.metric, let acc = measured.accuracy { logs.append((metric, acc)) }
      logs.sort { $0.0 < $1.0 }
      if verbose > 0 {
        let steps = (x.shape[0] + settings.batchSize - 1) / settings.batchSize
        let elapsed = MonotonicClock.seconds() - start
        ev.host?.write(ProgressLine(target: steps).text(current: steps, elapsed: elapsed, secondsPerStep: elapsed / Double(steps), metrics: logs, finished: true) + "\n", toStderr: false)
      }
      guard let acc = measured.accuracy else { return .number(measured.loss) }
      return .list([.number(measured.loss), .number(acc)])
    }, to: "model")

    addMethod(Builtin(
      "predict", [Parameter("self"), Parameter("x"), Parameter("batch_size", default: Value.none), Parameter("verbose", default: .number(0))],
      kind: "method",
      doc: "The model's outputs for a batch, computed batch_size samples at a time: p = model.predict(x_test[:5]) gives one row of class probabilities per image. One image (28, 28, 1) gives its outputs without the batch axis, as model(x)."
    ) { (args, ev) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      let x = try TensorArgument.tensor(args["x"], function: "predict", parameter: "x")
      let batchSize = try TrainingArguments.batchSize(args)
      if m.graph == nil || !TrainingArguments.isBatch(x, of: m) { return .tensor(try m.predict(x, evaluator: ev)) }
      return .tensor(try m.predictBatches(TrainingArguments.withChannel(x, for: m), batchSize: batchSize, evaluator: ev))
    }, to: "model")

    addMethod(Builtin(
      "train_on_batch", [Parameter("self"), Parameter("x"), Parameter("y")], kind: "method",
      doc: "One training step on one batch: the loss (and accuracy) of the batch before the step. loss = model.train_on_batch(x[:32], y[:32])."
    ) { (args, ev) throws(RuntimeError) in
      guard let m = model(args["self"]) else { return .none }
      guard let compilation = m.compilation else { throw RuntimeError(.training(.notCompiled(model: "model", method: "train_on_batch"))) }
      let (x, y) = try TrainingArguments.data(m, args["x"], args["y"], function: "train_on_batch", evaluator: ev)
      let accuracy = try compilation.check(labels: y, output: m.outputShape ?? [])
      try TrainingArguments.checkMemory(m, batch: x.shape[0])
      let result = try m.trainStep(x: x, y: y, compilation: compilation, evaluator: ev)
      guard let accuracy else { return .number(result.loss) }
      let (c, t) = accuracy.count(predictions: result.predictions, labels: y)
      let logs = [("loss", result.loss), (compilation.metric ?? "accuracy", Double(c) / Double(max(t, 1)))].sorted { $0.0 < $1.0 }
      return .list(logs.map { .number($0.1) })
    }, to: "model")

    addProperty(Property("optimizer", doc: "The optimizer compile chose (None before compile).") { v in
      guard let m = model(v), let c = m.compilation else { return .none }
      return .training(.optimizer(c.optimizer))
    }, to: "model")
  }
}
