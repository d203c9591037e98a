/// One stretch of eight values of a parameter during an optimizer step: the value, its
/// gradient and up to three slots of the optimizer's state.
struct UpdateLanes {
  typealias V = SIMD8<Float>
  var value: V
  let gradient: V
  var slot0 = V()
  var slot1 = V()
  var slot2 = V()
}

/// An optimizer's arithmetic: per-step scalars computed once (`Coefficients`), then the same
/// vector update over every stretch of every parameter.
protocol UpdateRule: Sendable {
  associatedtype Coefficients: Sendable
  var slotCount: Int { get }
  /// The scalars of step `step` (1 for the first), from the learning rate.
  func coefficients(learningRate: Float, step: Int) -> Coefficients
  func update(_ lanes: inout UpdateLanes, _ c: Coefficients)
}

extension UpdateRule {
  /// Runs the update over `count` values, eight at a time, split over cores for large
  /// parameters; the tail goes through zero-padded vectors and only its real lanes are stored.
  /// `decay` is Keras's weight decay `w -= w · weight_decay · learning_rate`, applied first.
  func run(
    count: Int, value: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
    slots: [UnsafeMutablePointer<Float>], decay: Float, _ c: Coefficients
  ) {
    let w = SharedPointer(value)
    let g = SharedPointer(gradient)
    let s0 = slots.count > 0 ? SharedPointer(slots[0]) : w
    let s1 = slots.count > 1 ? SharedPointer(slots[1]) : w
    let s2 = slots.count > 2 ? SharedPointer(slots[2]) : w
    let slotCount = slots.count
    // Each range is a whole number of vectors, so threads never share a cache line's tail.
    let vectors = (count + 7) / 8
    // Serial below 64 Ki values: waking a second core costs more than the step itself.
    Parallelism.forEachRange(vectors, grain: Parallelism.serialValues / 8) { range in
      let raw = (
        w: UnsafeMutableRawPointer(w.base), g: UnsafeRawPointer(g.base), s0: UnsafeMutableRawPointer(s0.base),
        s1: UnsafeMutableRawPointer(s1.base), s2: UnsafeMutableRawPointer(s2.base)
      )
      for vector in range {
        let i = vector * 8
        let lanes = min(8, count - i)
        var v: UpdateLanes
        if lanes == 8 {
          v = UpdateLanes(
            value: raw.w.loadUnaligned(fromByteOffset: i * 4, as: UpdateLanes.V.self),
            gradient: raw.g.loadUnaligned(fromByteOffset: i * 4, as: UpdateLanes.V.self))
          if slotCount > 0 { v.slot0 = raw.s0.loadUnaligned(fromByteOffset: i * 4, as: UpdateLanes.V.self) }
          if slotCount > 1 { v.slot1 = raw.s1.loadUnaligned(fromByteOffset: i * 4, as: UpdateLanes.V.self) }
          if slotCount > 2 { v.slot2 = raw.s2.loadUnaligned(fromByteOffset: i * 4, as: UpdateLanes.V.self) }
        } else {
          v = UpdateLanes(value: .init(), gradient: Self.tail(g.base + i, lanes))
          v.value = Self.tail(w.base + i, lanes)
          if slotCount > 0 { v.slot0 = Self.tail(s0.base + i, lanes) }
          if slotCount > 1 { v.slot1 = Self.tail(s1.base + i, lanes) }
          if slotCount > 2 { v.slot2 = Self.tail(s2.base + i, lanes) }
        }
        v.value -= v.value * decay
        update(&v, c)
        if lanes == 8 {
          raw.w.storeBytes(of: v.value, toByteOffset: i * 4, as: UpdateLanes.V.self)
          if slotCount > 0 { raw.s0.storeBytes(of: v.slot0, toByteOffset: i * 4, as: UpdateLanes.V.self) }
          if slotCount > 1 { raw.s1.storeBytes(of: v.slot1, toByteOffset: i * 4, as: UpdateLanes.V.self) }
          if slotCount > 2 { raw.s2.storeBytes(of: v.slot2, toByteOffset: i * 4, as: UpdateLanes.V.self) }
        } else {
          for lane in 0..<lanes {
            w.base[i + lane] = v.value[lane]
            if slotCount > 0 { s0.base[i + lane] = v.slot0[lane] }
            if slotCount > 1 { s1.base[i + lane] = v.slot1[lane] }
            if slotCount > 2 { s2.base[i + lane] = v.slot2[lane] }
          }
        }
      }
    }
  }

  @inline(__always)
  private static func tail(_ p: UnsafeMutablePointer<Float>, _ lanes: Int) -> UpdateLanes.V {
    var v = UpdateLanes.V()
    for lane in 0..<lanes { v[lane] = p[lane] }
    return v
  }
}
