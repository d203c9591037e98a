/// "Did you mean ...?": the closest known name by edit distance, if it is close enough to be
/// a plausible typo.
enum NameSuggester {
  static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let d = distance(target, Array(candidate.lowercased()))
      // Under 4 edits, and fewer than half the letters: 'x' should not suggest 'y'.
      guard d < 4, d * 2 <= max(target.count, candidate.count) else { continue }
      if let current = best, (d, candidate) >= (current.distance, current.name) { continue }
      best = (candidate, d)
    }
    return best?.name
  }

  /// Optimal string alignment distance: Levenshtein plus swapped neighbours, because
  /// `pirnt` for `print` is the most common typo of all.
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
