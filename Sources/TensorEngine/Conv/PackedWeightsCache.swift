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
/// Weights that an optimizer updates every step come with a `WeightsVersion` instead: their
/// entry is found by its owner, holds no reference to the kernel (an update in place then
/// copies nothing), and is replaced when the version or the layout changes, so a parameter
/// keeps one entry however many steps it takes. The bias is still matched by its retained
/// storage, as above, since it may be a parameter of its own.
///
/// At most `capacityEntries` entries and `capacityBytes` (packed plus the retained
/// originals) stay cached; the least recently used entries go first. A long session that makes
/// a new layer in every cell then holds at most the last few dozen kernels, instead of one
/// dead entry per cell up to the byte cap. The bytes cover every direct-path layer of the
/// benchmarked networks together (AlexNet's are 2.6 MiB; VGG-16's other layers are Winograd
/// or im2col, which keep no packed weights). Entries in use by a running call stay alive
/// through their reference count even when evicted.
enum PackedWeightsCache {
  /// Where an entry is filed. The addresses are only compared, never read through.
  enum Key: Hashable, @unchecked Sendable {
    /// By the storage of kernel and bias, and the layout (the packer's own numbers).
    case storage(kernel: UnsafeRawPointer, bias: UnsafeRawPointer?, layout: [Int])
    /// By the owner of versioned weights: one entry per owner.
    case owner(UInt64)
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

  // The bias address is only compared, never read through.
  private struct Entry: @unchecked Sendable {
    var buffer: Buffer
    // Held only to keep the storage shared (see above); nil for versioned weights.
    var kernel: [Float]?
    var bias: [Float]?
    var bytes: Int
    var lastUse: Int
    /// For versioned weights: what the packing was made from besides the owner.
    var version: UInt64 = 0
    var layout: [Int] = []
    var biasAddress: UnsafeRawPointer? = nil

    func matches(version: UInt64, layout: [Int], biasAddress: UnsafeRawPointer?) -> Bool {
      self.version == version && self.layout == layout && self.biasAddress == biasAddress
    }
  }

  private struct State: Sendable {
    var entries: [Key: Entry] = [:]
    var bytes = 0
    var clock = 0

    mutating func remove(_ key: Key) -> Entry? {
      guard let entry = entries.removeValue(forKey: key) else { return nil }
      bytes -= entry.bytes
      return entry
    }
  }

  static let capacityBytes = 16 << 20
  static let capacityEntries = 32
  private static let state = Mutex(State())

  /// The packed weights for `kernel` and `bias` in `layout`: from the cache, or made by
  /// `pack` into a new buffer of `floats` and cached when they fit (never for `.transient`).
  static func packed(
    kernel: [Float], bias: [Float]?, layout: [Int], floats: Int, identity: WeightsIdentity = .storage,
    pack: (UnsafeMutablePointer<Float>) -> Void
  ) -> Buffer {
    let biasAddress = bias?.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    let key: Key
    var version: UInt64 = 0
    var versioned = false
    switch identity {
    case .transient:
      let buffer = Buffer(floats: floats)
      pack(buffer.base)
      return buffer
    case .storage:
      key = kernel.withUnsafeBufferPointer { k in
        .storage(kernel: UnsafeRawPointer(k.baseAddress!), bias: biasAddress, layout: layout)
      }
    case .versioned(let weights):
      key = .owner(weights.owner)
      version = weights.version
      versioned = true
    }
    let found = state.withLock { state -> Buffer? in
      guard var entry = state.entries[key] else { return nil }
      if versioned, !entry.matches(version: version, layout: layout, biasAddress: biasAddress) { return nil }
      state.clock += 1
      entry.lastUse = state.clock
      state.entries[key] = entry
      return entry.buffer
    }
    if let found { return found }
    let buffer = Buffer(floats: floats)
    pack(buffer.base)
    let retainedKernel = versioned ? 0 : kernel.count
    let bytes = (floats + retainedKernel + (bias?.count ?? 0)) * MemoryLayout<Float>.stride
    guard bytes <= capacityBytes else {
      // Too large to keep; a versioned owner's older packing is stale now, so it goes too.
      if versioned { _ = state.withLock { state in state.remove(key) } }
      return buffer
    }
    let entry = Entry(
      buffer: buffer, kernel: versioned ? nil : kernel, bias: bias, bytes: bytes, lastUse: 0, version: version,
      layout: layout, biasAddress: biasAddress)
    // Evicted entries are released outside the lock.
    let evicted = state.withLock { state -> [Entry] in
      var evicted: [Entry] = []
      if let previous = state.remove(key) { evicted.append(previous) }
      while state.bytes + bytes > capacityBytes || state.entries.count >= capacityEntries,
        let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
      {
        evicted.append(state.remove(oldest.key)!)
      }
      state.clock += 1
      var fresh = entry
      fresh.lastUse = state.clock
      state.entries[key] = fresh
      state.bytes += bytes
      return evicted
    }
    _ = evicted
    return buffer
  }

  /// Entries filed under `owner`: 0 or 1.
  static func entries(owner: UInt64) -> Int { state.withLock { $0.entries[.owner(owner)] == nil ? 0 : 1 } }

  /// Bytes held now (`ConvolutionTuning.cachedWeightBytes`).
  static var heldBytes: Int { state.withLock { $0.bytes } }

  /// Entries held now (`ConvolutionTuning.cachedWeightEntryCount`).
  static var heldEntries: Int { state.withLock { $0.entries.count } }
}

/// How a convolution's weights are known again by `PackedWeightsCache`.
enum WeightsIdentity: Sendable {
  /// By their storage (weights a learner set or edits).
  case storage
  /// By owner and version (parameters an optimizer updates).
  case versioned(WeightsVersion)
  /// Not at all: weights made for one call (the backward pass's flipped kernel), packed and dropped.
  case transient
}
