import Testing
import TextAndTime

@Suite struct NumberTextTests {
  @Test(arguments: [
    (Float(255), "255"), (-1.5, "-1.5"), (0, "0"), (-0.0, "0"), (0.333333, "0.3333"), (12.3456, "12.35"),
    (-4.26789, "-4.268"), (0.00002, "2e-5"), (2_500_000, "2500000"), (25_000_000, "2.5e7"), (1_234_567.5, "1.235e6"),
    (1e-3, "0.001"), (.nan, "nan"), (-.infinity, "-inf"),
  ])
  func compact(value: Float, text: String) {
    #expect(NumberText.compact(value) == text)
  }

  @Test func fewerSignificantDigits() {
    #expect(NumberText.compact(-4.26789, significant: 3) == "-4.27")
    #expect(NumberText.compact(0.1, significant: 3) == "0.1")
  }
}

@Suite struct NumberReprTests {
  @Test func wholeNumbersHaveNoPoint() {
    #expect(NumberText.repr(3) == "3")
    #expect(NumberText.repr(-0.0) == "0")
    #expect(NumberText.repr(0.1) == "0.1")
    #expect(NumberText.repr(.nan) == "nan")
    #expect(NumberText.wholeNumber(3.5) == nil)
    #expect(NumberText.wholeNumber(-7) == -7)
  }
}

@Suite struct SharedNotationTests {
  @Test func oneNotationForAllValues() {
    // Worked by hand: the largest magnitude decides the form and the decimals.
    let probabilities = SharedNotation(for: [0.6590011, 0.2424330, 0.0985659])
    #expect(probabilities.form == .fixed(decimals: 3))
    #expect([0.6590011, 0.2424330, 0.0985659].map(probabilities.text) == ["0.659", "0.242", "0.099"])
    let mixed = SharedNotation(for: [0.005229, 0.0009604, 9.5])
    #expect([0.005229, 0.0009604, 9.5].map(mixed.text) == ["0.005", "0.001", "9.5"])
    let tiny = SharedNotation(for: [0.0005229, -0.0009604])
    #expect(tiny.form == .scientific)
    #expect([0.0005229, -0.0009604, 0].map(tiny.text) == ["5.229e-4", "-9.604e-4", "0"])
    let whole = SharedNotation(for: [0, 255, -3, .nan])
    #expect(whole.form == .whole && whole.text(255) == "255" && whole.text(.nan) == "nan")
    #expect(SharedNotation(for: [1234.5, 2]).text(1234.5) == "1235", "4 significant digits")
    #expect(SharedNotation(for: [123456.5]).text(123456.5) == "1.235e5")
    #expect(SharedNotation(for: [0.996, 0.5], significant: 3).text(0.996) == "1")
  }
}
