import Glibc

/// Numbers as a learner reads them: integers without `.0`, otherwise a few significant
/// digits with trailing zeros dropped, and exponents only for the very large or small.
/// Legends and value tables both print through here.
public enum NumberText {
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
  static func fixed(_ v: Double, decimals: Int) -> String {
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
