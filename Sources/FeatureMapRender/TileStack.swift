import Dispatch
import Foundation

/// Where one 2-D map lies inside a stack's storage: value `(y, x)` is at
/// `start + y * rowStep + x * step`. Channel `c` of an `(H, W, C)` tensor is
/// `start: c, step: C, rowStep: W * C`, so no channel is ever copied out.
struct TileSource: Sendable {
  let start: Int
  let step: Int
  let rowStep: Int
  let label: String

  func offset(_ y: Int, _ x: Int) -> Int { start + y * rowStep + x * step }
}

/// Maps of one size read in place from one storage array. Passes over the stack run
/// pixel by pixel across all tiles, not tile by tile: for a channels-last tensor that reads
/// memory in order, where a tile-at-a-time pass would stride through all of it once per channel.
struct TileStack: Sendable {
  let values: [Float]
  let height: Int
  let width: Int
  var tiles: [TileSource]

  /// The channels of an `(H, W, C)` block of `values` starting at `offset`, labelled by index.
  static func channels(of values: [Float], offset: Int = 0, height: Int, width: Int, channels: Int) -> TileStack {
    let tiles = (0..<channels).map {
      TileSource(start: offset + $0, step: channels, rowStep: width * channels, label: String($0))
    }
    return TileStack(values: values, height: height, width: width, tiles: tiles)
  }

  /// Per tile, the smallest and largest finite values; `(+inf, -inf)` when there are none.
  func finiteExtremes() -> [(min: Float, max: Float)] {
    let count = tiles.count
    let bands = TileStack.bands(rows: height, work: height * width * count)
    var partial = [Float](repeating: 0, count: bands * count * 2)
    values.withUnsafeBufferPointer { input in
      partial.withUnsafeMutableBufferPointer { out in
        let shared = SharedFloats(base: out)
        let v = ReadOnlyFloats(base: input)
        DispatchQueue.concurrentPerform(iterations: bands) { band in
          var lo = [Float](repeating: .infinity, count: count)
          var hi = [Float](repeating: -.infinity, count: count)
          for y in TileStack.rows(of: band, bands: bands, height: height) {
            for x in 0..<width {
              for t in 0..<count {
                let value = v.base[tiles[t].offset(y, x)]
                if value.isFinite {
                  lo[t] = min(lo[t], value)
                  hi[t] = max(hi[t], value)
                }
              }
            }
          }
          for t in 0..<count {
            shared.base[(band * count + t) * 2] = lo[t]
            shared.base[(band * count + t) * 2 + 1] = hi[t]
          }
        }
      }
    }
    return (0..<count).map { t in
      let lows = (0..<bands).map { partial[($0 * count + t) * 2] }
      let highs = (0..<bands).map { partial[($0 * count + t) * 2 + 1] }
      return (lows.min() ?? .infinity, highs.max() ?? -.infinity)
    }
  }

  /// True when every value of every tile is an integer in 0...255: pixel data rather than activations.
  func looksLikePixels() -> Bool {
    values.withUnsafeBufferPointer { v in
      for y in 0..<height {
        for x in 0..<width {
          for tile in tiles {
            let value = v[tile.offset(y, x)]
            if !(value >= 0 && value <= 255 && value == value.rounded()) { return false }
          }
        }
      }
      return true
    }
  }

  /// Palette levels of every tile, one `height x width` plane per tile, one after another.
  func levels(_ mappings: [LevelMapping]) -> [UInt8] {
    let count = tiles.count
    let plane = height * width
    var planes = [UInt8](repeating: 0, count: plane * count)
    let bands = TileStack.bands(rows: height, work: plane * count)
    values.withUnsafeBufferPointer { input in
      planes.withUnsafeMutableBufferPointer { out in
        let shared = SharedPixels(base: out)
        let v = ReadOnlyFloats(base: input)
        DispatchQueue.concurrentPerform(iterations: bands) { band in
          for y in TileStack.rows(of: band, bands: bands, height: height) {
            for x in 0..<width {
              for t in 0..<count {
                shared.base[t * plane + y * width + x] = mappings[t].level(v.base[tiles[t].offset(y, x)])
              }
            }
          }
        }
      }
    }
    return planes
  }

  /// How many row bands to split `work` values into: one per core for big stacks, one for small.
  static func bands(rows: Int, work: Int) -> Int {
    guard work >= 65_536 else { return 1 }
    return max(1, min(rows, 2 * ProcessInfo.processInfo.activeProcessorCount))
  }

  static func rows(of band: Int, bands: Int, height: Int) -> Range<Int> {
    (band * height / bands)..<((band + 1) * height / bands)
  }
}

/// A float buffer shared by `concurrentPerform` iterations that write disjoint parts.
struct SharedFloats: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<Float>
}

/// Tensor storage read by `concurrentPerform` iterations; nobody writes it meanwhile.
struct ReadOnlyFloats: @unchecked Sendable {
  let base: UnsafeBufferPointer<Float>
}
