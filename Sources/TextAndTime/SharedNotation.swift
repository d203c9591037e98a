import Glibc

/// One way of writing every number of a table or a printed tensor, chosen from all of them, so
/// that a column never mixes `0.005229` with `9.604e-4`: whole numbers when every value is whole
/// (and not huge); otherwise at most 4 significant digits of the largest magnitude in fixed
/// notation (`0.659, 0.242, 0.099`; `12.5`; fewer digits when asked), or in scientific notation when the largest
/// magnitude is at least 1e5 or below 1e-3. Trailing zeros are dropped (`0.5`, not `0.500`).
public struct SharedNotation: Sendable, Equatable {
  public enum Form: Sendable, Equatable {
    case whole
    case fixed(decimals: Int)
    case scientific
  }

  public let form: Form
  let significant: Int

  public init(form: Form, significant: Int = 4) {
    self.form = form
    self.significant = significant
  }

  /// The notation for `values`, with at most `significant` digits (4 unless said); NaN and
  /// infinities do not take part in the choice.
  public init<S: Sequence>(for values: S, significant: Int = 4) where S.Element == Float {
    var largest: Float = 0
    var allWhole = true
    for v in values where v.isFinite {
      largest = max(largest, abs(v))
      if allWhole, v != v.rounded() { allWhole = false }
    }
    self.significant = significant
    if allWhole, largest < 1e7 {
      form = .whole
    } else if largest >= 1e5 || largest < 1e-3 {
      form = .scientific
    } else {
      // 4 significant digits of the largest value: 9.604, 12.35, 123.5, 1235.
      let digitsBeforePoint = largest < 1 ? 1 : Int(log10(Double(largest))) + 1
      form = .fixed(decimals: max(0, significant - digitsBeforePoint))
    }
  }

  public func text(_ value: Float) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    switch form {
    case .whole: return String(Int64(value))
    case .fixed(let decimals): return NumberText.fixed(Double(value), decimals: decimals)
    case .scientific: return value == 0 ? "0" : NumberText.scientific(Double(value), significant: significant)
    }
  }
}
