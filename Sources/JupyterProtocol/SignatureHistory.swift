import Synchronization

/// The signatures of the messages accepted so far, so that a signed message captured on the
/// wire and sent again is refused instead of running twice. jupyter_client's `Session` does the
/// same with its `digest_history`: a replayed signature is an error there too.
///
/// Bounded: the newest `capacity` signatures are kept (65,536 by default, as jupyter_client
/// keeps), the oldest forgotten first. Each is kept as the 128 bits of its first 32 hex digits
/// (16 bytes, not a 64-byte string), which keeps a long session's memory small: about 3 MiB
/// with the set's buckets when full. Thread-safe: the shell and control threads share one history.
public final class SignatureHistory: Sendable {
  public static let defaultCapacity = 1 << 16

  public let capacity: Int
  private let state: Mutex<State>

  private struct Digest: Hashable {
    var high: UInt64
    var low: UInt64
  }

  private struct State: ~Copyable {
    var seen: Set<Digest> = []
    var order: [Digest] = []
    var oldest = 0
  }

  public init(capacity: Int = defaultCapacity) {
    self.capacity = max(1, capacity)
    state = Mutex(State())
  }

  /// True when `signature` had not been seen (it is remembered from now on); false for a replay.
  public func remember(_ signature: [UInt8]) -> Bool {
    let digest = Self.digest(signature)
    return state.withLock { state in
      guard state.seen.insert(digest).inserted else { return false }
      if state.order.count < capacity {
        state.order.append(digest)
      } else {
        state.seen.remove(state.order[state.oldest])
        state.order[state.oldest] = digest
        state.oldest = (state.oldest + 1) % capacity
      }
      return true
    }
  }

  /// Signatures remembered now.
  public var count: Int { state.withLock { $0.seen.count } }

  /// The first 32 characters of the signature read as 4-bit digits (a verified signature is
  /// lowercase hex; any other byte still gives a stable value, which is all a key needs).
  private static func digest(_ signature: [UInt8]) -> Digest {
    var words: [UInt64] = [0, 0]
    for (i, byte) in signature.prefix(32).enumerated() {
      let nibble = UInt64(byte <= 0x39 ? byte &- 0x30 : byte &- 0x57) & 0xF
      words[i / 16] = words[i / 16] << 4 | nibble
    }
    return Digest(high: words[0], low: words[1])
  }
}
