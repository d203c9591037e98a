/// One 2-D map inside a tensor's storage, read in place: value `(y, x)` is at
/// `start + y * rowStep + x * step`. Channel `c` of an `(H, W, C)` tensor is
/// `start: c, step: C, rowStep: W * C`, so no channel is ever copied out.
struct TileSource: Sendable {
  let values: [Float]
  let start: Int
  let step: Int
  let rowStep: Int
  let height: Int
  let width: Int
  let label: String

  /// A whole contiguous `(height, width)` map.
  init(values: [Float], height: Int, width: Int, label: String) {
    self.init(values: values, start: 0, step: 1, rowStep: width, height: height, width: width, label: label)
  }

  init(values: [Float], start: Int, step: Int, rowStep: Int, height: Int, width: Int, label: String) {
    self.values = values
    self.start = start
    self.step = step
    self.rowStep = rowStep
    self.height = height
    self.width = width
    self.label = label
  }

  /// The smallest and largest finite values; `(+inf, -inf)` when there are none.
  func finiteExtremes() -> (min: Float, max: Float) {
    var lo = Float.infinity
    var hi = -Float.infinity
    values.withUnsafeBufferPointer { v in
      for y in 0..<height {
        var i = start + y * rowStep
        for _ in 0..<width {
          let x = v[i]
          if x.isFinite {
            lo = min(lo, x)
            hi = max(hi, x)
          }
          i += step
        }
      }
    }
    return (lo, hi)
  }

  /// True when every value is an integer in 0...255: pixel data rather than activations.
  func looksLikePixels() -> Bool {
    values.withUnsafeBufferPointer { v in
      for y in 0..<height {
        var i = start + y * rowStep
        for _ in 0..<width {
          let x = v[i]
          if !(x >= 0 && x <= 255 && x == x.rounded()) { return false }
          i += step
        }
      }
      return true
    }
  }
}
