import Synchronization

/// Cache-line aligned scratch memory for Winograd convolutions, kept between calls.
///
/// A VGG layer at 14x14x512 needs 17 MiB of scratch, mostly the transformed weights. Freshly
/// allocated, those pages fault in one by one on every call (about 4,500 faults, several
/// milliseconds, half the layer's arithmetic), so the last buffer is kept for the next call.
/// At most `keptBytes` stay allocated between calls; each call still counts its whole
/// workspace against the memory budget.
struct WinogradWorkspace: @unchecked Sendable {
  let base: UnsafeMutablePointer<Float>
  let floats: Int

  /// Largest buffer kept for reuse: VGG-16's largest layers (28x28 and 14x14 with 512
  /// filters) take about 18 MiB, so they keep theirs; anything larger is freed after its call.
  static let keptBytes = 24 << 20

  private static let spare = Mutex<WinogradWorkspace?>(nil)

  /// A buffer of at least `floats` floats: the kept one when it is large enough.
  static func take(floats: Int) -> WinogradWorkspace {
    let kept = spare.withLock { spare -> WinogradWorkspace? in
      guard let buffer = spare, buffer.floats >= floats else { return nil }
      spare = nil
      return buffer
    }
    if let kept { return kept }
    let bytes = max(floats, 16) * MemoryLayout<Float>.stride
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    return WinogradWorkspace(base: raw.bindMemory(to: Float.self, capacity: max(floats, 16)), floats: max(floats, 16))
  }

  /// Hands a buffer back: it is kept when it is the larger of it and the kept one and not
  /// over `keptBytes`; anything else is freed.
  static func give(_ buffer: WinogradWorkspace) {
    let freed = spare.withLock { spare -> WinogradWorkspace? in
      guard buffer.floats * MemoryLayout<Float>.stride <= keptBytes else { return buffer }
      guard let current = spare else {
        spare = buffer
        return nil
      }
      if current.floats >= buffer.floats { return buffer }
      spare = buffer
      return current
    }
    freed.map { UnsafeMutableRawPointer($0.base).deallocate() }
  }
}
