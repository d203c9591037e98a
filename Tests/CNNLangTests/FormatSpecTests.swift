import CNNLang
import Testing

/// f-string formats, each expected text produced by CPython's `format(value, spec)`.
struct FormatSpecTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let value: String
    let spec: String
    let expected: String
    var testDescription: String { "\(value):\(spec)" }
  }

  static let cases: [Case] = [
    Case(value: "3.14159", spec: ".2f", expected: "3.14"),
    Case(value: "3000000000", spec: ",", expected: "3,000,000,000"),
    Case(value: "1234567.891", spec: ",.2f", expected: "1,234,567.89"),
    Case(value: "42", spec: "d", expected: "42"),
    Case(value: "7", spec: "04d", expected: "0007"),
    Case(value: "-7", spec: "05d", expected: "-0007"),
    Case(value: "-7", spec: "=+6d", expected: "-    7"),
    Case(value: "0.25", spec: ".1%", expected: "25.0%"),
    Case(value: "12345.678", spec: ".3e", expected: "1.235e+04"),
    Case(value: "12345.678", spec: ".3E", expected: "1.235E+04"),
    Case(value: "0.000123", spec: "g", expected: "0.000123"),
    Case(value: "123456789.0", spec: "g", expected: "1.23457e+08"),
    Case(value: "1.5", spec: ".3g", expected: "1.5"),
    Case(value: "5", spec: "+d", expected: "+5"),
    Case(value: "5", spec: " d", expected: " 5"),
    Case(value: "-5", spec: "d", expected: "-5"),
    Case(value: "3.5", spec: ">8", expected: "     3.5"),
    Case(value: "3.5", spec: "<8", expected: "3.5     "),
    Case(value: "3.5", spec: "^8", expected: "  3.5   "),
    Case(value: "3.5", spec: "*^9.2f", expected: "**3.50***"),
    Case(value: "float('inf')", spec: ".2f", expected: "inf"),
    Case(value: "float('nan')", spec: "f", expected: "nan"),
    Case(value: "1e20", spec: ",", expected: "1e+20"),
    Case(value: "1234", spec: "_", expected: "1_234"),
    Case(value: "0.5", spec: "", expected: "0.5"),
    Case(value: "2.5", spec: ".0f", expected: "2"),
    Case(value: "-0.0", spec: ".1f", expected: "-0.0"),
    Case(value: "1e-7", spec: ".2e", expected: "1.00e-07"),
    Case(value: "99.999", spec: ".2f", expected: "100.00"),
    Case(value: "123.456", spec: "10.1f", expected: "     123.5"),
    Case(value: "1000000", spec: ",d", expected: "1,000,000"),
    Case(value: "1", spec: "%", expected: "100.000000%"),
    Case(value: "'conv1'", spec: ">8", expected: "   conv1"),
    Case(value: "'conv1'", spec: ".3", expected: "con"),
  ]

  @Test(arguments: FormatSpecTests.cases)
  func matchesPython(_ c: Case) {
    #expect(eval("f\"{\(c.value):\(c.spec)}\"") == Value.string(c.expected).repr)
  }
}
