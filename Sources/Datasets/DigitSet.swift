import TensorEngine

/// A handwritten-style digit data set that CNN Lab draws itself, so that nothing is
/// downloaded: 28x28 gray images (ink bright on black, 0...255, like MNIST) of the digits
/// 0-9, with the stroke thickness, slant, size, rotation, position and a hand's wobble
/// varying from sample to sample. The same seed always gives the same set, and the first
/// n samples of a seed do not depend on how many are asked for.
public enum DigitSet {
  public static let side = 28

  /// Images `(n, 28, 28, 1)` and labels `(n,)`.
  /// `cancellation` is looked at every 64 digits (about a millisecond of drawing), so the
  /// stop button ends `digits(100000)` at once.
  public static func generate(
    count: Int, seed: Int, cancellation: CancellationFlag? = nil
  ) throws -> (images: Tensor, labels: Tensor) {
    try MemoryBudget.check(operation: "digits", shape: [count, side, side, 1])
    var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
    var pixels: [Float] = []
    pixels.reserveCapacity(count * side * side)
    var labels: [Float] = []
    for index in 0..<count {
      if index % 64 == 0, cancellation?.isCancelled == true { throw TensorError.cancelled }
      let digit = Int(generator.next() % 10)
      let style = randomStyle(&generator)
      let strokes = wobble(Glyph.digits[digit].strokes, &generator)
      pixels += StrokeRenderer.render(strokes, style: style, rows: side, columns: side)
      labels.append(Float(digit))
    }
    return (Tensor(shape: [count, side, side, 1], values: pixels), Tensor(shape: [count], values: labels))
  }

  /// One digit drawn with the steady hand of the chapter's example, `(28, 28)`.
  public static func canonical(_ digit: Int) -> Tensor {
    let style = PenStyle(thickness: 2.6, slant: 0.12, width: 12.5, height: 19)
    let pixels = StrokeRenderer.render(Glyph.digits[digit].strokes, style: style, rows: side, columns: side)
    return Tensor(shape: [side, side], values: pixels)
  }

  static func randomStyle(_ g: inout SeededGenerator) -> PenStyle {
    let height = g.uniform(15.5, 20)
    return PenStyle(
      thickness: g.uniform(1.6, 3.4), slant: g.uniform(-0.15, 0.4), rotation: g.uniform(-10, 10),
      width: height * g.uniform(0.55, 0.8), height: height,
      shiftX: g.uniform(-2, 2), shiftY: g.uniform(-1.5, 1.5))
  }

  /// Bends each stroke slightly along its length, as an unsteady hand does.
  static func wobble(_ strokes: [[GlyphPoint]], _ g: inout SeededGenerator) -> [[GlyphPoint]] {
    strokes.map { stroke in
      let (ax, ay) = (g.uniform(-0.04, 0.04), g.uniform(-0.04, 0.04))
      let (frequency, phase) = (g.uniform(0.5, 2), g.uniform(0, 2 * .pi))
      let n = Double(max(stroke.count - 1, 1))
      return stroke.enumerated().map { k, p in
        let w = sine(2 * .pi * frequency * Double(k) / n + phase)
        return GlyphPoint(p.x + ax * w, p.y + ay * w)
      }
    }
  }
}
