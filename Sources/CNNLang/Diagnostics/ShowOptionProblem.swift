/// Why `show()`'s options cannot be honoured, as data: the display checks them before the
/// value is shown, and the cell fails with a ValueError in the kernel's language.
public enum ShowOptionProblem: Sendable, Equatable {
  /// `mode=` or `cmap=` given something other than a name.
  case notAName(option: String, example: String)
  /// A name the option does not know, with the ones it does.
  case unknownName(option: String, name: String, known: [String])
  case scaleForm
  case scaleNumbers
  case invalidScale(low: String, high: String)
  case channels
  case classNames
}

extension ShowOptionProblem: LearnerText {
  public var text: String {
    switch self {
    case .notAName(let option, let example):
      return "\(option) must be \(option == "cmap" ? "a colormap name" : "a string") such as '\(example)'"
    case .unknownName(let option, let name, let known):
      return "unknown \(option == "cmap" ? "colormap" : option) '\(name)': use one of " + known.map { "'\($0)'" }.joined(separator: ", ")
        + (option == "scale" ? " or a pair (min, max)" : "")
    case .scaleForm:
      return "scale must be 'shared', 'per_channel' or a pair (min, max)"
    case .scaleNumbers:
      return "scale=(min, max) needs two numbers"
    case .invalidScale(let low, let high):
      return "scale must be two finite numbers with min < max; got (\(low), \(high))"
    case .channels:
      return "channels must be a channel number, a pair (first, stop) or a range such as range(0, 32)"
    case .classNames:
      return "class_names must be a list of labels such as ['cat', 'dog']"
    }
  }

  public var koreanText: String {
    switch self {
    case .notAName(let option, let example):
      return "\(option)에는 '\(example)' 같은 이름을 주어야 합니다"
    case .unknownName(let option, let name, let known):
      return "\(option)에 \(k("'\(name)'", .named)) 이름은 없습니다: " + known.map { "'\($0)'" }.joined(separator: ", ")
        + (option == "scale" ? " 중 하나나 (min, max) 쌍을 쓰세요" : " 중 하나를 쓰세요")
    case .scaleForm:
      return "scale에는 'shared', 'per_channel' 또는 (min, max) 쌍을 주어야 합니다"
    case .scaleNumbers:
      return "scale=(min, max)에는 수 두 개가 필요합니다"
    case .invalidScale(let low, let high):
      return "scale은 min < max인 유한한 수 두 개여야 하는데, (\(low), \(high))가 들어왔습니다"
    case .channels:
      return "channels에는 채널 번호 하나, (first, stop) 쌍, 또는 range(0, 32) 같은 range를 주어야 합니다"
    case .classNames:
      return "class_names에는 ['cat', 'dog'] 같은 이름표의 list를 주어야 합니다"
    }
  }
}
