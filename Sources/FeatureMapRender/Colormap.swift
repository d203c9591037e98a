/// A colormap: a continuous path through colour space given by control points, sampled
/// into lookup tables on demand. Tables are computed here from a handful of points, so
/// they are deterministic and carry no copied data.
public struct Colormap: Sendable, Equatable {
  /// A colour at a position in 0...1 along the map.
  public struct Stop: Sendable, Equatable {
    public var position: Float
    public var color: RGB
    public init(_ position: Float, _ color: RGB) {
      self.position = position
      self.color = color
    }
  }

  /// The canonical name (`"gray"`, `"diverging"`, `"viridis"`, `"magma"`).
  public let name: String
  /// Control points, positions increasing from 0 to 1.
  public let stops: [Stop]
  /// A diverging map is meant for signed values: its centre colour marks zero.
  public let isDiverging: Bool

  public init(name: String, stops: [Stop], isDiverging: Bool = false) {
    self.name = name
    self.stops = stops.sorted { $0.position < $1.position }
    self.isDiverging = isDiverging
  }

  /// Black to white, linear in the encoded value, so a pixel value 128 stays 128.
  public static let gray = Colormap(name: "gray", stops: [Stop(0, RGB(0, 0, 0)), Stop(1, RGB(255, 255, 255))])

  /// Blue for negative, white at zero, red for positive (in the spirit of RdBu_r / coolwarm).
  public static let diverging = Colormap(
    name: "diverging",
    stops: [
      Stop(0.0, RGB(28, 52, 128)), Stop(0.18, RGB(45, 105, 180)), Stop(0.36, RGB(140, 185, 225)),
      Stop(0.5, RGB(255, 255, 255)),
      Stop(0.64, RGB(242, 170, 145)), Stop(0.82, RGB(205, 70, 58)), Stop(1.0, RGB(115, 10, 30)),
    ],
    isDiverging: true)

  /// Dark purple through blue and green to yellow: perceptually ordered, readable in gray.
  public static let viridis = Colormap(
    name: "viridis",
    stops: [
      Stop(0.0, RGB(68, 1, 84)), Stop(0.13, RGB(71, 44, 122)), Stop(0.25, RGB(59, 82, 139)),
      Stop(0.38, RGB(44, 114, 142)), Stop(0.5, RGB(33, 145, 140)), Stop(0.63, RGB(40, 174, 128)),
      Stop(0.75, RGB(94, 201, 98)), Stop(0.88, RGB(170, 220, 50)), Stop(1.0, RGB(253, 231, 37)),
    ])

  /// Black through purple and orange to pale yellow.
  public static let magma = Colormap(
    name: "magma",
    stops: [
      Stop(0.0, RGB(0, 0, 4)), Stop(0.13, RGB(28, 16, 68)), Stop(0.25, RGB(81, 18, 124)),
      Stop(0.38, RGB(130, 38, 129)), Stop(0.5, RGB(183, 55, 121)), Stop(0.63, RGB(227, 89, 94)),
      Stop(0.75, RGB(252, 137, 97)), Stop(0.88, RGB(254, 196, 136)), Stop(1.0, RGB(252, 253, 191)),
    ])

  /// The names `named(_:)` accepts, canonical ones first.
  public static let names = ["gray", "diverging", "viridis", "magma", "grey", "RdBu", "RdBu_r", "coolwarm", "bwr"]

  /// Looks a map up by the name a learner types. `"RdBu"` and `"RdBu_r"` both give the
  /// diverging map with blue below zero: one convention, whichever spelling is used.
  public static func named(_ name: String) -> Colormap? {
    switch name.lowercased() {
    case "gray", "grey", "greys_r", "gray_r": return .gray
    case "diverging", "rdbu", "rdbu_r", "coolwarm", "bwr", "signed": return .diverging
    case "viridis": return .viridis
    case "magma": return .magma
    default: return nil
    }
  }

  /// The colour at `t` in 0...1 (clamped), linearly interpolated between control points.
  public func color(at t: Float) -> RGB {
    guard let first = stops.first, let last = stops.last else { return RGB(0, 0, 0) }
    let t = min(max(t.isNaN ? 0 : t, 0), 1)
    if t <= first.position { return first.color }
    for (a, b) in zip(stops, stops.dropFirst()) where t <= b.position {
      let f = b.position > a.position ? (t - a.position) / (b.position - a.position) : 1
      func mix(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Float(x) + (Float(y) - Float(x)) * f).rounded()) }
      return RGB(mix(a.color.r, b.color.r), mix(a.color.g, b.color.g), mix(a.color.b, b.color.b))
    }
    return last.color
  }

  /// The standard 256-entry table.
  public var lut: [RGB] { table(levels: 256) }

  /// `levels` colours evenly spaced along the map. A diverging map is sampled as two
  /// halves that each end on the centre colour, so the entry a zero maps to (index
  /// `levels / 2` for even counts) is exactly the centre colour, and both halves are symmetric.
  public func table(levels: Int) -> [RGB] {
    let levels = max(2, levels)
    guard isDiverging else {
      return (0..<levels).map { color(at: Float($0) / Float(levels - 1)) }
    }
    let half = levels / 2
    let lower = (0..<half).map { color(at: half > 1 ? 0.5 * Float($0) / Float(half - 1) : 0.5) }
    let upper = (0..<half).map { color(at: 1 - (half > 1 ? 0.5 * Float($0) / Float(half - 1) : 0.5)) }.reversed()
    return lower + (levels % 2 == 1 ? [color(at: 0.5)] : []) + upper
  }
}
