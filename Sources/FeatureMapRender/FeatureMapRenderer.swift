import TensorEngine

/// Turns tensors into PNG pictures: feature maps as a grid of colour-mapped tiles, colour
/// images as one picture, kernels as a grid of filters. Knows nothing of notebooks: the
/// caller puts `RenderedImage.base64` and its size into whatever display message it sends.
public enum FeatureMapRenderer {
  /// Whether a title can be drawn into a picture: the built-in font has Latin letters, digits
  /// and common signs; other scripts come from a system font through FreeType when there is
  /// one (see `OutlineFont`), else the title belongs to the HTML form only.
  public static func canLetter(_ title: String) -> Bool { BitmapFont.canLetter(title) }

  static let shapesForMaps = "(n,), (H, W), (H, W, C) or (N, H, W, C)"
  static let shapesForFilters = "(kh, kw) or (kh, kw, C_in, C_out)"

  /// Draws a tensor: `(n,)` as a heat strip, `(H, W)` as one tile, `(H, W, C)` as one tile per
  /// channel, `(N, H, W, C)` as its first sample (`batchSize` and the notes say so). In `.auto`
  /// mode a 3-channel tensor of pixel data (`options.pixelRange` given) becomes one colour
  /// picture; pass `.rgb` for any other colour data. At most `options.maxTiles` channels are drawn, from `options.channels` when given.
  public static func renderPNG(_ tensor: Tensor, options: RenderOptions = RenderOptions()) throws(RenderError)
    -> RenderedImage
  {
    let shape = tensor.shape
    guard tensor.count > 0 else { throw .emptyTensor(shape: shape) }
    var notes: [String] = []
    let height: Int
    let width: Int
    let channels: Int
    switch shape.count {
    case 1: (height, width, channels) = (1, shape[0], 1)
    case 2: (height, width, channels) = (shape[0], shape[1], 1)
    case 3: (height, width, channels) = (shape[0], shape[1], shape[2])
    case 4:
      (height, width, channels) = (shape[1], shape[2], shape[3])
      if shape[0] > 1 { notes.append("sample 0 of \(shape[0])") }
    default: throw .unsupportedShape(shape: shape, expected: shapesForMaps)
    }
    let all = TileStack.channels(of: tensor.values, height: height, width: width, channels: channels)
    let wantsRGB: Bool
    switch options.mode {
    case .rgb:
      guard channels == 3 || channels == 4 else { throw .rgbNeedsThreeChannels(shape: shape) }
      wantsRGB = true
    case .auto: wantsRGB = channels == 3 && options.pixelRange != nil
    case .grid, .channels: wantsRGB = false
    }
    let batchSize = shape.count == 4 ? shape[0] : nil
    if wantsRGB {
      var rgb = all
      rgb.tiles = Array(all.tiles.prefix(3))
      var image = try ColorSheet(stack: rgb, options: options, notes: notes).render()
      image.batchSize = batchSize
      return image
    }
    var shown = all
    var selected = all.tiles[...]
    if let range = options.channels {
      guard range.lowerBound < channels else { throw .channelsOutOfRange(first: range.lowerBound, count: channels) }
      selected = all.tiles[range.clamped(to: 0..<channels)]
    }
    shown.tiles = Array(selected.prefix(max(1, options.maxTiles)))
    let hidden = channels - shown.tiles.count
    if let first = shown.tiles.first?.label, let last = shown.tiles.last?.label, hidden > 0 {
      notes.append("channels \(first) to \(last) of \(channels) (channels= picks others)")
    }
    var image = try TileSheet(
      stack: shown, notes: notes, options: options, columns: options.mode == .channels ? shown.tiles.count : nil,
      defaultMinTile: 112, hiddenTiles: hidden
    ).render()
    image.batchSize = batchSize
    return image
  }

  /// Draws convolution kernels: `(kh, kw)` as one tile, `(kh, kw, C_in, C_out)` as one tile per
  /// output filter, or a row per input channel (see `FilterLayout`). Signed weights get the
  /// diverging map centred on zero unless a colormap is given.
  public static func renderFilters(_ kernel: Tensor, options: RenderOptions = RenderOptions()) throws(RenderError)
    -> RenderedImage
  {
    let shape = kernel.shape
    guard kernel.count > 0 else { throw .emptyTensor(shape: shape) }
    let kh: Int
    let kw: Int
    let cin: Int
    let cout: Int
    switch shape.count {
    case 2: (kh, kw, cin, cout) = (shape[0], shape[1], 1, 1)
    case 4: (kh, kw, cin, cout) = (shape[0], shape[1], shape[2], shape[3])
    default: throw .unsupportedShape(shape: shape, expected: shapesForFilters)
    }
    let limit = max(1, options.maxTiles)
    var layout = options.filterLayout
    if layout == .auto { layout = cin == 3 ? .rgb : (cin * cout <= limit ? .all : .average) }
    if cin == 1 { layout = .all }
    if layout == .rgb { return try colorFilters(kernel, options: options) }
    var notes: [String] = []
    var tiles: [TileSource] = []
    // Kernel storage is (kh, kw, C_in, C_out) row-major: one step moves C_in x C_out values.
    var values = kernel.values
    var step = cin * cout
    var columns: Int?
    let total: Int
    switch layout {
    case .all, .auto, .rgb:  // .auto was resolved and .rgb returned above
      let shownOut = min(cout, limit)
      let shownIn = max(1, min(cin, limit / shownOut))
      for i in 0..<shownIn {
        for o in 0..<shownOut {
          tiles.append(TileSource(start: i * cout + o, label: cin == 1 ? String(o) : "\(i),\(o)"))
        }
      }
      columns = cin == 1 ? nil : shownOut
      total = cin * cout
      if cin > 1 { notes.append("tile i,o: input channel i of filter o") }
    case .average:
      values = FilterReduction.meanOverInputs(kernel.values, kh: kh, kw: kw, cin: cin, cout: cout)
      for o in 0..<min(cout, limit) {
        tiles.append(TileSource(start: o, label: String(o)))
      }
      step = cout
      total = cout
      notes.append("mean over \(cin) input channels")
    case .firstInput:
      for o in 0..<min(cout, limit) {
        tiles.append(TileSource(start: o, label: String(o)))
      }
      total = cout
      notes.append("input channel 0 of \(cin)")
    }
    let hidden = total - tiles.count
    if hidden > 0 { notes.append("+\(hidden) more tiles (\(tiles.count) of \(total) shown)") }
    var sheet = TileSheet(
      stack: TileStack(values: values, height: kh, width: kw, step: step, rowStep: kw * step, tiles: tiles),
      notes: notes, options: options,
      columns: columns, defaultMinTile: 72, hiddenTiles: hidden)
    sheet.strictColumns = columns != nil
    return try sheet.render()
  }
}

extension FeatureMapRenderer {
  /// One colour tile per filter of a `(kh, kw, 3, C_out)` kernel, on a range centred on zero.
  static func colorFilters(_ kernel: Tensor, options: RenderOptions) throws(RenderError) -> RenderedImage {
    let shape = kernel.shape
    guard shape.count == 4, shape[2] == 3 else {
      throw .unsupportedShape(shape: shape, expected: "(kh, kw, 3, C_out) for colour filters")
    }
    let (kh, kw, cout) = (shape[0], shape[1], shape[3])
    let shown = min(cout, max(1, options.maxTiles))
    var tiles: [TileSource] = []
    for o in 0..<shown {
      for c in 0..<3 { tiles.append(TileSource(start: c * cout + o, label: String(o))) }
    }
    var notes = ["input channels 0, 1, 2 as red, green, blue; gray is 0"]
    if cout > shown { notes.append("+\(cout - shown) more filters (\(shown) of \(cout) shown)") }
    var sheet = ColorSheet(
      stack: TileStack(
        values: kernel.values, height: kh, width: kw, step: 3 * cout, rowStep: kw * 3 * cout, tiles: tiles),
      options: options, notes: notes)
    sheet.labels = (0..<shown).map(String.init)
    sheet.centredOnZero = true
    sheet.defaultMinTile = 72
    sheet.hiddenTiles = cout - shown
    return try sheet.render()
  }
}

/// Reductions over a kernel's input channels, for drawing one tile per filter.
enum FilterReduction {
  /// `(kh, kw, C_in, C_out)` → `(kh, kw, C_out)`, the mean over `C_in`.
  static func meanOverInputs(_ values: [Float], kh: Int, kw: Int, cin: Int, cout: Int) -> [Float] {
    var mean = [Float](repeating: 0, count: kh * kw * cout)
    let scale = 1 / Float(cin)
    for p in 0..<(kh * kw) {
      for i in 0..<cin {
        for o in 0..<cout { mean[p * cout + o] += values[(p * cin + i) * cout + o] }
      }
    }
    for j in mean.indices { mean[j] *= scale }
    return mean
  }
}
