/// The answer to Jupyter's is_complete_request.
public enum CompletenessStatus: Sendable, Equatable {
  case complete
  /// More lines are needed; `indent` is what the next line should start with.
  case incomplete(indent: String)
  /// No added text could make this valid.
  case invalid
  /// Too long to judge while the console waits (`Interpreter.maximumCheckedLength`): the
  /// console decides, as Jupyter's protocol allows.
  case unknown
}

/// Completion matches for the identifier before the cursor. Offsets are in code points.
public struct Completion: Sendable, Equatable {
  public var matches: [String]
  public var start: Int
  public var end: Int
  /// One per match: "function", "keyword", "instance", "class", "property".
  public var kinds: [String]
}
