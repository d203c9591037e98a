import Glibc

/// One number through a C printf conversion (`"%10.3f"`, `"%.6e"`, `"%.3g"`), without
/// Foundation: `String(format:)` lives in the full Foundation, whose libraries (ICU among
/// them) would add megabytes to every kernel's resident memory.
public func printfFormat(_ spec: String, _ value: Double) -> String {
  var buffer = [CChar](repeating: 0, count: 512)
  let written = withVaList([value]) { arguments in
    vsnprintf(&buffer, buffer.count, spec, arguments)
  }
  guard written >= 0 else { return String(value) }
  return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// `text` padded with spaces on the right to `width` characters (never cut).
public func leftAligned(_ text: String, width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
