/// Who owns a set of weights and how many times they have been updated: the key under which
/// caches of derived weights (packed panels, transforms) keep them. A layer's parameter has a
/// fixed `owner` and bumps `version` on every optimizer step, so a cache replaces its one
/// entry for that owner instead of collecting a dead entry per step.
public struct WeightsVersion: Hashable, Sendable {
  public let owner: UInt64
  public let version: UInt64

  public init(owner: UInt64, version: UInt64) {
    self.owner = owner
    self.version = version
  }
}
