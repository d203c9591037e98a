import Testing
import TextAndTime

@Suite struct TextSearchTests {
  /// Every substring of a text is found in it, and strings that differ by one letter are not:
  /// checked against a brute-force search over all start positions.
  @Test func agreesWithBruteForceOnASCII() {
    let text = "conv2d_same_padding__x"
    let letters = Array(text)
    for start in 0...letters.count {
      for end in start...letters.count {
        #expect(text.containsText(String(letters[start..<end])))
      }
    }
    for probe in ["__y", "padd1ng", "conv3d", "x_", "same_padding__x_"] {
      let expected = (0...max(0, letters.count - probe.count)).contains { i in
        i + probe.count <= letters.count && String(letters[i..<i + probe.count]) == probe
      }
      #expect(text.containsText(probe) == expected, "\(probe)")
    }
  }

  /// As Python's `in`: exact code points, no normalisation (so a decomposed é contains "e").
  @Test func comparesCodePointsExactly() {
    #expect("été".containsText("t"))
    #expect("e\u{301}".containsText("e"))
    #expect(!"\u{E9}".containsText("e"))
    #expect(!"e\u{301}".containsText("\u{E9}"))
    #expect("".containsText(""))
    #expect(!"".containsText("a"))
    #expect("abc"[...].containsText("bc"))
  }
}
