/// How a stack of feature maps shares its colour scale.
public enum RenderScale: Sendable, Equatable {
  /// One range for every channel, so tiles compare with each other (the default).
  case shared
  /// Each channel stretched over its own range, so weak channels still show their pattern.
  case perChannel
  /// A range given by the learner, e.g. `(0, 255)`.
  case fixed(ValueRange)

  /// The names a learner types for `scale=`.
  public static let names = ["shared", "per_channel"]

  public static func named(_ name: String) -> RenderScale? {
    switch name.lowercased() {
    case "shared", "global", "same": return .shared
    case "per_channel", "perchannel", "channel", "channels", "each", "independent": return .perChannel
    default: return nil
    }
  }
}

/// How channels become pictures.
public enum RenderMode: String, Sendable, CaseIterable {
  /// `rgb` for pixel data with three channels (`RenderOptions.pixelRange` given), else `grid`.
  case auto
  /// One tile per channel, in a near-square grid.
  case grid
  /// A three-channel tensor as one colour picture (a fourth channel is ignored).
  case rgb
  /// One tile per channel, all in one row.
  case channels

  /// The names a learner types for `mode=`.
  public static let names = RenderMode.allCases.map(\.rawValue)

  public static func named(_ name: String) -> RenderMode? { RenderMode(rawValue: name.lowercased()) }
}

/// How `renderFilters` shows a kernel `(kh, kw, C_in, C_out)` with several input channels.
public enum FilterLayout: Sendable, Equatable {
  /// `rgb` when `C_in` is 3, else `all` when `C_in x C_out` fits in `maxTiles`, else `average`.
  case auto
  /// One colour tile per output filter, input channels 0, 1, 2 as red, green, blue, zero
  /// mid-gray: the classic picture of a first layer's filters on colour images. Needs `C_in == 3`.
  case rgb
  /// One tile per output filter: the mean over input channels.
  case average
  /// One tile per output filter: input channel 0 only.
  case firstInput
  /// A row per input channel, a column per output filter.
  case all
}

/// Everything `FeatureMapRenderer` can be told; every field has a sensible default.
public struct RenderOptions: Sendable, Equatable {
  /// nil chooses: the diverging map (centred on 0) when any value is negative, else gray.
  public var colormap: Colormap?
  public var scale: RenderScale
  public var mode: RenderMode
  /// Drawn above the tiles.
  public var title: String?
  /// Nearest-neighbour magnification; nil picks one so tiles are at least `minTileSize` wide.
  public var upscale: Int?
  /// Channels beyond this are not drawn; the picture and `RenderedImage.hiddenTiles` say how many.
  public var maxTiles: Int
  /// The channel index under each tile.
  public var tileLabels: Bool
  /// A colour bar with the value range under the tiles.
  public var legend: Bool
  /// Target tile width for automatic upscaling; nil means 112 px for maps, 72 px for filters.
  public var minTileSize: Int?
  /// Automatic upscaling keeps the picture at most this wide.
  public var maxWidth: Int
  public var filterLayout: FilterLayout
  /// The scale of pixel data (0...255 or 0...1) when the tensor is known to be pixels of a
  /// picture; nil for anything else, which is drawn on its own range. Also what makes a
  /// three-channel tensor one colour picture in `.auto` mode.
  public var pixelRange: ValueRange?
  /// Which channels of a stack of maps to draw (`0..<C` when nil), still at most `maxTiles`.
  public var channels: Range<Int>?

  public init(
    colormap: Colormap? = nil, scale: RenderScale = .shared, mode: RenderMode = .auto, title: String? = nil,
    upscale: Int? = nil, maxTiles: Int = 256, tileLabels: Bool = true, legend: Bool = true,
    minTileSize: Int? = nil, maxWidth: Int = 1200, filterLayout: FilterLayout = .auto
  ) {
    self.colormap = colormap
    self.scale = scale
    self.mode = mode
    self.title = title
    self.upscale = upscale
    self.maxTiles = maxTiles
    self.tileLabels = tileLabels
    self.legend = legend
    self.minTileSize = minTileSize
    self.maxWidth = maxWidth
    self.filterLayout = filterLayout
  }
}

extension RenderOptions {
  /// Options from the keywords of `show(value, cmap=, mode=, title=, scale=)`: names as the
  /// learner typed them, `scale` either a name (`"shared"`, `"per_channel"`) or, through
  /// `range`, an explicit `(min, max)`. Unknown names are errors that list the known ones.
  public static func keywords(
    cmap: String? = nil, mode: String? = nil, title: String? = nil, scale: String? = nil, range: ValueRange? = nil
  ) throws(RenderError) -> RenderOptions {
    var options = RenderOptions(title: title)
    if let cmap {
      guard let map = Colormap.named(cmap) else { throw .unknownColormap(name: cmap) }
      options.colormap = map
    }
    if let mode {
      guard let parsed = RenderMode.named(mode) else { throw .unknownMode(name: mode) }
      options.mode = parsed
    }
    if let scale {
      guard let parsed = RenderScale.named(scale) else { throw .unknownScale(name: scale) }
      options.scale = parsed
    }
    if let range { options.scale = .fixed(try ColorScale.validated(range)) }
    return options
  }
}

/// The picture and what a caller needs to display it and describe it.
public struct RenderedImage: Sendable {
  /// The PNG file's bytes.
  public let png: [UInt8]
  /// Size in pixels, for Jupyter's `image/png` width/height metadata.
  public let width: Int
  public let height: Int
  /// Channels (or filters) drawn, and those left out by paging.
  public let shownTiles: Int
  public let hiddenTiles: Int
  /// The colormap used (chosen automatically unless one was given); `.gray` for RGB pictures.
  public let colormap: Colormap
  /// The values the colormap spans; nil when each channel has its own range or for RGB.
  public let range: ValueRange?
  /// Facts also written under the picture, e.g. "sample 0 of 8" or "+36 more channels".
  public let notes: [String]
  /// `N` when an `(N, H, W, C)` batch was given (only sample 0 is drawn); nil otherwise.
  public var batchSize: Int? = nil

  /// The PNG as base64 text for `data["image/png"]`.
  public var base64: String { PNGEncoder.base64(png) }
}
