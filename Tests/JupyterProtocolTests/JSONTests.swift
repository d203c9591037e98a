import JupyterProtocol
import Testing

@Suite struct JSONParserTests {
  func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

  @Test func parsesEveryKindOfValue() throws {
    let text = #"""
       { "a" : [1, -2.5e3, 0.125, true, false, null, {}, []],
         "b" : "q\"b\\s\/\b\f\n\r\t\u00e9\ud83d\ude00" }
      """#
    let expected = JSONValue.object([
      "a": .array([.number(1), .number(-2500), .number(0.125), .bool(true), .bool(false), .null, .object([:]), .array([])]),
      "b": .string("q\"b\\s/\u{8}\u{C}\n\r\té😀"),
    ])
    #expect(try parse(text) == expected)
  }

  @Test func keepsRawUTF8AndReplacesLoneSurrogates() throws {
    #expect(try parse(#""naïve ✓""#) == .string("naïve ✓"))
    #expect(try parse(#""\ud800x""#) == .string("\u{FFFD}x"))
  }

  @Test(arguments: [
    "", "{", "[1,]", #"{"a" 1}"#, "01", "1.", "-", "tru", #""abc"#, #""\x""#, #"{"a":1}x"#, "\"tab\tinside\"",
    "[1 2]", #"{"a":}"#, "{,}", #""\u12G4""#, "nul", "+1", ".5", "1e",
  ])
  func rejectsMalformedInput(_ text: String) {
    #expect(throws: JSONParseError.self) { try parse(text) }
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParseError.self) { try parse(deep) }
    let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect((try? parse(fine)) != nil)
  }
}

private struct Inner: Encodable {
  var x: Int
  var note: String?
}

private struct Outer: Encodable {
  var name: String
  var inner: Inner
  var list: [Inner]
  var ratio: Double
  var missing: Int?
  var flag: Bool
}

/// Uses nested containers and a super encoder, which close lazily in the streaming encoder.
private struct HandWritten: Encodable {
  enum K: String, CodingKey { case a, b, c, d }
  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: K.self)
    var nested = c.nestedContainer(keyedBy: K.self, forKey: .a)
    try nested.encode(1, forKey: .b)
    var list = c.nestedUnkeyedContainer(forKey: .c)
    try list.encode("x")
    var pair = list.nestedUnkeyedContainer()
    try pair.encode(2)
    try pair.encodeNil()
    try c.encode(true, forKey: .d)
  }
}

private struct Empty: Encodable {}

/// Asks for its keyed container twice, as a subclass calling `super.encode(to:)` does.
private struct TwoPasses: Encodable {
  enum K: String, CodingKey { case base, derived }
  func encode(to encoder: any Encoder) throws {
    var first = encoder.container(keyedBy: K.self)
    try first.encode(1, forKey: .base)
    var second = encoder.container(keyedBy: K.self)
    try second.encode([2], forKey: .derived)
  }
}

@Suite struct StreamingEncoderTests {
  func text(_ value: some Encodable) throws -> String {
    String(decoding: try StreamingJSONEncoder.encode(value), as: UTF8.self)
  }

  @Test func structsEncodeInDeclarationOrderWithoutNils() throws {
    let value = Outer(
      name: "a\"b\n", inner: Inner(x: 1, note: nil), list: [Inner(x: 2, note: "n"), Inner(x: 3, note: nil)],
      ratio: 0.5, missing: nil, flag: false)
    #expect(
      try text(value)
        == #"{"name":"a\"b\n","inner":{"x":1},"list":[{"x":2,"note":"n"},{"x":3}],"ratio":0.5,"flag":false}"#)
  }

  @Test func nestedContainersCloseInTheRightPlaces() throws {
    #expect(try text(HandWritten()) == #"{"a":{"b":1},"c":["x",[2,null]],"d":true}"#)
    #expect(try text([HandWritten(), HandWritten()]) == "[" + [String](repeating: #"{"a":{"b":1},"c":["x",[2,null]],"d":true}"#, count: 2).joined(separator: ",") + "]")
  }

  @Test func aContainerRequestedTwiceIsOneObject() throws {
    #expect(try text(TwoPasses()) == #"{"base":1,"derived":[2]}"#)
    #expect(try text([TwoPasses(), TwoPasses()]) == #"[{"base":1,"derived":[2]},{"base":1,"derived":[2]}]"#)
  }

  /// The word-at-a-time scan must find specials at every offset: compare against a
  /// character-by-character escaper written here.
  @Test func escapesAtEveryPositionOfAWord() throws {
    func reference(_ s: String) -> String {
      var out = "\""
      for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    }
    for length in 0..<40 {
      for position in 0..<max(length, 1) {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é", " ", "\u{7F}"] {
          var chars = Array(repeating: "A", count: length)
          if length > 0 { chars[position] = special }
          let text = chars.joined()
          var writer = JSONWriter()
          writer.appendString(text)
          #expect(String(decoding: writer.bytes, as: UTF8.self) == reference(text), "\(length) \(position)")
        }
      }
    }
  }

  @Test func edgeValues() throws {
    #expect(try text(Empty()) == "{}")
    #expect(try text([Empty()]) == "[{}]")
    #expect(try text([Int]()) == "[]")
    #expect(try text(JSONValue.array([.number(2), .number(-0.25), .number(.infinity), .number(.nan), .null])) == #"[2,-0.25,"Infinity","NaN",null]"#)
    #expect(try text(["k": JSONValue.string("\u{1}")]) == #"{"k":"\u0001"}"#)
    #expect(try text("é/😀") == #""é/😀""#)
  }

  @Test func encodedMessagesReadBackEqual() throws {
    let request = ExecuteRequest(code: "x = 1\nprint(x)", silent: true, userExpressions: ["a": "b"], allowStdin: false)
    #expect(try ContentCoder.decode(ExecuteRequest.self, from: RawJSON(ContentCoder.encode(request))) == request)
    let history = HistoryRequest(accessType: .range, session: 1, start: 2, stop: 3)
    #expect(try ContentCoder.decode(HistoryRequest.self, from: RawJSON(ContentCoder.encode(history))) == history)
  }
}

@Suite struct JSONValueDecoderTests {
  @Test func integersMustBeWholeAndTypesStrict() throws {
    #expect(try ContentCoder.decode(CompleteRequest.self, from: RawJSON(Array(#"{"code":"","cursor_pos":3.0}"#.utf8))).cursorPos == 3)
    #expect(throws: ContentError.wrongType(field: "cursor_pos")) {
      try ContentCoder.decode(CompleteRequest.self, from: RawJSON(Array(#"{"code":"","cursor_pos":3.5}"#.utf8)))
    }
    #expect(throws: ContentError.wrongType(field: "silent")) {
      try ContentCoder.decode(ExecuteRequest.self, from: RawJSON(Array(#"{"code":"","silent":1}"#.utf8)))
    }
  }

  @Test func errorsNameTheNestedField() {
    #expect(throws: ContentError.wrongType(field: "user_expressions.a")) {
      try ContentCoder.decode(ExecuteRequest.self, from: RawJSON(Array(#"{"code":"x","user_expressions":{"a":1}}"#.utf8)))
    }
    #expect(throws: ContentError.wrongType(field: "")) {
      try ContentCoder.decode(ExecuteRequest.self, from: RawJSON(Array("[]".utf8)))
    }
  }

  @Test func nullOptionalFieldsTakeDefaults() throws {
    let request = try ContentCoder.decode(
      HistoryRequest.self, from: RawJSON(Array(#"{"hist_access_type":"tail","n":null,"output":null}"#.utf8)))
    #expect(request == HistoryRequest(accessType: .tail))
  }
}
