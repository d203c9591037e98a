/// What a cell asked to make that is larger than the language allows, as data: the phrase
/// after "this needs" in a ResourceError.
public enum SizeRequest: Sendable, Equatable, CaseIterable {
  case listOfNumbers(Int)
  case listOfItems(Int)
  case tupleOfItems(Int)
  case stringOfBytes(Int)
  case tensorOfValues(Int)

  public static let allCases: [SizeRequest] = [
    .listOfNumbers(1009), .listOfItems(1013), .tupleOfItems(1019), .stringOfBytes(1021), .tensorOfValues(1031),
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
    }
  }

  public var koreanText: String {
    switch self {
    case .listOfNumbers(let n): return "수 \(n)개의 list"
    case .listOfItems(let n): return "항목 \(n)개의 list"
    case .tupleOfItems(let n): return "항목 \(n)개의 tuple"
    case .stringOfBytes(let n): return "\(n)바이트 문자열"
    case .tensorOfValues(let n): return "값 \(n)개의 텐서"
    }
  }
}
