import Glibc
import TensorEngine
import TextAndTime

/// The format mini-language after `:` in an f-string field:
/// `[[fill]align][sign][0][width][,|_][.precision][type]`, as Python reads it.
struct FormatSpec {
  var fill: Character = " "
  var align: Character?
  var sign: Character = "-"
  var zeroPad = false
  var width = 0
  var grouping: Character?
  var precision: Int?
  var type: Character?

  static func parse(_ spec: String) -> FormatSpec? {
    var f = FormatSpec()
    var chars = Array(spec)[...]
    let aligns: Set<Character> = ["<", ">", "^", "="]
    if chars.count >= 2, aligns.contains(chars[chars.startIndex + 1]) {
      f.fill = chars.removeFirst()
      f.align = chars.removeFirst()
    } else if let first = chars.first, aligns.contains(first) {
      f.align = chars.removeFirst()
    }
    if let c = chars.first, c == "+" || c == "-" || c == " " { f.sign = chars.removeFirst() }
    if chars.first == "0" {
      f.zeroPad = true
      chars.removeFirst()
    }
    var digits = ""
    while let c = chars.first, c.isASCII, c.isNumber { digits.append(chars.removeFirst()) }
    f.width = Int(digits) ?? 0
    if let c = chars.first, c == "," || c == "_" { f.grouping = chars.removeFirst() }
    if chars.first == "." {
      chars.removeFirst()
      var p = ""
      while let c = chars.first, c.isASCII, c.isNumber { p.append(chars.removeFirst()) }
      guard let precision = Int(p) else { return nil }
      f.precision = precision
    }
    if let c = chars.first, "bcdeEfFgGnosxX%".contains(c) { f.type = chars.removeFirst() }
    // Python allows more, but a width or precision this large is a typo that would only
    // build an enormous string.
    guard chars.isEmpty, f.width <= 10_000, (f.precision ?? 0) <= 100 else { return nil }
    return f
  }

  /// Formats a value for an f-string field, failing with a ValueError on a spec that does
  /// not fit the value (such as `d` for 2.5).
  static func format(_ value: Value, spec: String, cancellation: CancellationFlag? = nil) throws(RuntimeError) -> String {
    if spec.isEmpty { return try value.text(str: true, cancellation: cancellation) }
    guard let f = parse(spec) else { throw RuntimeError(.invalidFormatSpec(spec: spec, type: value.typeName)) }
    let invalid = RuntimeError(.invalidFormatSpec(spec: spec, type: value.typeName))
    if let d = value.numeric, !(value == .bool(true) || value == .bool(false)) || f.type != nil {
      guard let body = f.number(d) else { throw invalid }
      return f.pad(body, defaultAlign: ">", isNumber: true)
    }
    if f.type != nil && f.type != "s" { throw invalid }
    var text = try value.text(str: true, cancellation: cancellation)
    if let p = f.precision { text = String(text.prefix(p)) }
    return f.pad(text, defaultAlign: "<", isNumber: false)
  }

  /// The sign and digits of a number, before padding; nil if the type does not apply.
  private func number(_ d: Double) -> String? {
    let negative = d < 0 || (d == 0 && d.sign == .minus && type != "d")
    let magnitude = abs(d)
    var digits: String
    switch type {
    case "d":
      guard let whole = NumberText.wholeNumber(magnitude) else { return nil }
      digits = String(whole)
    case "f", "F":
      digits = fixed(magnitude, precision ?? 6)
    case "%":
      digits = fixed(magnitude * 100, precision ?? 6) + "%"
    case "e", "E":
      digits = printfFormat("%.\(precision ?? 6)e", magnitude)
      if type == "E" { digits = digits.uppercased() }
    case "g", "G", "n":
      digits = printfFormat("%.\(max(precision ?? 6, 1))g", magnitude)
      if type == "G" { digits = digits.uppercased() }
    case nil:
      if let p = precision {
        digits = printfFormat("%.\(max(p, 1))g", magnitude)
      } else {
        digits = NumberText.repr(magnitude)
      }
    default:
      return nil
    }
    if magnitude.isNaN { digits = "nan" } else if magnitude.isInfinite { digits = "inf" }
    if let grouping { digits = FormatSpec.group(digits, separator: grouping) }
    let signText = negative ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
    return signText + digits
  }

  private func fixed(_ d: Double, _ precision: Int) -> String {
    if d.isNaN || d.isInfinite { return NumberText.repr(d) }
    return printfFormat("%.\(precision)f", d)
  }

  /// `3000000000` → `3,000,000,000`: separators in the whole part only.
  static func group(_ digits: String, separator: Character) -> String {
    let wholeEnd = digits.firstIndex { !$0.isNumber } ?? digits.endIndex
    let whole = Array(digits[..<wholeEnd])
    var out = ""
    for (i, c) in whole.enumerated() {
      if i > 0 && (whole.count - i) % 3 == 0 { out.append(separator) }
      out.append(c)
    }
    return out + digits[wholeEnd...]
  }

  private func pad(_ body: String, defaultAlign: Character, isNumber: Bool) -> String {
    let count = body.count
    guard width > count else { return body }
    let align = self.align ?? (zeroPad && isNumber ? "=" : defaultAlign)
    let fill = self.align == nil && zeroPad ? "0" : self.fill
    let padding = width - count
    let fillText = { (n: Int) in String(repeating: fill, count: n) }
    switch align {
    case "<": return body + fillText(padding)
    case "^": return fillText(padding / 2) + body + fillText(padding - padding / 2)
    case "=":
      let signCount = body.first.map { "+- ".contains($0) } == true ? 1 : 0
      return String(body.prefix(signCount)) + fillText(padding) + String(body.dropFirst(signCount))
    default: return fillText(padding) + body
    }
  }
}

extension FormatSpec {
  /// `"{} has {:,} weights".format(name, n)`: each field takes the next value (or the one its
  /// number names) and formats it as an f-string field would.
  static func substitute(_ template: String, _ values: [Value], cancellation: CancellationFlag? = nil) throws(RuntimeError) -> String {
    var out = ""
    var next = 0
    var chars = Array(template)[...]
    while let c = chars.popFirst() {
      if c == "}" {
        if chars.first == "}" { chars.removeFirst() }
        out.append("}")
        continue
      }
      guard c == "{" else {
        out.append(c)
        continue
      }
      if chars.first == "{" {
        chars.removeFirst()
        out.append("{")
        continue
      }
      var field = ""
      while let d = chars.first, d != "}" { field.append(chars.removeFirst()) }
      guard chars.popFirst() == "}" else { throw RuntimeError(.invalidFormatSpec(spec: "{" + field, type: "str")) }
      let colon = field.firstIndex(of: ":")
      let name = String(field[..<(colon ?? field.endIndex)])
      let spec = colon.map { String(field[field.index(after: $0)...]) } ?? ""
      let index: Int
      if name.isEmpty {
        index = next
        next += 1
      } else if let i = Int(name) {
        index = i
      } else {
        throw RuntimeError(.invalidFormatSpec(spec: "{" + field + "}", type: "str"))
      }
      guard index >= 0 && index < values.count else {
        throw RuntimeError(.indexOutOfRange(type: "format() argument list", index: index, count: values.count))
      }
      out += try format(values[index], spec: spec, cancellation: cancellation)
    }
    return out
  }
}
