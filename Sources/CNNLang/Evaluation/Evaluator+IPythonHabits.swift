import Glibc
import TextAndTime

// IPython's habits: `%time` and `%timeit` (printing what IPython prints), `?name`, and `exit`.
extension Evaluator {
  func executeTimedFlow(_ body: [Stmt], repeated: Bool) throws(RuntimeError) -> Flow {
    try executeTimed(body, repeated: repeated)
    return .normal
  }

  func executeTimed(_ body: [Stmt], repeated: Bool) throws(RuntimeError) {
    if repeated {
      try timeRepeatedly(body)
      return
    }
    _ = try timeOnce(body, result: nil)
  }

  /// `%time` (or `%%time`) as a cell's last statement whose own last statement is the bare
  /// expression `result`: as in IPython, the times are printed and the expression's value is
  /// the cell's result.
  func evaluateTimed(_ body: [Stmt], result: Expr) throws(RuntimeError) -> Value {
    try timeOnce(Array(body.dropLast()), result: result) ?? .none
  }

  private func timeOnce(_ body: [Stmt], result: Expr?) throws(RuntimeError) -> Value? {
    let cpuBefore = Evaluator.processorTimes()
    let start = MonotonicClock.nanoseconds()
    _ = try execute(body)
    var value: Value?
    if let result {
      do { value = try evaluate(result) } catch { throw error.locating(file, result.range) }
    }
    let wall = Double(MonotonicClock.nanoseconds() &- start) / 1e9
    let cpuAfter = Evaluator.processorTimes()
    let user = cpuAfter.user - cpuBefore.user
    let system = cpuAfter.system - cpuBefore.system
    host?.write(
      "CPU times: user \(DurationText.ipython(user)), sys: \(DurationText.ipython(system)), total: \(DurationText.ipython(user + system))\n"
        + "Wall time: \(DurationText.ipython(wall))\n", toStderr: false)
    return value
  }

  /// IPython's timeit: loops per run grow 1, 2, 5, 10, 20, ... until a run takes 0.2 s, then
  /// seven runs of that many loops give the mean and the standard deviation per loop.
  private func timeRepeatedly(_ body: [Stmt]) throws(RuntimeError) {
    func run(_ loops: Int) throws(RuntimeError) -> Double {
      let start = MonotonicClock.nanoseconds()
      for _ in 0..<loops { _ = try execute(body) }
      return Double(MonotonicClock.nanoseconds() &- start) / 1e9
    }
    var loops = 1
    search: for power in 0..<10 {
      for scale in [1, 2, 5] {
        loops = scale * Int(pow(10, Double(power)))
        if try run(loops) >= 0.2 { break search }
      }
    }
    let repeats = 7
    var perLoop: [Double] = []
    for _ in 0..<repeats { perLoop.append(try run(loops) / Double(loops)) }
    let mean = perLoop.reduce(0, +) / Double(repeats)
    let spread = (perLoop.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(repeats)).squareRoot()
    let loopWord = loops == 1 ? "loop" : "loops"
    host?.write(
      "\(DurationText.ipython(mean)) \u{00B1} \(DurationText.ipython(spread)) per loop (mean \u{00B1} std. dev. of \(repeats) runs, \(Evaluator.thousands(loops)) \(loopWord) each)\n",
      toStderr: false)
  }

  /// `1,000`: how IPython writes the loop count.
  static func thousands(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return out
  }

  /// This process's user and system CPU time, in seconds.
  static func processorTimes() -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return (seconds(usage.ru_utime), seconds(usage.ru_stime))
  }

  /// `exit` and `quit` written alone end the session, as IPython's do.
  @discardableResult
  func callIfExit(_ e: Expr, _ value: Value) throws(RuntimeError) -> Bool {
    guard case .name(let name) = e.kind, name == "exit" || name == "quit",
      case .builtin(let b) = value, b.name == name
    else { return false }
    _ = try call(value, positional: [])
    return true
  }

  func executeHelp(_ e: Expr) throws(RuntimeError) {
    let value = try evaluate(e)
    host?.page(Documentation(evaluator: self).help(for: value))
  }
}
