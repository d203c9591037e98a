import TensorEngine

/// The fuzzing tests' seeded choices, drawn from the engine's SplitMix64 generator: a seed
/// `state` gives the stream SplitMix64 gives from that state.
public struct SplitMix {
  private var generator: SeededGenerator

  public init(state: UInt64) {
    generator = SeededGenerator(seed: state &- 0x9E37_79B9_7F4A_7C15)
  }

  public mutating func next() -> UInt64 { generator.next() }

  /// A number in `0..<n` (0 when `n` is not positive).
  public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
  public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
  public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
