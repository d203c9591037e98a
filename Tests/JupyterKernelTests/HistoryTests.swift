import JupyterKernel
import JupyterProtocol
import Testing

@Suite struct HistoryTests {
  /// Runs the cells of `jupyter_kernel_test`'s history test shape: stored, unstored, repeated.
  func harness() -> Harness {
    let h = Harness()
    h.execute("1 + 1")  // line 1
    h.execute("2 * 3")  // line 2
    h.execute("print x", storeHistory: false)  // not stored
    h.execute("9", silent: true)  // not stored
    h.execute("1 + 1")  // line 3
    h.execute("1 / 0")  // line 4, failed: still history
    return h
  }

  func history(_ h: Harness, _ request: HistoryRequest) throws -> [JSONValue] {
    let reply = try #require(h.reply(h.shell(request)))
    #expect(reply["status"] == .string("ok"))
    return try #require(reply["history"]?.arrayValue)
  }

  func entry(_ line: Int, _ input: String) -> JSONValue { .array([.number(1), .number(Double(line)), .string(input)]) }

  @Test func tailReturnsTheLastNStoredInputsInOrder() throws {
    let h = harness()
    #expect(try history(h, HistoryRequest(accessType: .tail, n: 3)) == [entry(2, "2 * 3"), entry(3, "1 + 1"), entry(4, "1 / 0")])
    #expect(try history(h, HistoryRequest(accessType: .tail, n: 100)).count == 4)
  }

  @Test func outputTrueGivesInputOutputPairs() throws {
    let h = harness()
    let items = try history(h, HistoryRequest(accessType: .tail, output: true, n: 2))
    #expect(
      items == [
        .array([.number(1), .number(3), .array([.string("1 + 1"), .string("2")])]),
        .array([.number(1), .number(4), .array([.string("1 / 0"), .null])]),
      ])
  }

  @Test func rangeIsStartInclusiveStopExclusive() throws {
    let h = harness()
    #expect(try history(h, HistoryRequest(accessType: .range, session: 1, start: 2, stop: 3)) == [entry(2, "2 * 3")])
    #expect(try history(h, HistoryRequest(accessType: .range, session: 0, start: 3)).count == 2)
    #expect(try history(h, HistoryRequest(accessType: .range, session: -1, start: 1, stop: 5)) == [])
  }

  @Test func searchMatchesGlobsWithUniqueAndN() throws {
    let h = harness()
    #expect(try history(h, HistoryRequest(accessType: .search, pattern: "1 ? 1")) == [entry(1, "1 + 1"), entry(3, "1 + 1")])
    #expect(try history(h, HistoryRequest(accessType: .search, pattern: "1 ? 1", unique: true)) == [entry(3, "1 + 1")])
    #expect(try history(h, HistoryRequest(accessType: .search, n: 2, pattern: "*")) == [entry(3, "1 + 1"), entry(4, "1 / 0")])
    #expect(try history(h, HistoryRequest(accessType: .search, pattern: "*3")) == [entry(2, "2 * 3")])
    #expect(try history(h, HistoryRequest(accessType: .search, pattern: "print*")) == [])
  }

  @Test(arguments: [
    ("*", "", true), ("*", "anything\nat all", true), ("a?c", "abc", true), ("a?c", "ac", false),
    ("a*c", "abbbc", true), ("a*c", "abbbd", false), ("*b*", "abc", true), ("ab", "AB", false),
    ("a**b", "ab", true), ("?", "é", true), ("*x*y*z", "xxyyzz", true), ("x", "xx", false),
  ])
  func globPattern(_ pattern: String, _ text: String, _ expected: Bool) {
    #expect(GlobPattern(pattern).matches(text) == expected)
  }
}

@Suite struct HistoryBoundTests {
  @Test func keepsTheNewestEntriesWithinItsCount() {
    var store = HistoryStore(capacity: 3)
    for line in 1...10 { store.record(line: line, input: "x\(line)", output: nil) }
    #expect(store.entries.map(\.line) == [8, 9, 10])
    // "x8" "x9" "x10": 2 + 2 + 3 bytes, by hand.
    #expect(store.textBytes == 7)
  }

  @Test func keepsTheNewestTextWithinItsBytes() {
    var store = HistoryStore(capacity: 100, capacityBytes: 10)
    store.record(line: 1, input: "aaaa", output: "bb")  // 6 bytes
    store.record(line: 2, input: "cc", output: nil)  // 8 in all
    store.record(line: 3, input: "ddd", output: nil)  // 11: line 1 goes
    #expect(store.entries.map(\.line) == [2, 3])
    #expect(store.textBytes == 5)
    // An entry larger than the bound alone is still kept, as the newest.
    store.record(line: 4, input: String(repeating: "e", count: 50), output: nil)
    #expect(store.entries.map(\.line) == [4])
    #expect(store.textBytes == 50)
  }
}
