import TensorEngine

// Training's vocabulary, as Keras 3 names it: `model.compile`, `fit`, `evaluate`, `predict`,
// `train_on_batch`, the weights, the optimizers, losses and callbacks.
extension BuiltinRegistry {
  mutating func addTraining() {
    addOptimizers()
    addLosses()
    addCallbacks()
    addModelTraining()
    addWeights()
    addDiagnosis()
    add(Builtin(
      "to_categorical", [Parameter("y"), Parameter("num_classes", default: Value.none)],
      doc: "One-hot labels: to_categorical([0, 2], 3) is [[1, 0, 0], [0, 0, 1]]. For categorical_crossentropy; sparse_categorical_crossentropy takes the class numbers as they are."
    ) { (args, _) throws(RuntimeError) in
      let y = try args.tensorArgument("y")
      let largest = y.values.max().map { Int($0) } ?? 0
      let classes = try args.optionalInt("num_classes") ?? largest + 1
      guard classes >= 1, y.values.allSatisfy({ $0 >= 0 && $0 == $0.rounded(.towardZero) && Int($0) < classes }) else {
        throw args.typeError("y", .classNumbers(upTo: max(classes - 1, 0)))
      }
      // As Keras: labels shaped (N, 1) give (N, classes), not (N, 1, classes).
      let shape = (y.rank > 1 && y.shape.last == 1 ? Array(y.shape.dropLast()) : y.shape) + [classes]
      do { try MemoryBudget.check(operation: "to_categorical", shape: shape) } catch { throw RuntimeError(.engine(error as? TensorError ?? .cancelled)) }
      var values = [Float](repeating: 0, count: y.count * classes)
      for (i, label) in y.values.enumerated() { values[i * classes + Int(label)] = 1 }
      return .tensor(Tensor(shape: shape, values: values))
    })
  }

  private mutating func addOptimizers() {
    func optimizer(_ name: String, _ parameters: [Parameter], doc: String, make: @escaping (Arguments) throws -> Optimizer) {
      add(Builtin(name, parameters, kind: "class", doc: doc) { (args, _) throws(RuntimeError) in
        do { return .training(.optimizer(try make(args))) } catch let error as RuntimeError { throw error } catch {
          throw RuntimeError(.engine(error as? TensorError ?? .invalidArgument(operation: name, reason: .unexpected("\(error)"))))
        }
      })
    }
    let clip = [Parameter("clipnorm", default: Value.none), Parameter("clipvalue", default: Value.none)]
    func optionalFloat(_ args: Arguments, _ name: String) throws -> Float? {
      args[name].isNone ? nil : Float(try args.number(name))
    }
    optimizer(
      "SGD", [Parameter("learning_rate", default: .number(0.01)), Parameter("momentum", default: .number(0)), Parameter("nesterov", default: .bool(false))] + clip,
      doc: "Stochastic gradient descent, as Keras: velocity = momentum * velocity - learning_rate * g; w += velocity (nesterov=True looks ahead). model.compile(optimizer=SGD(learning_rate=0.1, momentum=0.9), ...)."
    ) { args in
      try Optimizer.sgd(
        learningRate: Float(try args.number("learning_rate")), momentum: Float(try args.number("momentum")),
        nesterov: try args.bool("nesterov"), clipNorm: try optionalFloat(args, "clipnorm"), clipValue: try optionalFloat(args, "clipvalue"))
    }
    optimizer(
      "Adam", [Parameter("learning_rate", default: .number(0.001)), Parameter("beta_1", default: .number(0.9)), Parameter("beta_2", default: .number(0.999)), Parameter("epsilon", default: .number(1e-7))] + clip,
      doc: "Adam with Keras's defaults and update: m and v are running means of the gradient and its square; w -= lr * sqrt(1 - beta_2^t) / (1 - beta_1^t) * m / (sqrt(v) + epsilon). Adam(learning_rate=0.001)."
    ) { args in
      try Optimizer.adam(
        learningRate: Float(try args.number("learning_rate")), beta1: Float(try args.number("beta_1")),
        beta2: Float(try args.number("beta_2")), epsilon: Float(try args.number("epsilon")),
        clipNorm: try optionalFloat(args, "clipnorm"), clipValue: try optionalFloat(args, "clipvalue"))
    }
    optimizer(
      "AdamW", [Parameter("learning_rate", default: .number(0.001)), Parameter("weight_decay", default: .number(0.004)), Parameter("beta_1", default: .number(0.9)), Parameter("beta_2", default: .number(0.999)), Parameter("epsilon", default: .number(1e-7))] + clip,
      doc: "Adam with decoupled weight decay, as Keras: w -= w * weight_decay * learning_rate before each Adam step. AdamW(learning_rate=0.001, weight_decay=0.004)."
    ) { args in
      try Optimizer.adamW(
        learningRate: Float(try args.number("learning_rate")), weightDecay: Float(try args.number("weight_decay")),
        beta1: Float(try args.number("beta_1")), beta2: Float(try args.number("beta_2")), epsilon: Float(try args.number("epsilon")),
        clipNorm: try optionalFloat(args, "clipnorm"), clipValue: try optionalFloat(args, "clipvalue"))
    }
    optimizer(
      "RMSprop", [Parameter("learning_rate", default: .number(0.001)), Parameter("rho", default: .number(0.9)), Parameter("momentum", default: .number(0)), Parameter("epsilon", default: .number(1e-7)), Parameter("centered", default: .bool(false))] + clip,
      doc: "RMSprop, as Keras: a running mean of the squared gradient divides each step; w -= lr * g / (sqrt(mean) + epsilon). RMSprop(learning_rate=0.001)."
    ) { args in
      try Optimizer.rmsprop(
        learningRate: Float(try args.number("learning_rate")), rho: Float(try args.number("rho")),
        momentum: Float(try args.number("momentum")), epsilon: Float(try args.number("epsilon")), centered: try args.bool("centered"),
        clipNorm: try optionalFloat(args, "clipnorm"), clipValue: try optionalFloat(args, "clipvalue"))
    }
    describeType("optimizer", "An optimizer: how each training step changes the weights from their gradients.")
    addProperty(Property("learning_rate", doc: "The step size.") { v in
      guard case .training(.optimizer(let o)) = v else { return .none }
      return .number(TrainingText.decimal(o.learningRate))
    }, to: "optimizer")
    addProperty(Property("iterations", doc: "Training steps this optimizer has taken.") { v in
      guard case .training(.optimizer(let o)) = v else { return .none }
      return .number(Double(o.iterations))
    }, to: "optimizer")
  }

  private mutating func addLosses() {
    let logits = [Parameter("from_logits", default: .bool(false))]
    let losses: [(String, String, (Bool) -> Loss)] = [
      ("SparseCategoricalCrossentropy", "Cross-entropy against class numbers (0, 1, 2, ...): -log of the probability given to the right class, averaged over the batch.", { .sparseCategoricalCrossentropy(fromLogits: $0) }),
      ("CategoricalCrossentropy", "Cross-entropy against one-hot labels: -sum(y * log(p)), averaged over the batch.", { .categoricalCrossentropy(fromLogits: $0) }),
      ("BinaryCrossentropy", "Cross-entropy of yes/no outputs: -(y log p + (1 - y) log(1 - p)), averaged.", { .binaryCrossentropy(fromLogits: $0) }),
    ]
    for (name, doc, make) in losses {
      add(Builtin(name, logits, kind: "class", doc: doc + " from_logits=True when the last layer has no softmax or sigmoid.") {
        (args, _) throws(RuntimeError) in .training(.loss(make(try args.bool("from_logits"))))
      })
    }
    add(Builtin("MeanSquaredError", [], kind: "class", doc: "The mean of (y - prediction)**2.") { (_, _) throws(RuntimeError) in .training(.loss(.meanSquaredError)) })
    add(Builtin("MeanAbsoluteError", [], kind: "class", doc: "The mean of |y - prediction|.") { (_, _) throws(RuntimeError) in .training(.loss(.meanAbsoluteError)) })
    describeType("loss", "A loss: how wrong the model's outputs are, the number training makes smaller.")
  }

  private mutating func addCallbacks() {
    add(Builtin(
      "EarlyStopping",
      [Parameter("monitor", default: .string("val_loss")), Parameter("min_delta", default: .number(0)), Parameter("patience", default: .number(0)), Parameter("restore_best_weights", default: .bool(false))],
      kind: "class",
      doc: "Stops fit when `monitor` has not improved for `patience` epochs; with restore_best_weights=True the model gets back the weights of its best epoch. fit(..., callbacks=[EarlyStopping(patience=2)])."
    ) { (args, _) throws(RuntimeError) in
      let patience = try args.int("patience")
      guard patience >= 0 else { throw RuntimeError(.negativeValue(function: "EarlyStopping", parameter: "patience")) }
      return .training(.callback(Callback(
        kind: .earlyStopping(patience: patience, minDelta: abs(try args.number("min_delta")), restoreBestWeights: try args.bool("restore_best_weights")),
        monitor: try args.string("monitor"))))
    })
    add(Builtin(
      "ModelCheckpoint",
      [Parameter("filepath"), Parameter("monitor", default: .string("val_loss")), Parameter("save_best_only", default: .bool(false)), Parameter("save_weights_only", default: .bool(true))],
      kind: "class",
      doc: "Saves the weights at the end of each epoch (only when `monitor` improved, with save_best_only=True), as model.save_weights(filepath) does."
    ) { (args, _) throws(RuntimeError) in
      .training(.callback(Callback(
        kind: .modelCheckpoint(path: try args.string("filepath"), saveBestOnly: try args.bool("save_best_only")),
        monitor: try args.string("monitor"))))
    })
    describeType("callback", "Something fit does at the end of each epoch: stop early, or save the weights.")
    describeType("History", "What fit returns: history.history maps 'loss', 'accuracy', 'val_loss', 'val_accuracy' to one value per epoch.")
    addProperty(Property("history", doc: "A dict of lists, one value per epoch: history.history[\"loss\"], history.history[\"val_accuracy\"].") { (v) throws(RuntimeError) in
      guard case .training(.history(let h)) = v else { return .none }
      return .dict(try DictStorage(h.keys.map { key in (.string(key), .list((h.values[key] ?? []).map { .number($0) })) }))
    }, to: "History")
    addProperty(Property("params", doc: "The run's settings: verbose, epochs and steps per epoch.") { (v) throws(RuntimeError) in
      guard case .training(.history(let h)) = v else { return .none }
      return .dict(try DictStorage(h.params.map { (.string($0.0), $0.1) }))
    }, to: "History")
    addProperty(Property("epoch", doc: "The epochs' numbers, from 0.") { v in
      guard case .training(.history(let h)) = v else { return .none }
      return .list(h.epoch.map { .number(Double($0)) })
    }, to: "History")
  }
}
