import TensorEngine

/// The language's entry point for the kernel: runs cells, evaluates user expressions and
/// answers completion, inspection and is_complete questions.
///
/// Use it from one thread. Only `cancellation` may be touched from others: setting it ends
/// the running cell with `KeyboardInterrupt` at the next statement or loop step. Recursion in
/// user code stops at 1000 calls, or earlier when the thread's stack runs low (a user call
/// takes about 2 KB of stack): give the thread 4 MiB or more (8 MiB is the usual default).
///
/// `@unchecked Sendable` so it can be handed to the execution thread once: the compiler cannot
/// express "one thread at a time", which is the contract above.
public final class Interpreter: @unchecked Sendable {
  public let cancellation: CancellationFlag
  let evaluator: Evaluator
  /// The nesting of user function calls allowed before a ValueError.
  public static let maximumCallDepth = 1000

  /// The language of error messages, hints and help() pages.
  public let language: MessageLanguage

  public init(language: MessageLanguage = .english) {
    self.language = language
    cancellation = CancellationFlag()
    evaluator = Evaluator(registry: .standard(), cancellation: cancellation, maximumDepth: Interpreter.maximumCallDepth)
    evaluator.language = language
  }

  /// The built-in vocabulary, for the glue's documentation and tests.
  public var registry: BuiltinRegistry { evaluator.registry }

  /// Runs a cell. `cellID` is the execution count, shown in tracebacks as `cell[N]`.
  public func run(_ source: String, cellID: Int, host: any LanguageHost) -> CellResult {
    cancellation.reset()
    let file = SourceFile(name: "cell[\(cellID)]", text: source)
    var parser = Parser(file: file)
    let program = parser.parseProgram()
    if !parser.diagnostics.isEmpty {
      return .failure(Interpreter.failure(parser.diagnostics, in: file, language: language))
    }
    enter(file, host: host)
    defer { leave(host) }
    do throws(RuntimeError) {
      var statements = program[...]
      // The last bare expression of a cell is its result, as in IPython; a `;` after it hides it.
      var last: Expr?
      if case .expression(let e) = statements.last?.kind, !Interpreter.endsWithSemicolon(file, after: e.range.end) {
        last = e
        statements = statements.dropLast()
      }
      // So is the value of `%time expression` (or of a `%%time` cell ending in one).
      if case .timed(let body, repeated: false) = statements.last?.kind, case .expression(let e) = body.last?.kind,
        !Interpreter.endsWithSemicolon(file, after: e.range.end)
      {
        _ = try evaluator.execute(Array(statements.dropLast()))
        let value = try evaluator.evaluateTimed(body, result: e)
        if case .none = value { return .value(nil) }
        return .value(value)
      }
      _ = try evaluator.execute(Array(statements))
      guard let last else { return .value(nil) }
      if cancellation.isCancelled { throw RuntimeError(.keyboardInterrupt).locating(file, last.range) }
      let value: Value
      do { value = try evaluator.evaluate(last) } catch { throw error.locating(file, last.range) }
      if try evaluator.callIfExit(last, value) { return .value(nil) }
      if case .none = value { return .value(nil) }
      return .value(value)
    } catch {
      evaluator.frames = []
      return .failure(Interpreter.failure(error, fallback: file, language: language))
    }
  }

  /// Points the evaluator at `file` and `host` for a cell (or a widget's observers).
  func enter(_ file: SourceFile, host: any LanguageHost) {
    evaluator.host = host
    evaluator.file = file
    evaluator.frames = []
    evaluator.stackLimit = StackGuard.currentThreadLimit()
  }

  /// The end of a cell: pictures placed with plt.imshow and not yet shown appear now, as with
  /// Jupyter's inline backend, and the host is let go.
  func leave(_ host: any LanguageHost) {
    evaluator.figure.flush(to: host)
    evaluator.host = nil
  }

  /// Evaluates one expression (Jupyter's user_expressions). No assignment can happen in an
  /// expression, though a function it calls may still change a list.
  public func evaluate(expression: String, host: any LanguageHost) -> Result<Value, LanguageError> {
    let file = SourceFile(name: "expression", text: expression)
    var parser = Parser(file: file, indentation: false)
    var expr: Expr?
    do {
      expr = try parser.parseExpression()
      if parser.current.kind != .eof {
        throw parser.fail(.expected(.endOfExpression, found: parser.current.part), at: parser.current.range)
      }
    } catch {
      expr = nil
    }
    guard let expr, parser.diagnostics.isEmpty else {
      return .failure(Interpreter.failure(parser.diagnostics, in: file, language: language))
    }
    evaluator.host = host
    evaluator.file = file
    evaluator.stackLimit = StackGuard.currentThreadLimit()
    defer { evaluator.host = nil }
    do throws(RuntimeError) {
      return .success(try evaluator.evaluate(expr))
    } catch {
      evaluator.frames = []
      return .failure(Interpreter.failure(error.locating(file, expr.range), fallback: file, language: language))
    }
  }

  /// Forgets every name the learner defined.
  public func reset() {
    evaluator.globals = [:]
    evaluator.frames = []
  }

  /// The value of a global name the learner defined, for tests and the glue.
  public func value(of name: String) -> Value? { evaluator.globals[name] }

  /// Whether the first thing after `offset`, ignoring spaces and a comment, is a `;`.
  static func endsWithSemicolon(_ file: SourceFile, after offset: Int) -> Bool {
    file.scalars[offset...].first { $0 != " " && $0 != "\t" } == ";"
  }

  // MARK: Errors

  static func failure(_ diagnostics: [Diagnostic], in file: SourceFile, language: MessageLanguage) -> LanguageError {
    let sorted = diagnostics.sorted { $0.range.start < $1.range.start }
    let first = sorted.first ?? Diagnostic(.unexpectedCharacter(""), at: SourceRange(start: 0, end: 0))
    return LanguageError(
      kind: first.kind, message: first.message.text(in: language),
      traceback: DiagnosticRenderer(colored: true, language: language).render(sorted, in: file),
      plainTraceback: DiagnosticRenderer(colored: false, language: language).render(sorted, in: file),
      diagnostics: sorted)
  }

  static func failure(_ error: RuntimeError, fallback: SourceFile, language: MessageLanguage) -> LanguageError {
    let file = error.file ?? fallback
    let range = error.range ?? SourceRange(start: 0, end: 0)
    let diagnostic = Diagnostic(error.message, at: range, notes: error.notes, suggestion: error.suggestion)
    return failure([diagnostic], in: file, language: language)
  }
}
