/// An expression with its range in the cell, for carets under the failing part.
final class Expr {
  let kind: ExprKind
  let range: SourceRange
  /// Nodes on the longest path down from here: evaluating and freeing the tree recurse this
  /// deep, so the parser refuses trees taller than `Parser.maximumHeight`.
  let height: Int
  init(_ kind: ExprKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
    self.height = 1 + kind.tallestChild
  }
}

enum ExprKind {
  case number(Double)
  case string(String)
  case fstring([FStringSegment])
  case bool(Bool)
  case none
  case name(String)
  case list([Expr])
  case tuple([Expr])
  /// `{"loss": 0.5, "accuracy": 0.9}`: pairs in the order written.
  case dict([(key: Expr, value: Expr)])
  case listComprehension(element: Expr, target: Target, iterable: Expr, condition: Expr?)
  case unary(UnaryOp, Expr)
  case binary(BinaryOp, Expr, Expr)
  /// `a < b <= c`: each operator compares its neighbours, all must hold.
  case compare(first: Expr, rest: [(CompareOp, Expr)])
  case and(Expr, Expr)
  case or(Expr, Expr)
  case not(Expr)
  case conditional(condition: Expr, then: Expr, otherwise: Expr)
  case call(callee: Expr, arguments: [Argument])
  case `subscript`(base: Expr, items: [SubscriptItem])
  case attribute(base: Expr, name: String, nameRange: SourceRange)
}

enum FStringSegment {
  case literal(String)
  case field(Expr, conversion: Character?, spec: [FStringSegment])
}

struct Argument {
  /// nil for a positional argument.
  var keyword: String?
  var value: Expr
  /// `*values` in a call: the elements are spread as positional arguments.
  var spread = false
}

enum SubscriptItem {
  case index(Expr)
  /// `...` in `x[..., 0]`: as many whole axes as needed.
  case ellipsis
  case slice(lower: Expr?, upper: Expr?, step: Expr?)
}

enum UnaryOp: String { case negate = "-", plus = "+", invert = "~" }

enum BinaryOp: String {
  case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
  case modulo = "%", power = "**", matmul = "@"
  /// numpy's element-wise `and` and `or` on masks (`(x > 0) & (x < 1)`); bitwise on whole numbers.
  case bitAnd = "&", bitOr = "|"
}

enum CompareOp: String {
  case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
  case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

/// Where an assignment or a `for` stores values.
indirect enum Target {
  case name(String, SourceRange)
  case tuple([Target], SourceRange)
  case `subscript`(base: Expr, items: [SubscriptItem], SourceRange)
  /// `layer.trainable = False`: a property that can be set.
  case attribute(base: Expr, name: String, SourceRange)

  var range: SourceRange {
    switch self {
    case .name(_, let r), .tuple(_, let r), .subscript(_, _, let r), .attribute(_, _, let r): return r
    }
  }
}

/// A statement with its range; compound statements own their blocks.
final class Stmt {
  let kind: StmtKind
  let range: SourceRange
  init(_ kind: StmtKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

enum StmtKind {
  case expression(Expr)
  case assign(targets: [Target], value: Expr)
  case augmentedAssign(target: Target, op: BinaryOp, value: Expr)
  case assert(condition: Expr, message: Expr?)
  case pass
  case `break`
  case `continue`
  case `return`(Expr?)
  case `if`(branches: [(condition: Expr, body: [Stmt])], otherwise: [Stmt]?)
  case `for`(target: Target, iterable: Expr, body: [Stmt])
  case `while`(condition: Expr, body: [Stmt])
  case def(FunctionDecl)
  /// `global a, b`: inside a def, these names are assigned in the session, not locally.
  case global([String])
  /// `import numpy as np`, `import tensorflow.keras.layers`: one entry per module.
  case `import`([ImportedModule])
  /// `from tensorflow.keras import layers, models as m`; `names` is empty for `import *`.
  case fromImport(module: ImportedModule, names: [ImportedName])
  /// `%time stmt` and `%%time` (once, printing CPU and wall time), `%timeit` and `%%timeit`
  /// (repeated, printing the mean and spread per loop), as IPython prints them.
  case timed(body: [Stmt], repeated: Bool)
  /// `?name`, `name?`: the documentation, as help(name) gives it.
  case help(Expr)
}

/// A dotted module path as written (`tensorflow.keras.layers`), with its `as` name.
struct ImportedModule {
  let path: [String]
  let alias: String?
  let range: SourceRange
  var dotted: String { path.joined(separator: ".") }
}

/// One name after `from ... import`, with its `as` name.
struct ImportedName {
  let name: String
  let alias: String?
  let range: SourceRange
}

/// A `def`: its parameters keep their default expressions, evaluated once at definition.
final class FunctionDecl {
  let name: String
  let parameters: [(name: String, defaultValue: Expr?)]
  let body: [Stmt]
  let doc: String?
  let headerRange: SourceRange
  init(name: String, parameters: [(name: String, defaultValue: Expr?)], body: [Stmt], doc: String?, headerRange: SourceRange) {
    self.name = name
    self.parameters = parameters
    self.body = body
    self.doc = doc
    self.headerRange = headerRange
  }
}
