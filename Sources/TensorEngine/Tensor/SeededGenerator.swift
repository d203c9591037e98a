import Glibc

/// A small deterministic random number generator (SplitMix64), so that a seed gives the same
/// weights, images and data sets on every machine and every run: a notebook shows the same
/// pictures each time it is opened.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Moves on as if `next()` had been called `count` times: a shard of a batch draws the
  /// values of its own rows of a whole-batch sequence (dropout's mask).
  public mutating func skip(_ count: Int) {
    state &+= 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: max(0, count))
  }

  /// Uniform in [0, 1), from the top 24 bits so every value is exactly a Float.
  public mutating func nextUnitFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }

  /// Uniform in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * Double(next() >> 11) / Double(1 << 53)
  }

  /// Standard normal (Box-Muller).
  public mutating func normal() -> Double {
    let u1 = max(Double(next() >> 11) / Double(1 << 53), .leastNormalMagnitude)
    let u2 = Double(next() >> 11) / Double(1 << 53)
    return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
  }
}

