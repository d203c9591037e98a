import Glibc

/// The one place that decides how a number reads. `repr` is the language's form (whole
/// numbers without `.0`, the rest in the shortest form that reads back the same); `compact`
/// is the pictures' form (a few significant digits, exponents only for the very large or
/// small), which legends and value tables print through.
public enum NumberText {
  /// `3` → "3", `0.1` → "0.1", `1e20` → "1e+20", `NaN` → "nan".
  public static func repr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if let whole = wholeNumber(d), abs(d) < 1e16 { return String(whole) }
    return d.description
  }

  /// The integer a double holds exactly, if any (so `3.0` is 3 and `3.5` is nil).
  public static func wholeNumber(_ d: Double) -> Int? {
    guard d.rounded(.towardZero) == d, abs(d) < 9.2e18 else { return nil }
    return Int(d)
  }

  /// `255` → "255", `-1.5` → "-1.5", `0.333333` → "0.3333" (4 significant digits by default),
  /// `0.00002` → "2e-5", `NaN` → "nan".
  public static func compact(_ value: Float, significant: Int = 4) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let v = Double(value)
    let magnitude = abs(v)
    if v == v.rounded(), magnitude < 1e7 { return String(Int64(v)) }
    if magnitude >= 1e6 || magnitude < 1e-3 { return scientific(v, significant: significant) }
    let exponent = Int(floor(log10(magnitude)))
    let decimals = min(6, max(0, significant - 1 - exponent))
    return fixed(v, decimals: decimals)
  }

  /// `v` rounded to `decimals` places, written without a trailing `.0` or zeros.
  public static func fixed(_ v: Double, decimals: Int) -> String {
    var power: Int64 = 1
    for _ in 0..<decimals { power *= 10 }
    let scaled = Int64((abs(v) * Double(power)).rounded())
    let whole = scaled / power
    var fraction = String(scaled % power)
    if decimals > 0 {
      fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
      while fraction.hasSuffix("0") { fraction.removeLast() }
    } else {
      fraction = ""
    }
    let sign = v < 0 && scaled != 0 ? "-" : ""
    return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// `1.5e-5`, `2.25e7`: a mantissa with `significant - 1` decimals at most.
  static func scientific(_ v: Double, significant: Int) -> String {
    var exponent = Int(floor(log10(abs(v))))
    var mantissa = v / pow(10, Double(exponent))
    let places = max(0, min(3, significant - 1))
    let unit = pow(10, Double(places))
    mantissa = (mantissa * unit).rounded() / unit
    if abs(mantissa) >= 10 {
      mantissa /= 10
      exponent += 1
    }
    return fixed(mantissa, decimals: places) + "e" + String(exponent)
  }
}
