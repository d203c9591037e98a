import Testing
import TextAndTime

/// IPython's `_format_time` by hand: the unit is the largest that keeps the number >= 1,
/// three significant digits (`%.3g`), and minutes and up in parts.
struct DurationTextTests {
  @Test func unitsAndDigitsAsIPython() {
    #expect(DurationText.ipython(0.0105) == "10.5 ms")
    #expect(DurationText.ipython(0.000137) == "137 \u{00B5}s")
    #expect(DurationText.ipython(4.94e-7) == "494 ns")
    #expect(DurationText.ipython(1.5) == "1.5 s")
    #expect(DurationText.ipython(0.2) == "200 ms")
    #expect(DurationText.ipython(0.001) == "1 ms")
    #expect(DurationText.ipython(12.3456) == "12.3 s")
    #expect(DurationText.ipython(0) == "0 ns")
    #expect(DurationText.ipython(1e-12) == "0.001 ns")
  }

  @Test func minutesAndHoursInParts() {
    #expect(DurationText.ipython(65) == "1min 5s")
    #expect(DurationText.ipython(3_725) == "1h 2min 5s")
    #expect(DurationText.ipython(120) == "2min")
  }
}
