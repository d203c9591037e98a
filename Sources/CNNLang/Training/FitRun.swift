import TensorEngine
import TextAndTime

/// `fit`'s arguments, with Keras's defaults.
struct FitSettings {
  var batchSize = 32
  var epochs = 1
  /// 0 silent, 1 the live progress line and chart, 2 one line per epoch.
  var verbose = 1
  var validationSplit = 0.0
  var validationData: (x: Tensor, y: Tensor)?
  var shuffle = true
  var callbacks: [Callback] = []
  /// A layer whose filters are redrawn beside the chart as they learn.
  var watchedFilters: Layer?
}

/// One call of `fit`: the epochs, each a pass over shuffled batches with a training step
/// each, the validation at the epoch's end, the callbacks, and the live view.
struct FitRun {
  let model: Model
  let compilation: Compilation
  let settings: FitSettings
  let evaluator: Evaluator
  let frameID: Int

  /// How often the live view is redrawn: Keras redraws its line every 0.05 s; a notebook's
  /// front end is happier with fewer, larger updates.
  static let textInterval = 0.1
  static let chartInterval = 0.5

  func run(x: Tensor, y: Tensor, accuracy: AccuracyKind?) throws(RuntimeError) -> History {
    let total = x.shape.first ?? 0
    var (trainX, trainY) = (x, y)
    var validation = settings.validationData
    if validation == nil, settings.validationSplit > 0 {
      // As Keras: the last samples, before any shuffling.
      let held = Int(Double(total) * settings.validationSplit)
      let kept = total - held
      guard held > 0, kept > 0 else { throw RuntimeError(.training(.emptyData(what: held == 0 ? .validationSplit : .trainingPart))) }
      trainX = Batches.slice(x, from: 0, count: kept)
      trainY = Batches.slice(y, from: 0, count: kept)
      validation = (Batches.slice(x, from: kept, count: held), Batches.slice(y, from: kept, count: held))
    }
    let count = trainX.shape.first ?? 0
    let batchSize = min(settings.batchSize, count)
    let steps = (count + batchSize - 1) / batchSize
    let history = History()
    history.params = [("verbose", .number(Double(settings.verbose))), ("epochs", .number(Double(settings.epochs))), ("steps", .number(Double(steps)))]
    model.history = history
    for c in settings.callbacks { c.reset() }

    var view = LiveView(frameID: frameID, epochs: settings.epochs, names: compilation.trainingKeys.filter { $0 != "loss" }, verbose: settings.verbose, evaluator: evaluator, filters: settings.watchedFilters)
    var order = Array(0..<count)
    let firstEpoch = model.epochsTaken
    for epoch in 0..<settings.epochs {
      if settings.shuffle {
        var generator = SeededGenerator(seed: 0x5EED_F17 &+ UInt64(firstEpoch + epoch))
        order.shuffle(using: &generator)
      }
      view.beginEpoch(epoch, steps: steps)
      var lossSum = 0.0
      var seen = 0
      var correct = 0
      var judged = 0
      for step in 0..<steps {
        let start = step * batchSize
        let indices = order[start..<min(start + batchSize, count)]
        let bx = settings.shuffle ? Batches.gather(trainX, indices) : Batches.slice(trainX, from: start, count: indices.count)
        let by = settings.shuffle ? Batches.gather(trainY, indices) : Batches.slice(trainY, from: start, count: indices.count)
        let result: StepResult
        do {
          result = try model.trainStep(x: bx, y: by, compilation: compilation, evaluator: evaluator)
        } catch where error.message == .keyboardInterrupt {
          view.stopped()
          throw RuntimeError(.training(.interrupted(epoch: epoch + 1, epochs: settings.epochs, step: step, steps: steps)))
        }
        guard result.loss.isFinite else {
          view.stopped()
          throw RuntimeError(.training(.notFinite(epoch: epoch + 1, step: step + 1)))
        }
        lossSum += result.loss * Double(indices.count)
        seen += indices.count
        if let accuracy {
          let (c, t) = accuracy.count(predictions: result.predictions, labels: by)
          correct += c
          judged += t
        }
        var logs = [("loss", lossSum / Double(seen))]
        if let metric = compilation.metric { logs.append((metric, Double(correct) / Double(max(judged, 1)))) }
        view.stepEnded(step + 1, logs: logs.sorted { $0.0 < $1.0 })
      }
      var logs = [("loss", lossSum / Double(max(seen, 1)))]
      if let metric = compilation.metric { logs.append((metric, Double(correct) / Double(max(judged, 1)))) }
      if let (vx, vy) = validation {
        let measured = try measure(x: vx, y: vy, accuracy: accuracy)
        logs.append(("val_loss", measured.loss))
        if let metric = compilation.metric, let acc = measured.accuracy { logs.append(("val_" + metric, acc)) }
      }
      logs.sort { $0.0 < $1.0 }
      model.epochsTaken += 1
      history.append(epoch: epoch, logs: logs)
      view.endEpoch(logs: logs)
      var stop = false
      for callback in settings.callbacks {
        let (halt, isBest) = callback.epochEnded(logs: logs)
        try handle(callback, isBest: isBest)
        stop = stop || halt
      }
      if stop { break }
    }
    for callback in settings.callbacks {
      if case .earlyStopping(_, _, true) = callback.kind, let best = callback.bestWeights {
        try model.setWeights(best)
      }
    }
    view.finish()
    return history
  }

  private func handle(_ callback: Callback, isBest: Bool) throws(RuntimeError) {
    switch callback.kind {
    case .earlyStopping(_, _, let restore):
      if restore && isBest { callback.bestWeights = try model.getWeights() }
    case .modelCheckpoint(let path, let saveBestOnly):
      if isBest || !saveBestOnly { try WeightsFile.save(model, to: path, evaluator: evaluator) }
    }
  }

  /// The loss and accuracy over `x` in inference mode, in batches.
  func measure(x: Tensor, y: Tensor, accuracy: AccuracyKind?) throws(RuntimeError) -> (loss: Double, accuracy: Double?) {
    let predictions = try model.predictBatches(x, batchSize: settings.batchSize, evaluator: evaluator)
    let loss: Double
    do {
      loss = Double(try compilation.loss.evaluate(predictions: predictions, labels: y).value)
    } catch {
      throw RuntimeError(.engine(error as? TensorError ?? .invalidArgument(operation: compilation.loss.name, reason: .unexpected("\(error)"))))
    }
    guard let accuracy else { return (loss, nil) }
    let (c, t) = accuracy.count(predictions: predictions, labels: y)
    return (loss, Double(c) / Double(max(t, 1)))
  }
}

/// The progress line and chart of one `fit`, redrawn at most every `textInterval` and
/// `chartInterval` seconds through the host.
struct LiveView {
  let frameID: Int
  let epochs: Int
  let metricNames: [String]
  let verbose: Int
  let evaluator: Evaluator
  let filters: Layer?

  private var finishedLines: [String] = []
  private var line = ""
  private var progress = ProgressLine(target: 0)
  private var epochStart = 0.0
  private var firstStepEnd: Double?
  private var lastText = 0.0
  private var lastChart = 0.0
  private var steps: [(x: Double, values: [Double])] = []
  private var validation: [(x: Double, values: [Double])] = []
  private var epoch = 0
  private var stepsPerEpoch = 1
  private var chartEvery = 1

  init(frameID: Int, epochs: Int, names: [String], verbose: Int, evaluator: Evaluator, filters: Layer?) {
    self.frameID = frameID
    self.epochs = epochs
    self.metricNames = names
    self.verbose = verbose
    self.evaluator = evaluator
    self.filters = filters
  }

  private var names: [String] { ["loss"] + metricNames }

  mutating func beginEpoch(_ index: Int, steps: Int) {
    epoch = index
    stepsPerEpoch = max(steps, 1)
    chartEvery = max(1, steps / 60)
    progress = ProgressLine(target: steps)
    epochStart = MonotonicClock.seconds()
    firstStepEnd = nil
    finishedLines.append("Epoch \(index + 1)/\(epochs)")
    line = ""
    if verbose == 1 { publish(chart: index == 0) }
  }

  mutating func stepEnded(_ step: Int, logs: [(String, Double)]) {
    let now = MonotonicClock.seconds()
    if step == 1 { firstStepEnd = now }
    if step % chartEvery == 0 || step == stepsPerEpoch {
      steps.append((Double(epoch) + Double(step) / Double(stepsPerEpoch), names.map { n in logs.first { $0.0 == n }?.1 ?? .nan }))
    }
    guard verbose == 1, now - lastText >= FitRun.textInterval else { return }
    line = progress.text(current: step, elapsed: now - epochStart, secondsPerStep: perStep(step, now), metrics: logs, finished: false)
    publish(chart: now - lastChart >= FitRun.chartInterval)
  }

  mutating func endEpoch(logs: [(String, Double)]) {
    let now = MonotonicClock.seconds()
    let target = stepsPerEpoch
    line = progress.text(current: target, elapsed: now - epochStart, secondsPerStep: perStep(target, now), metrics: logs, finished: true)
    validation.append((Double(epoch + 1), names.map { n in logs.first { $0.0 == "val_" + n }?.1 ?? .nan }))
    finishedLines.append(line)
    line = ""
    if verbose == 1 { publish(chart: true) }
    if verbose == 2 {
      let text = "\(target)/\(target) - \(Int((now - epochStart).rounded()))s -" + ProgressLine.perStep(perStep(target, now))
        + logs.map { " - \($0.0): " + ProgressLine.metric($0.1) }.joined()
      evaluator.host?.write("Epoch \(epoch + 1)/\(epochs)\n" + text + "\n", toStderr: false)
    }
  }

  /// An interrupted epoch keeps its last line as it stood.
  mutating func stopped() {
    if !line.isEmpty { finishedLines.append(line) }
    line = ""
    if verbose == 1 { publish(chart: true, final: true) }
  }

  mutating func finish() {
    if verbose == 1 { publish(chart: true, final: true) }
    if verbose == 2 { evaluator.host?.training(frame(chart: true, final: true, text: nil)) }
  }

  private func perStep(_ step: Int, _ now: Double) -> Double {
    if let first = firstStepEnd, step > 1 { return (now - first) / Double(step - 1) }
    return (now - epochStart) / Double(max(step, 1))
  }

  private mutating func publish(chart: Bool, final: Bool = false) {
    let now = MonotonicClock.seconds()
    lastText = now
    if chart { lastChart = now }
    evaluator.host?.training(frame(chart: chart, final: final, text: (finishedLines + (line.isEmpty ? [] : [line])).joined(separator: "\n")))
  }

  private func frame(chart: Bool, final: Bool, text: String?) -> TrainingFrame {
    TrainingFrame(
      id: frameID, text: text,
      curves: chart ? TrainingCurves(epochs: epochs, names: names, steps: steps, validation: validation) : nil,
      filters: chart ? filters?.kernelTensor : nil, isFinal: final)
  }
}
