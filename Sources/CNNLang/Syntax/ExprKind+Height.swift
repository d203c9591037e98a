extension ExprKind {
  /// The height of the tallest expression directly inside this one (0 for a leaf).
  var tallestChild: Int {
    switch self {
    case .number, .string, .bool, .none, .name: 0
    case .fstring(let segments): ExprKind.tallest(segments)
    case .list(let items), .tuple(let items): items.reduce(0) { max($0, $1.height) }
    case .dict(let pairs): pairs.reduce(0) { max($0, $1.key.height, $1.value.height) }
    case .listComprehension(let element, let target, let iterable, let condition):
      max(element.height, target.tallestExpression, iterable.height, condition?.height ?? 0)
    case .unary(_, let operand), .not(let operand): operand.height
    case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right):
      max(left.height, right.height)
    case .compare(let first, let rest): rest.reduce(first.height) { max($0, $1.1.height) }
    case .conditional(let condition, let then, let otherwise): max(condition.height, then.height, otherwise.height)
    case .call(let callee, let arguments): arguments.reduce(callee.height) { max($0, $1.value.height) }
    case .subscript(let base, let items): max(base.height, ExprKind.tallest(items))
    case .attribute(let base, _, _): base.height
    }
  }

  static func tallest(_ segments: [FStringSegment]) -> Int {
    segments.reduce(0) { tallest, segment in
      guard case .field(let e, _, let spec) = segment else { return tallest }
      return max(tallest, e.height, ExprKind.tallest(spec))
    }
  }

  static func tallest(_ items: [SubscriptItem]) -> Int {
    items.reduce(0) { tallest, item in
      switch item {
      case .index(let e): max(tallest, e.height)
      case .ellipsis: tallest
      case .slice(let lower, let upper, let step): max(tallest, lower?.height ?? 0, upper?.height ?? 0, step?.height ?? 0)
      }
    }
  }
}

extension Target {
  /// The tallest expression a target holds (the base and index of `a[i] = ...`).
  var tallestExpression: Int {
    switch self {
    case .name: 0
    case .tuple(let targets, _): targets.reduce(0) { max($0, $1.tallestExpression) }
    case .subscript(let base, let items, _): max(base.height, ExprKind.tallest(items))
    case .attribute(let base, _, _): base.height
    }
  }
}
