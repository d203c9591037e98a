import CNNLang
import Testing

/// Strings, lists and tuples whose result would be enormous are refused before they are made,
/// naming the size they would have had (worked out by hand below).
struct SequenceSizeTests {
  @Test(arguments: [
    // 10**10 copies of one byte.
    ("\"x\" * 10**10", "a string of 10000000000 bytes"),
    // 2 bytes times 2**62 = 2**63, one more than Int holds.
    ("\"ab\" * 2**62", "a string of 9223372036854775808 bytes"),
    ("10**19 * \"x\"", "a string of 10000000000000000000 bytes"),
    ("[0, 1] * 10**8", "a list of 200000000 items"),
    ("(1,) * 10**9", "a tuple of 1000000000 items"),
    // 5,000,000 parts of 3 bytes and 4,999,999 separators of 2.
    ("', '.join(['abc'] * 5000000)", "a string of 24999998 bytes"),
    // 4,000,000 'a's become 4 bytes each, 4,000,000 'b's stay: 20,000,000.
    ("('ab' * 4000000).replace('a', 'aaaa')", "a string of 20000000 bytes"),
    ("s = 'x'\nfor i in range(30):\n    s = s + s", "a string of 16777216 bytes"),
    ("xs = [0] * 6000000\nxs.extend(xs)", "a list of 12000000 items"),
    ("xs = [i for i in range(10**8)]", "a list of 10000001 items"),
  ])
  func enormousResultsNameTheirSize(code: String, size: String) throws {
    let error = try #require(CellRun(code).error)
    #expect(error.kind == .resource)
    #expect(error.message.contains("this needs \(size), more than the limit of 10000000"), "\(error.message)")
  }

  @Test func emptySequencesRepeatedAnyNumberOfTimesStayEmpty() {
    #expect(eval("'' * 10**19") == "''")
    #expect(eval("[] * 10**19") == "[]")
    #expect(eval("len('ab' * 5)") == "10")
  }

  @Test func aListThatContainsItselfIsNotATensor() throws {
    let error = try #require(CellRun("a = []\na.append(a)\ntensor(a)").error)
    #expect(error.kind == .value)
    // Lists shared 1000 times at each of five levels claim 10**15 values.
    let shared = try #require(CellRun("tensor([[[[[0] * 1000] * 1000] * 1000] * 1000] * 1000)").error)
    #expect(shared.message.contains("a tensor of 1000000000000000 values"), "\(shared.message)")
  }
}

/// Lists to tensors: positions are written out only for an error.
struct ListConversionTests {
  @Test func aMillionRowsConvertQuicklyAndRaggedRowsAreNamed() throws {
    let clock = ContinuousClock()
    var shown = ""
    let elapsed = clock.measure { shown = eval("xs = [[0.5, 1, 2, 3, 4]] * 1000000\nt = tensor(xs)\n(t.shape, float(t.sum()))") }
    // 10**6 rows of 0.5 + 1 + 2 + 3 + 4 = 10.5.
    #expect(shown == "((1000000, 5), 10500000)")
    #expect(elapsed < .seconds(3), "took \(elapsed)")
    let error = try #require(CellRun("tensor([[1, 2], [3, 4], [5]])").error)
    #expect(error.message.contains("item [2] has 1 value where 2 were expected"))
  }
}
