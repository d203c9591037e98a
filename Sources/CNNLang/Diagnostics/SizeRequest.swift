/// What a cell asked to make that is larger than the language allows, as data: the phrase
/// after "this needs" in a ResourceError.
public enum SizeRequest: Sendable, Equatable, CaseIterable {
  case listOfNumbers(Int128)
  case listOfItems(Int128)
  case tupleOfItems(Int128)
  case stringOfBytes(Int128)
  case tensorOfValues(Int128)
  /// A text (from str, repr, print) that stopped growing at this many bytes.
  case textOfMoreThan(Int128)

  public static let allCases: [SizeRequest] = [
    .listOfNumbers(1009), .listOfItems(1013), .tupleOfItems(1019), .stringOfBytes(1021), .tensorOfValues(1031), .textOfMoreThan(1033),
  ]
}

extension SizeRequest: LearnerText {
  public var text: String {
    switch self {
    case .listOfNumbers(let n): return "a list of \(n) numbers"
    case .listOfItems(let n): return "a list of \(n) items"
    case .tupleOfItems(let n): return "a tuple of \(n) items"
    case .stringOfBytes(let n): return "a string of \(n) bytes"
    case .tensorOfValues(let n): return "a tensor of \(n) values"
    case .textOfMoreThan(let n): return "a text of more than \(n) bytes"
    }
  }

  /// The language's limit, in this request's unit.
  public func limitText(_ limit: Int) -> String {
    switch self {
    case .listOfNumbers, .listOfItems, .tupleOfItems: return "\(limit) items"
    case .stringOfBytes, .textOfMoreThan: return "\(limit) bytes"
    case .tensorOfValues: return "\(limit) values"
    }
  }

  public func koreanLimitText(_ limit: Int) -> String {
    switch self {
    case .listOfNumbers, .listOfItems, .tupleOfItems: return "항목 \(limit)개"
    case .stringOfBytes, .textOfMoreThan: return "\(limit)바이트"
    case .tensorOfValues: return "값 \(limit)개"
    }
  }

  public var koreanText: String {
    switch self {
    case .listOfNumbers(let n): return "수 \(n)개의 list"
    case .listOfItems(let n): return "항목 \(n)개의 list"
    case .tupleOfItems(let n): return "항목 \(n)개의 tuple"
    case .stringOfBytes(let n): return "\(n)바이트 문자열"
    case .tensorOfValues(let n): return "값 \(n)개의 텐서"
    case .textOfMoreThan(let n): return "\(n)바이트가 넘는 글"
    }
  }
}
