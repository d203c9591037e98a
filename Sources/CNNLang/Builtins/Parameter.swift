/// One parameter of a built-in or a `def`: required, with a default, or `*values`.
public struct Parameter {
  public var name: String
  /// nil for a required parameter.
  public var defaultValue: Value?
  /// `*values`: collects every remaining positional argument.
  public var isVariadic: Bool
  /// Parameters after `*values` can only be given by name.
  public var isKeywordOnly: Bool
  /// `**options`: collects keyword arguments no other parameter names (matplotlib's styling
  /// keywords, which CNN Lab's pictures do not use).
  public var isKeywordVariadic: Bool

  public init(
    _ name: String, default defaultValue: Value? = nil, variadic: Bool = false, keywordOnly: Bool = false,
    keywordVariadic: Bool = false
  ) {
    self.name = name
    self.defaultValue = defaultValue
    self.isVariadic = variadic
    self.isKeywordOnly = keywordOnly || keywordVariadic
    self.isKeywordVariadic = keywordVariadic
  }

  /// `name(a, b=1, *values, sep=' ')`, the form help() and inspection show.
  static func signature(name: String, _ parameters: [Parameter]) -> String {
    // A method's receiver is written before the dot, so its signature leaves `self` out.
    let parts = parameters.filter { $0.name != "self" }.map { p -> String in
      if p.isVariadic { return "*" + p.name }
      if p.isKeywordVariadic { return "**" + p.name }
      if let d = p.defaultValue { return "\(p.name)=\(d.repr)" }
      return p.name
    }
    return "\(name)(\(parts.joined(separator: ", ")))"
  }
}
