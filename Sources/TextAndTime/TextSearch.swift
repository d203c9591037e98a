extension StringProtocol {
  /// Whether `part` occurs in this text, compared as UTF-8 bytes (exact, like Python's `in`).
  /// The standard library's `contains(_:)` for text lives in the string-processing module,
  /// which the kernel does not link (it and its regex parser cost about 1 MiB per process).
  public func containsText(_ part: some StringProtocol) -> Bool {
    let needle = Array(part.utf8)
    guard let first = needle.first else { return true }
    let haystack = Array(utf8)
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == first {
      if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
    }
    return false
  }
}
