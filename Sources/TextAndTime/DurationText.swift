import Glibc

/// Durations as IPython's `%time` and `%timeit` print them: three significant digits in the
/// largest unit that keeps the number at least 1 (`10.5 ms`, `137 µs`, `0 ns`), and
/// `1min 5s`-style parts from a minute up.
public enum DurationText {
  public static func ipython(_ seconds: Double, precision: Int = 3) -> String {
    if seconds >= 60 {
      var rest = seconds
      var parts: [String] = []
      for (suffix, length) in [("d", 86_400.0), ("h", 3_600.0), ("min", 60.0), ("s", 1.0)] {
        let value = (rest / length).rounded(.down)
        if value > 0 {
          parts.append("\(Int(value))\(suffix)")
          rest -= value * length
        }
        if rest < 1 { break }
      }
      return parts.joined(separator: " ")
    }
    let units = ["s", "ms", "\u{00B5}s", "ns"]
    let scaling = [1.0, 1e3, 1e6, 1e9]
    var order = 3
    if seconds > 0 {
      // Python's floor division of floor(log10) by 3, negated.
      let exponent = Int(floor(log10(seconds)))
      let thousands = exponent >= 0 ? exponent / 3 : -((-exponent + 2) / 3)
      order = min(-thousands, 3)
    }
    return printfFormat("%.\(precision)g", seconds * scaling[order]) + " " + units[order]
  }
}
