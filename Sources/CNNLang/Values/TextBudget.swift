import TensorEngine

/// The bound on one value's text and the interrupt flag read while it is written: a list
/// shared with itself at every level (`[[0] * 10**7] * 10**7`, or a nest of 40 pairs of one
/// list) has a text far longer than memory, which must stop early and on request.
struct TextBudget {
  /// 10 MB of text: more than a notebook can show, and written in well under a second.
  static let maximumBytes = 10_000_000
  /// Items written between two looks at the interrupt flag.
  static let itemsPerCheck = 1024

  enum Stop: Error { case tooLong, interrupted }

  let cancellation: CancellationFlag?
  private var items = 0

  init(cancellation: CancellationFlag?) {
    self.cancellation = cancellation
  }

  /// Called before each item: checks the length so far (one item may be a long string), and
  /// now and then the flag.
  mutating func step(_ out: String) throws(Stop) {
    try check(out)
    items += 1
    if items % TextBudget.itemsPerCheck == 0, cancellation?.isCancelled == true { throw .interrupted }
  }

  func check(_ out: String) throws(Stop) {
    if out.utf8.count > TextBudget.maximumBytes { throw .tooLong }
  }
}
