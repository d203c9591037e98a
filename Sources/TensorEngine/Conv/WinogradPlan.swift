import Synchronization

/// Knobs of the Winograd F(2x2, 3x3) path, public so that tests can send small layers through
/// it and the benchmark can sweep it.
public enum WinogradTuning {
  private static let enabled = Atomic<Bool>(true)
  private static let channels = Atomic<Int>(8)
  private static let filters = Atomic<Int>(8)
  private static let tileCount = Atomic<Int>(32)
  private static let block = Atomic<Int>(512 << 10)
  private static let splitBelow = Atomic<Int>(64)
  private static let sharedWeights = Atomic<Int>(6 << 20)
  private static let sharedBlock = Atomic<Int>(8 << 20)

  /// Lowest value the channel and filter thresholds accept. The tutorials' hand-sized layers
  /// (1-3 channels) always take the direct path, whose sums are the ones a learner writes out.
  public static let floor = 4

  /// False sends every convolution to the direct path.
  public static var isEnabled: Bool {
    get { enabled.load(ordering: .relaxed) }
    set { enabled.store(newValue, ordering: .relaxed) }
  }

  /// Fewest input channels for which a 3x3 stride-1 layer takes the Winograd path.
  public static var minimumChannels: Int {
    get { channels.load(ordering: .relaxed) }
    set { channels.store(max(floor, newValue), ordering: .relaxed) }
  }

  /// Fewest filters for which a 3x3 stride-1 layer takes the Winograd path.
  public static var minimumFilters: Int {
    get { filters.load(ordering: .relaxed) }
    set { filters.store(max(floor, newValue), ordering: .relaxed) }
  }

  /// Fewest 2x2 output tiles (over the whole batch) for which a layer takes the Winograd
  /// path. The weight transform is paid once per call, whatever the map size: at 512 x 512
  /// a 7x7 map (16 tiles) took as long as the direct path, 14x14 (49 tiles) a third less.
  public static var minimumTiles: Int {
    get { tileCount.load(ordering: .relaxed) }
    set { tileCount.store(max(1, newValue), ordering: .relaxed) }
  }

  /// Target bytes of one block's transformed input and products (`16 x tiles x (C + F)`
  /// floats), which are written and read again on one core.
  public static var blockBytes: Int {
    get { block.load(ordering: .relaxed) }
    set { block.store(max(4096, newValue), ordering: .relaxed) }
  }

  /// When each thread would get fewer tiles than this, the threads share the tiles and split
  /// the filters instead (late layers: few pixels, many filters).
  public static var splitFiltersBelowTiles: Int {
    get { splitBelow.load(ordering: .relaxed) }
    set { splitBelow.store(max(0, newValue), ordering: .relaxed) }
  }

  /// Above this size (`16 x C x F` floats: 16 MiB for 512 x 512) the transformed weights are
  /// not stored whole but staged a panel at a time (`splitFilters` in `WinogradPlan`).
  public static var sharedWeightBytes: Int {
    get { sharedWeights.load(ordering: .relaxed) }
    set { sharedWeights.store(max(0, newValue), ordering: .relaxed) }
  }

  /// Target bytes of a block when the threads share it (`splitFilters`).
  public static var sharedBlockBytes: Int {
    get { sharedBlock.load(ordering: .relaxed) }
    set { sharedBlock.store(max(4096, newValue), ordering: .relaxed) }
  }

  /// Whether `Ops.conv2d` with these arguments takes the Winograd path.
  public static func applies(
    input: [Int], kernel: [Int], strides: Size2 = 1, padding: Padding = .valid, dilation: Size2 = 1, groups: Int = 1
  ) -> Bool {
    guard
      let p = try? ConvProblem(
        operation: "conv2d", input: input, kernel: kernel, bias: nil, strides: strides, padding: padding,
        dilation: dilation, groups: groups)
    else { return false }
    return WinogradPlan.eligible(p)
  }
}

/// How a Winograd convolution is cut into blocks of 2x2 output tiles and spread over threads.
///
/// - `tileBlocks` (many tiles, weights up to a few MiB: VGG's layers from 224x224x64 to
///   56x56x256): the transformed weights `U` are computed once per call and shared; each
///   thread takes its own blocks of tiles and runs all three steps on them (input transform,
///   16 products, output transform) while the block is in its cache.
/// - `splitFilters` (few tiles, or weights so large that `U` would not stay in cache:
///   28x28 and 14x14 maps with 512 filters): the threads transform one block's input
///   together, then each takes its share of the filters, transforms their weights a panel at
///   a time into a buffer that stays in its L2, and multiplies the whole block by it. `U` is
///   never stored whole nor read by both cores.
struct WinogradPlan: Sendable {
  enum Strategy: Sendable { case tileBlocks, splitFilters }

  var strategy: Strategy
  var tilesHigh: Int
  var tilesWide: Int
  /// Tiles over the whole batch.
  var tiles: Int
  var tilesPerBlock: Int
  var blocks: Int
  var workers: Int
  /// Panels of 16 filters, and the row length of `M` (the filters rounded up to panels).
  var filterPanels: Int
  var productStride: Int
  /// Channels per pass of the weight transform in `splitFilters` (all of them for `tileBlocks`).
  var stagedDepth: Int
  /// Floats from one ξ slice to the next in `U`, `V` and `M`.
  var weightSlice: Int
  var inputSlice: Int
  var productSlice: Int
  /// Floats of one block's `V` and `M`; of one thread's own buffers (its `V`, `M` and border
  /// patch for `tileBlocks`; its patch, staged weights and regrouped taps for `splitFilters`,
  /// after the shared `V` and `M`); of the border patch.
  var blockFloats: Int
  var threadFloats: Int
  var patchFloats: Int
  /// The kernel regrouped by panels (`splitFilters`).
  var regroupFloats = 0
  var workspaceFloats: Int
  var workspaceBytes: Int { workspaceFloats * MemoryLayout<Float>.stride }

  /// `count` floats rounded up to whole cache lines, an odd number of them: the 16 slices
  /// are read and written together, and at a stride of a multiple of 4 KiB (a 64 x 64 slice
  /// is 16 KiB) they would all fall into the same cache set.
  static func staggered(_ count: Int) -> Int {
    let lines = (count + 15) / 16
    return (lines | 1) * 16
  }

  static func eligible(_ p: ConvProblem) -> Bool {
    WinogradTuning.isEnabled && p.kernelHeight == 3 && p.kernelWidth == 3 && p.strideH == 1 && p.strideW == 1
      && p.dilationH == 1 && p.dilationW == 1 && p.groups == 1 && p.channels >= WinogradTuning.minimumChannels
      && p.filters >= WinogradTuning.minimumFilters && p.batch > 0 && p.height > 0 && p.width > 0
      && p.batch * ((p.outHeight + 1) / 2) * ((p.outWidth + 1) / 2) >= WinogradTuning.minimumTiles
  }

  init?(problem p: ConvProblem) {
    guard Self.eligible(p) else { return nil }
    tilesHigh = (p.outHeight + 1) / 2
    tilesWide = (p.outWidth + 1) / 2
    tiles = p.batch * tilesHigh * tilesWide
    let width = WinogradGEMM.panelWidth
    filterPanels = (p.filters + width - 1) / width
    productStride = filterPanels * width
    let macs = p.multiplyAdds
    let threads = macs < Parallelism.serialMultiplyAdds ? 1 : Parallelism.threadCount
    let tileBytes = 16 * (p.channels + productStride) * MemoryLayout<Float>.stride
    let wanted = max(WinogradGEMM.rowsPerKernel, WinogradTuning.blockBytes / tileBytes)
    let weightBytes = 16 * p.channels * productStride * MemoryLayout<Float>.stride
    if tiles < threads * WinogradTuning.splitFiltersBelowTiles || weightBytes > WinogradTuning.sharedWeightBytes {
      strategy = .splitFilters
      // Every block transforms the weights again: blocks as large as the shared cache allows.
      tilesPerBlock = min(tiles, max(WinogradGEMM.rowsPerKernel, WinogradTuning.sharedBlockBytes / tileBytes))
      tilesPerBlock = min(tiles, (tilesPerBlock + 5) / 6 * 6)
      blocks = (tiles + tilesPerBlock - 1) / tilesPerBlock
      workers = min(threads, filterPanels)
    } else {
      strategy = .tileBlocks
      // Even out the blocks so that every thread gets the same number.
      let perThread = max(1, (tiles + threads * wanted - 1) / (threads * wanted))
      tilesPerBlock = max(1, (tiles + threads * perThread - 1) / (threads * perThread))
      // Whole micro-kernel row groups: only a block's last group can be shorter than six.
      tilesPerBlock = min(tiles, (tilesPerBlock + 5) / 6 * 6)
      blocks = (tiles + tilesPerBlock - 1) / tilesPerBlock
      workers = min(threads, blocks)
    }
    inputSlice = Self.staggered(tilesPerBlock * p.channels)
    productSlice = Self.staggered(tilesPerBlock * productStride)
    blockFloats = 16 * (inputSlice + productSlice)
    patchFloats = Self.staggered(16 * p.channels)
    if strategy == .tileBlocks {
      stagedDepth = p.channels
      weightSlice = Self.staggered(p.channels * productStride)
      threadFloats = blockFloats + patchFloats
      workspaceFloats = 16 * weightSlice + workers * threadFloats
    } else {
      // Shared: the regrouped taps. Per thread: the border patch, one panel's `U` for one pass.
      stagedDepth = WinogradGEMM.channelBlock(p.channels)
      weightSlice = Self.staggered(stagedDepth * width)
      regroupFloats = 9 * p.channels * productStride
      threadFloats = patchFloats + 16 * weightSlice
      workspaceFloats = blockFloats + regroupFloats + workers * threadFloats
    }
  }
}
