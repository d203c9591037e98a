/// A block's first line as messages name it: `'for' on line 4`, `'def area' on line 2`.
public struct BlockHeader: Sendable, Equatable {
  public var keyword: String
  public var line: Int

  public init(_ keyword: String, line: Int) {
    self.keyword = keyword
    self.line = line
  }
}

/// A piece of syntax a message names: what the parser wanted at a place, or the token it
/// found there. Data rather than words, so each message language says it in its own.
public enum SyntaxPart: Sendable, Equatable {
  case expression, index, functionName, parameterName, attributeNameAfterDot, nameAfterGlobal
  case fstringClosingBrace, conditionalElse, colonBetweenKeyAndValue
  case endOfLine, endOfExpression, endOfBlock, endOfCell, indentedLine
  case number, string
  /// Punctuation or keywords as typed (`':'`, `'in'`); several are alternatives.
  case symbols([String])
  /// The `:` that ends a block's first line.
  case colonAfter(BlockHeader)
  case name(String)
  case keyword(String)
}

extension BlockHeader: LearnerText {
  public var text: String { "'\(keyword)' on line \(line)" }
  public var koreanText: String { "\(line)번째 줄의 '\(keyword)'" }
}

extension SyntaxPart: LearnerText {
  public var text: String {
    switch self {
    case .expression: return "an expression"
    case .index: return "an index"
    case .functionName: return "a function name"
    case .parameterName: return "a parameter name"
    case .attributeNameAfterDot: return "an attribute name after '.'"
    case .nameAfterGlobal: return "a name after 'global'"
    case .fstringClosingBrace: return "'}' after the f-string expression"
    case .conditionalElse: return "'else' in 'a if condition else b'"
    case .colonBetweenKeyAndValue: return "':' between a key and its value"
    case .endOfLine: return "the end of the line"
    case .endOfExpression: return "the end of the expression"
    case .endOfBlock: return "the end of the block"
    case .endOfCell: return "the end of the cell"
    case .indentedLine: return "an indented line"
    case .number: return "a number"
    case .string: return "a string"
    case .symbols(let symbols): return symbols.map { "'\($0)'" }.joined(separator: " or ")
    case .colonAfter(let header): return "':' at the end of \(header.text)"
    case .name(let name): return "name '\(name)'"
    case .keyword(let keyword): return "keyword '\(keyword)'"
    }
  }

  public var koreanText: String {
    switch self {
    case .expression: return "식"
    case .index: return "인덱스"
    case .functionName: return "함수 이름"
    case .parameterName: return "매개변수 이름"
    case .attributeNameAfterDot: return "'.' 뒤의 속성 이름"
    case .nameAfterGlobal: return "'global' 뒤의 이름"
    case .fstringClosingBrace: return "f-string 식 뒤의 '}'"
    case .conditionalElse: return "'a if condition else b'의 'else'"
    case .colonBetweenKeyAndValue: return "키와 값 사이의 ':'"
    case .endOfLine: return "줄의 끝"
    case .endOfExpression: return "식의 끝"
    case .endOfBlock: return "블록의 끝"
    case .endOfCell: return "셀의 끝"
    case .indentedLine: return "들여 쓴 줄"
    case .number: return "숫자"
    case .string: return "문자열"
    case .symbols(let symbols): return symbols.map { "'\($0)'" }.joined(separator: " 또는 ")
    case .colonAfter(let header): return "\(header.line)번째 줄 '\(header.keyword)' 끝의 ':'"
    case .name(let name): return "이름 '\(name)'"
    case .keyword(let keyword): return "키워드 '\(keyword)'"
    }
  }
}
