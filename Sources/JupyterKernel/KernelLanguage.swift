import JupyterProtocol

/// A MIME bundle: `data` keyed by MIME type (`text/plain`, `image/png` as base64, …) and the
/// per-type `metadata` (`{"image/png": {"width": 280, "height": 280}}`).
public struct MimeBundle: Sendable, Equatable {
  public var data: [String: JSONValue]
  public var metadata: [String: JSONValue]
  public init(data: [String: JSONValue], metadata: [String: JSONValue] = [:]) {
    self.data = data
    self.metadata = metadata
  }
  public static func plain(_ text: String) -> MimeBundle { MimeBundle(data: ["text/plain": .string(text)]) }
}

/// What a language sends while a cell runs. The dispatcher turns each call into an iopub
/// message whose parent is the running request, so a language never sees headers or sockets.
public protocol ExecutionOutput: AnyObject {
  func stream(_ text: String, toStderr: Bool)
  func display(_ bundle: MimeBundle, displayID: String?)
  func updateDisplay(_ bundle: MimeBundle, displayID: String)
  func clearOutput(wait: Bool)
  /// A pager payload (`{"source": "page"}`) added to the execute reply.
  func page(_ bundle: MimeBundle)
  /// IPython's `ask_exit` payload: the front end (jupyter console) should end, and shut the
  /// kernel down unless `keepKernel`.
  func askExit(keepKernel: Bool)
}

extension ExecutionOutput {
  public func askExit(keepKernel: Bool) {}
}

/// A failed cell: `ename`, `evalue` and the rendered traceback lines.
public struct ExecutionError: Error, Sendable, Equatable {
  public var name: String
  public var value: String
  public var traceback: [String]
  public init(name: String, value: String, traceback: [String]) {
    self.name = name
    self.value = value
    self.traceback = traceback
  }
}

/// The end of a cell: its displayed value (the `execute_result`), or an error.
public enum ExecutionOutcome: Sendable, Equatable {
  case ok(result: MimeBundle?)
  case error(ExecutionError)
}

/// The answer to `complete_request`: replacements for the code between the two offsets.
public struct CompletionResult: Sendable, Equatable {
  public var matches: [String]
  /// Code-point offsets into the cell, as the protocol (>= 5.2) counts them.
  public var cursorStart: Int
  public var cursorEnd: Int
  /// `_jupyter_types_experimental` entries: one per match, `type` like "function" or "keyword".
  public var types: [String]
  public init(matches: [String], cursorStart: Int, cursorEnd: Int, types: [String] = []) {
    self.matches = matches
    self.cursorStart = cursorStart
    self.cursorEnd = cursorEnd
    self.types = types
  }
}

/// The answer to `is_complete_request`; `indent` is what the console puts on the next line.
public enum Completeness: Sendable, Equatable {
  case complete
  case incomplete(indent: String)
  case invalid
  case unknown
}

/// What `kernel_info_reply` says about the language and its implementation.
public struct LanguageInfo: Sendable, Equatable {
  public var name: String
  public var version: String
  public var mimetype: String
  public var fileExtension: String
  public var pygmentsLexer: String
  public var codemirrorMode: String
  public var implementation: String
  public var implementationVersion: String
  public var banner: String
  public var helpLinks: [(text: String, url: String)]
  /// `language_info.nbconvert_exporter`: the exporter `nbconvert --to script` uses.
  public var nbconvertExporter: String

  public init(
    name: String, version: String, mimetype: String, fileExtension: String, pygmentsLexer: String,
    codemirrorMode: String, implementation: String, implementationVersion: String, banner: String,
    helpLinks: [(text: String, url: String)] = [], nbconvertExporter: String = "script"
  ) {
    self.name = name
    self.version = version
    self.mimetype = mimetype
    self.fileExtension = fileExtension
    self.pygmentsLexer = pygmentsLexer
    self.codemirrorMode = codemirrorMode
    self.implementation = implementation
    self.implementationVersion = implementationVersion
    self.banner = banner
    self.helpLinks = helpLinks
    self.nbconvertExporter = nbconvertExporter
  }

  public static func == (a: LanguageInfo, b: LanguageInfo) -> Bool {
    a.name == b.name && a.version == b.version && a.mimetype == b.mimetype
      && a.fileExtension == b.fileExtension && a.pygmentsLexer == b.pygmentsLexer
      && a.codemirrorMode == b.codemirrorMode && a.implementation == b.implementation
      && a.implementationVersion == b.implementationVersion && a.banner == b.banner
      && a.nbconvertExporter == b.nbconvertExporter
      && a.helpLinks.map(\.text) == b.helpLinks.map(\.text) && a.helpLinks.map(\.url) == b.helpLinks.map(\.url)
  }
}

/// The one thing a kernel author implements (xeus's `xinterpreter`): the dispatcher owns the
/// protocol (busy/idle, counts, history, aborts) and calls these on its execution thread.
/// `interrupt()` alone is called from the control thread, while `execute` may be running.
///
/// Threading contract: the object is created on one thread (the server's main thread) and is
/// then used from the execution thread only; `info` is read once, at start, before any thread
/// runs. `interrupt()` is the one method called from elsewhere (control thread, SIGINT), so it
/// must be thread-safe (typically it sets a `CancellationFlag`).
public protocol KernelLanguage: AnyObject {
  var info: LanguageInfo { get }
  /// Runs one cell. `silent` cells produce no `execute_result` (the dispatcher drops it).
  func execute(code: String, executionCount: Int, silent: Bool, output: any ExecutionOutput) -> ExecutionOutcome
  /// One `user_expressions` entry, evaluated after the cell: a bundle or an error.
  func evaluate(expression: String) -> Result<MimeBundle, ExecutionError>
  func complete(code: String, cursorPosition: Int) -> CompletionResult
  /// Shift-Tab: documentation for the name at the cursor, or nil when nothing is found.
  func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> MimeBundle?
  func isComplete(code: String) -> Completeness
  /// Thread-safe: asks the running cell to stop with `KeyboardInterrupt` as soon as it can.
  /// Called only while `execute` runs or a comm handler handles a front end's message (never
  /// between requests), so a language can clear its flag when a cell or a handler ends.
  func interrupt()
  /// Called on `shutdown_request` with restart, after the reply: forget every name.
  func reset()
  /// Called once, when the dispatcher is made: the language may register comm targets and
  /// open comms of its own (widgets) through `comms`, from the execution thread.
  func attach(comms: CommManager)
}

extension KernelLanguage {
  public func attach(comms: CommManager) {}
}
