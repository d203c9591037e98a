import JupyterProtocol

/// The inputs (and `text/plain` outputs) of this kernel process, for `history_request`.
/// In memory: a new process is a new session, which is what clients expect after a restart.
///
/// Bounded, so that a long session's memory stays flat: the newest `capacity` entries (1,000)
/// and at most `capacityBytes` of their text (1 MiB), the oldest dropped first; the newest
/// entry is always kept. JupyterLab's console asks for the last few hundred.
public struct HistoryStore: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var line: Int
    public var input: String
    public var output: String?

    var textBytes: Int { input.utf8.count + (output?.utf8.count ?? 0) }
  }

  /// This process's session number. IPython numbers sessions from 1 and treats 0 as
  /// "the current one"; both are accepted.
  public let session: Int
  public let capacity: Int
  public let capacityBytes: Int
  public private(set) var entries: [Entry] = []
  /// UTF-8 bytes of every kept input and output.
  public private(set) var textBytes = 0

  public init(session: Int = 1, capacity: Int = 1000, capacityBytes: Int = 1 << 20) {
    self.session = session
    self.capacity = max(1, capacity)
    self.capacityBytes = capacityBytes
  }

  /// Records a stored execute under its execution count (lines are unique and increasing).
  public mutating func record(line: Int, input: String, output: String?) {
    let entry = Entry(line: line, input: input, output: output)
    entries.append(entry)
    textBytes += entry.textBytes
    var dropped = 0
    while entries.count - dropped > 1, entries.count - dropped > capacity || textBytes > capacityBytes {
      textBytes -= entries[dropped].textBytes
      dropped += 1
    }
    entries.removeFirst(dropped)
  }

  public func query(_ request: HistoryRequest) -> [JSONValue] {
    selected(request).map { entry in
      let input = JSONValue.string(entry.input)
      let item: JSONValue =
        request.output ? .array([input, entry.output.map(JSONValue.string) ?? .null]) : input
      return .array([.number(Double(session)), .number(Double(entry.line)), item])
    }
  }

  private func selected(_ request: HistoryRequest) -> [Entry] {
    switch request.accessType {
    case .tail:
      return Array(entries.suffix(max(0, request.n ?? 10)))
    case .range:
      // A negative session means an earlier process, whose history this kernel never had.
      let s = request.session ?? 0
      guard s == 0 || s == session else { return [] }
      let start = request.start ?? 0
      let stop = request.stop ?? Int.max
      return entries.filter { $0.line >= start && $0.line < stop }
    case .search:
      let pattern = GlobPattern(request.pattern ?? "*")
      var matches = entries.filter { pattern.matches($0.input) }
      if request.unique {
        // Keep the latest occurrence of each input, in line order, as IPython does.
        var seen = Set<String>()
        matches = matches.reversed().filter { seen.insert($0.input).inserted }.reversed()
      }
      if let n = request.n { matches = Array(matches.suffix(max(0, n))) }
      return matches
    }
  }
}

/// A glob as `history_request` search uses it: `*` any run of characters (newlines too),
/// `?` exactly one, everything else literal and case-sensitive; the whole input must match.
public struct GlobPattern: Sendable, Equatable {
  private let pattern: [Unicode.Scalar]

  public init(_ pattern: String) { self.pattern = Array(pattern.unicodeScalars) }

  public func matches(_ text: String) -> Bool {
    let t = Array(text.unicodeScalars)
    var p = 0
    var i = 0
    // Greedy matching with one backtrack point (the last `*`): linear in practice,
    // never exponential.
    var starP = -1
    var starI = 0
    while i < t.count {
      if p < pattern.count && (pattern[p] == "?" || (pattern[p] != "*" && pattern[p] == t[i])) {
        p += 1
        i += 1
      } else if p < pattern.count && pattern[p] == "*" {
        starP = p
        starI = i
        p += 1
      } else if starP >= 0 {
        p = starP + 1
        starI += 1
        i = starI
      } else {
        return false
      }
    }
    while p < pattern.count && pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }
}
