import Glibc
import TensorEngine
import TextAndTime

// Output, display, help, time and the basic questions about values.
extension BuiltinRegistry {
  mutating func addCoreFunctions() {
    add(Constant("stdout", .stream(.stdout), doc: "The standard output stream, the default for print(file=...)."))
    add(Constant("stderr", .stream(.stderr), doc: "The standard error stream: print(..., file=stderr) writes there, shown in red by most notebooks."))

    add(Builtin(
      "print",
      [
        Parameter("values", variadic: true), Parameter("sep", default: .string(" "), keywordOnly: true),
        Parameter("end", default: .string("\n"), keywordOnly: true), Parameter("file", default: .stream(.stdout), keywordOnly: true),
      ],
      doc: "Writes the values as text, separated by sep and followed by end, to stdout (or to stderr with file=stderr). Strings are written without quotes. Example: print(\"shape\", (28, 28)) writes shape (28, 28)."
    ) { (args, ev) throws(RuntimeError) in
      let sep = args["sep"].isNone ? " " : try args.string("sep")
      let end = args["end"].isNone ? "\n" : try args.string("end")
      guard case .stream(let stream) = args["file"] else { throw args.typeError("file", .stream) }
      ev.host?.write(args.rest.map(\.str).joined(separator: sep) + end, toStderr: stream == .stderr)
      return .none
    })

    add(Builtin(
      "show",
      [
        Parameter("value"), Parameter("title", default: Value.none), Parameter("cmap", default: Value.none),
        Parameter("mode", default: Value.none), Parameter("scale", default: Value.none),
        Parameter("channels", default: Value.none), Parameter("class_names", default: Value.none),
      ],
      doc: "Displays a value in the cell's output at once, without waiting for the end of the cell. Options: title (text above it), cmap (a colormap name such as \"gray\"), mode, scale (\"shared\", \"per_channel\" or a pair (min, max); pixels of a picture keep 0..255 or 0..1, anything else is drawn on its own range), channels (which feature maps: a number, a pair (first, stop) or a range), class_names (labels for a vector of probabilities). Example: show(x, title=\"input\")."
    ) { (args, ev) throws(RuntimeError) in
      var options: [String: Value] = [:]
      for (name, value) in args.givenNamed where name != "value" { options[name] = value }
      if let problem = ev.host?.problem(withShowOptions: options) { throw RuntimeError(.displayOption(problem)) }
      ev.host?.show(args["value"], options: options)
      return .none
    })

    add(Builtin(
      "display", [Parameter("objs", variadic: true)],
      doc: "IPython's display(): shows each value at once, as show(value) does. Example: display(x, y)."
    ) { (args, ev) throws(RuntimeError) in
      for value in args.rest { ev.host?.show(value, options: [:]) }
      return .none
    })

    add(Builtin(
      "clear_output", [Parameter("wait", default: .bool(false))],
      doc: "Clears this cell's output. With wait=True the old output stays until new output arrives, which avoids flicker in a loop that redraws a picture."
    ) { (args, ev) throws(RuntimeError) in
      ev.host?.clearOutput(wait: try args.bool("wait"))
      return .none
    })

    add(Builtin(
      "help", [Parameter("name", default: Value.none)],
      doc: "Shows the documentation of a built-in, a function or a value in the pager. help(print) or help(\"print\") explains print; help() lists every built-in."
    ) { (args, ev) throws(RuntimeError) in
      let text = args.wasGiven("name")
        ? Documentation(evaluator: ev).help(for: args["name"])
        : Documentation(evaluator: ev).overview()
      ev.host?.page(text)
      return .none
    })

    for name in ["exit", "quit"] {
      add(Builtin(
        name, [Parameter("keep_kernel", default: .bool(false))],
        doc: "Ends a jupyter console session, as in IPython (a notebook ignores it). \(name) alone works too; keep_kernel=True leaves the kernel running."
      ) { (args, ev) throws(RuntimeError) in
        ev.host?.askExit(keepKernel: try args.bool("keep_kernel"))
        return .none
      })
    }

    add(Builtin(
      "sleep", [Parameter("seconds")],
      doc: "Waits for the given number of seconds (fractions allowed). An interrupt ends the wait at once. Example: sleep(0.5)."
    ) { (args, ev) throws(RuntimeError) in
      let seconds = try args.number("seconds")
      guard seconds >= 0, seconds.isFinite else { throw RuntimeError(.negativeValue(function: "sleep", parameter: "seconds")) }
      // Short slices keep an interrupt's answer well under 100 ms.
      let deadline = MonotonicClock.seconds() + seconds
      while true {
        try ev.checkCancellation()
        let remaining = deadline - MonotonicClock.seconds()
        if remaining <= 0 { break }
        usleep(useconds_t(min(remaining, 0.01) * 1_000_000))
      }
      return .none
    })

    add(Builtin(
      "len", [Parameter("obj")],
      doc: "The number of items in a list, tuple, range, string or dict. Example: len([3, 0, 1]) is 3."
    ) { (args, _) throws(RuntimeError) in
      switch args["obj"] {
      case .list(let l): return .number(Double(l.items.count))
      case .dict(let d): return .number(Double(d.count))
      case .tuple(let t): return .number(Double(t.count))
      case .string(let s): return .number(Double(s.count))
      case .range(let r): return .number(Double(r.count))
      default: throw args.typeError("obj", .sized)
      }
    })

    add(Builtin(
      "range", [Parameter("start"), Parameter("stop", default: Value.none), Parameter("step", default: .number(1))],
      doc: "The whole numbers from start up to (not including) stop, counting by step. range(n) counts 0, 1, ..., n-1. Example: list(range(2, 10, 3)) is [2, 5, 8]."
    ) { (args, _) throws(RuntimeError) in
      var start = try args.int("start")
      var stop = 0
      if args.wasGiven("stop") { stop = try args.int("stop") } else { (start, stop) = (0, start) }
      let step = try args.int("step")
      if step == 0 { throw RuntimeError(.rangeStepZero) }
      // Beyond 2**53 numbers stop being exact, and the count could overflow.
      let exact = 1 << 53
      if [start, stop, step].contains(where: { abs($0) > exact }) { throw RuntimeError(.numberTooLarge("range")) }
      return .range(RangeValue(start: start, stop: stop, step: step))
    })

    add(Builtin(
      "type", [Parameter("obj")],
      doc: "The name of a value's type, as a string: \"number\", \"str\", \"bool\", \"None\", \"list\", \"tuple\", \"range\" or \"function\". Example: type(3.5) is \"number\"."
    ) { (args, _) throws(RuntimeError) in .string(args["obj"].typeName) })

    add(Builtin(
      "repr", [Parameter("obj")],
      doc: "The text a cell shows for a value: strings in quotes, lists in brackets. Example: repr(\"a\") is \"'a'\"."
    ) { (args, _) throws(RuntimeError) in .string(args["obj"].repr) })
  }
}
