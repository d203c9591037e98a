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

/// How many slots a loop moves, as a type, so that each specialised loop loads and stores
/// exactly those with no test per vector.
protocol SlotCount { static var value: Int { get } }
enum NoSlot: SlotCount { static var value: Int { 0 } }
enum OneSlot: SlotCount { static var value: Int { 1 } }
enum TwoSlots: SlotCount { static var value: Int { 2 } }
enum ThreeSlots: SlotCount { static var value: Int { 3 } }

/// The raw addresses one optimizer step reads and writes.
struct UpdateStreams: @unchecked Sendable {
  // Raw pointers into the parameter's, gradient's and state's storage, valid for the call;
  // each worker touches its own range of them.
  let value: UnsafeMutablePointer<Float>
  let gradient: UnsafePointer<Float>
  let slots: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)
}

extension UpdateRule {
  /// Runs the update over `count` values, eight at a time, split over cores for large
  /// parameters; the tail goes through zero-padded vectors and only its real lanes are stored.
  /// `decay` is Keras's weight decay `w -= w · weight_decay · learning_rate`, applied first.
  func run(
    count: Int, value: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
    slots: [UnsafeMutablePointer<Float>], decay: Float, _ c: Coefficients
  ) {
    let streams = UpdateStreams(
      value: value, gradient: gradient,
      slots: (slots.count > 0 ? slots[0] : value, slots.count > 1 ? slots[1] : value, slots.count > 2 ? slots[2] : value))
    switch slots.count {
    case 0: run(NoSlot.self, count, streams, decay, c)
    case 1: run(OneSlot.self, count, streams, decay, c)
    case 2: run(TwoSlots.self, count, streams, decay, c)
    default: run(ThreeSlots.self, count, streams, decay, c)
    }
  }

  private func run<S: SlotCount>(_: S.Type, _ count: Int, _ p: UpdateStreams, _ decay: Float, _ c: Coefficients) {
    typealias V = UpdateLanes.V
    let vectors = count / 8
    // Serial below 64 Ki values: waking a second core costs more than the step itself.
    Parallelism.forEachRange(vectors, grain: Parallelism.serialValues / 8) { range in
      let w = UnsafeMutableRawPointer(p.value)
      let g = UnsafeRawPointer(p.gradient)
      let s0 = UnsafeMutableRawPointer(p.slots.0)
      let s1 = UnsafeMutableRawPointer(p.slots.1)
      let s2 = UnsafeMutableRawPointer(p.slots.2)
      for vector in range {
        let offset = vector * 32
        var v = UpdateLanes(value: w.loadUnaligned(fromByteOffset: offset, as: V.self),
                            gradient: g.loadUnaligned(fromByteOffset: offset, as: V.self))
        if S.value > 0 { v.slot0 = s0.loadUnaligned(fromByteOffset: offset, as: V.self) }
        if S.value > 1 { v.slot1 = s1.loadUnaligned(fromByteOffset: offset, as: V.self) }
        if S.value > 2 { v.slot2 = s2.loadUnaligned(fromByteOffset: offset, as: V.self) }
        v.value -= v.value * decay
        update(&v, c)
        w.storeBytes(of: v.value, toByteOffset: offset, as: V.self)
        if S.value > 0 { s0.storeBytes(of: v.slot0, toByteOffset: offset, as: V.self) }
        if S.value > 1 { s1.storeBytes(of: v.slot1, toByteOffset: offset, as: V.self) }
        if S.value > 2 { s2.storeBytes(of: v.slot2, toByteOffset: offset, as: V.self) }
      }
    }
    let start = vectors * 8
    let lanes = count - start
    guard lanes > 0 else { return }
    // The last few values through zero-padded vectors: the same arithmetic, only real lanes stored.
    let slots = [p.slots.0, p.slots.1, p.slots.2]
    var v = UpdateLanes(value: Self.tail(p.value + start, lanes), gradient: Self.tail(UnsafeMutablePointer(mutating: p.gradient) + start, lanes))
    if S.value > 0 { v.slot0 = Self.tail(slots[0] + start, lanes) }
    if S.value > 1 { v.slot1 = Self.tail(slots[1] + start, lanes) }
    if S.value > 2 { v.slot2 = Self.tail(slots[2] + start, lanes) }
    v.value -= v.value * decay
    update(&v, c)
    for lane in 0..<lanes {
      p.value[start + lane] = v.value[lane]
      if S.value > 0 { slots[0][start + lane] = v.slot0[lane] }
      if S.value > 1 { slots[1][start + lane] = v.slot1[lane] }
      if S.value > 2 { slots[2][start + lane] = v.slot2[lane] }
    }
  }

  @inline(__always)
  private static func tail(_ p: UnsafeMutablePointer<Float>, _ lanes: Int) -> UpdateLanes.V {
    var v = UpdateLanes.V()
    for lane in 0..<lanes { v[lane] = p[lane] }
    return v
  }
}
