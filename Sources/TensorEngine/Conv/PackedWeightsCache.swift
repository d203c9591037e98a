import Synchronization

/// Weights rearranged for a kernel (the direct convolution's panels), kept between calls so
/// that a layer applied again does not pack them again: 11% of AlexNet's 5x5 layer was the
/// packing of its 2.3 MiB of weights, on every call. ONNX Runtime packs once per session.
///
/// Why a stale entry cannot be used: an entry is found by the address of the weights'
/// storage, and it holds a reference to that storage. While it does, the storage is shared,
/// so any write to the tensor (Swift arrays copy on write when shared) goes to a fresh copy
/// at another address, which misses; and the address cannot be reused by another
/// allocation while the entry keeps the storage alive.
///
/// At most `capacityEntries` entries and `capacityBytes` (packed plus the retained
/// originals) stay cached; the least recently used entries go first. A long session that makes
/// a new layer in every cell then holds at most the last few dozen kernels, instead of one
/// dead entry per cell up to the byte cap. The bytes cover every direct-path layer of the
/// benchmarked networks together (AlexNet's are 2.6 MiB; VGG-16's other layers are Winograd
/// or im2col, which keep no packed weights). Entries in use by a running call stay alive
/// through their reference count even when evicted.
enum PackedWeightsCache {
  /// What a packing depends on besides the values: the layout, as the packer's own numbers.
  /// The addresses are only compared, never read through.
  struct Key: Hashable, @unchecked Sendable {
    var kernel: UnsafeRawPointer
    var bias: UnsafeRawPointer?
    var layout: [Int]
  }

  final class Buffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>
    let floats: Int
    init(floats: Int) {
      self.floats = max(floats, 1)
      base = UnsafeMutableRawPointer.allocate(byteCount: self.floats * MemoryLayout<Float>.stride, alignment: 64)
        .bindMemory(to: Float.self, capacity: self.floats)
    }
    deinit { UnsafeMutableRawPointer(base).deallocate() }
  }

  private struct Entry: Sendable {
    var buffer: Buffer
    // Held only to keep the storage shared (see above).
    var kernel: [Float]
    var bias: [Float]?
    var bytes: Int
    var lastUse: Int
  }

  private struct State: Sendable {
    var entries: [Key: Entry] = [:]
    var bytes = 0
    var clock = 0
  }

  static let capacityBytes = 16 << 20
  static let capacityEntries = 32
  private static let state = Mutex(State())

  /// The packed weights for `kernel` and `bias` in `layout`: from the cache, or made by
  /// `pack` into a new buffer of `floats` and cached when they fit.
  static func packed(
    kernel: [Float], bias: [Float]?, layout: [Int], floats: Int, pack: (UnsafeMutablePointer<Float>) -> Void
  ) -> Buffer {
    let key = kernel.withUnsafeBufferPointer { k in
      Key(
        kernel: UnsafeRawPointer(k.baseAddress!), bias: bias?.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
        layout: layout)
    }
    let found = state.withLock { state -> Buffer? in
      guard var entry = state.entries[key] else { return nil }
      state.clock += 1
      entry.lastUse = state.clock
      state.entries[key] = entry
      return entry.buffer
    }
    if let found { return found }
    let buffer = Buffer(floats: floats)
    pack(buffer.base)
    let bytes = (floats + kernel.count + (bias?.count ?? 0)) * MemoryLayout<Float>.stride
    guard bytes <= capacityBytes else { return buffer }
    // Evicted entries are released outside the lock.
    let evicted = state.withLock { state -> [Entry] in
      var evicted: [Entry] = []
      while state.bytes + bytes > capacityBytes || state.entries.count >= capacityEntries,
        let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
      {
        state.bytes -= oldest.value.bytes
        evicted.append(state.entries.removeValue(forKey: oldest.key)!)
      }
      state.clock += 1
      if let previous = state.entries.updateValue(
        Entry(buffer: buffer, kernel: kernel, bias: bias, bytes: bytes, lastUse: state.clock), forKey: key)
      {
        state.bytes -= previous.bytes
        evicted.append(previous)
      }
      state.bytes += bytes
      return evicted
    }
    _ = evicted
    return buffer
  }

  /// Bytes held now (`ConvolutionTuning.cachedWeightBytes`).
  static var heldBytes: Int { state.withLock { $0.bytes } }

  /// Entries held now (`ConvolutionTuning.cachedWeightEntries`).
  static var heldEntries: Int { state.withLock { $0.entries.count } }
}
