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
