import Glibc
import TensorEngine

/// One map of a stack: where it starts in the storage, and its label under the tile.
struct TileSource: Sendable {
  let start: Int
  let label: String
}

/// Maps of one size read in place from one storage array: value `(y, x)` of a tile is at
/// `tile.start + y * rowStep + x * step`. Channel `c` of an `(H, W, C)` tensor starts at `c`
/// with `step: C, rowStep: W * C`, so no channel is ever copied out.
///
/// Passes over the stack run pixel by pixel across all tiles, not tile by tile: for a
/// channels-last tensor that reads memory in order, where a tile-at-a-time pass would stride
/// through all of it once per channel.
struct TileStack: Sendable {
  let values: [Float]
  let height: Int
  let width: Int
  let step: Int
  let rowStep: Int
  var tiles: [TileSource]

  /// The channels of an `(H, W, C)` tensor's storage, labelled by index.
  static func channels(of values: [Float], height: Int, width: Int, channels: Int) -> TileStack {
    TileStack(
      values: values, height: height, width: width, step: channels, rowStep: width * channels,
      tiles: (0..<channels).map { TileSource(start: $0, label: String($0)) })
  }

  /// Per tile, the smallest and largest finite values; `(+inf, -inf)` when there are none.
  func finiteExtremes() -> [(min: Float, max: Float)] {
    let count = tiles.count
    let bands = TileStack.bands(rows: height, work: height * width * count)
    // Band b keeps its minima at [b * 2 * count, b * 2 * count + count) and maxima after them.
    var partial = [Float](repeating: 0, count: bands * count * 2)
    let starts = tiles.map(\.start)
    let (height, width, step, rowStep) = (self.height, self.width, self.step, self.rowStep)
    values.withUnsafeBufferPointer { input in
      partial.withUnsafeMutableBufferPointer { out in
        let shared = SharedFloats(base: out)
        let v = ReadOnlyFloats(base: input)
        Parallelism.perform(iterations: bands) { band in
          guard let lo = shared.base.baseAddress.map({ $0 + band * 2 * count }) else { return }
          let hi = lo + count
          lo.initialize(repeating: .infinity, count: count)
          hi.initialize(repeating: -.infinity, count: count)
          for y in TileStack.rows(of: band, bands: bands, height: height) {
            for x in 0..<width {
              let offset = y * rowStep + x * step
              for t in 0..<count {
                let value = v.base[starts[t] + offset]
                // Comparisons with NaN are false, and infinities are screened here, so both stay out.
                if value.isFinite {
                  lo[t] = Swift.min(lo[t], value)
                  hi[t] = Swift.max(hi[t], value)
                }
              }
            }
          }
        }
      }
    }
    return (0..<count).map { t in
      var result: (min: Float, max: Float) = (.infinity, -.infinity)
      for band in 0..<bands {
        result.min = min(result.min, partial[band * 2 * count + t])
        result.max = max(result.max, partial[band * 2 * count + count + t])
      }
      return result
    }
  }

  /// Palette levels of every tile, one `height x width` plane per tile, one after another.
  func levels(_ mappings: [LevelMapping]) -> [UInt8] {
    let count = tiles.count
    let plane = height * width
    var planes = [UInt8](repeating: 0, count: plane * count)
    let bands = TileStack.bands(rows: height, work: plane * count)
    let starts = tiles.map(\.start)
    let (height, width, step, rowStep) = (self.height, self.width, self.step, self.rowStep)
    values.withUnsafeBufferPointer { input in
      planes.withUnsafeMutableBufferPointer { out in
        let shared = SharedPixels(base: out)
        let v = ReadOnlyFloats(base: input)
        Parallelism.perform(iterations: bands) { band in
          for y in TileStack.rows(of: band, bands: bands, height: height) {
            for x in 0..<width {
              let offset = y * rowStep + x * step
              let pixel = y * width + x
              for t in 0..<count {
                shared.base[t * plane + pixel] = mappings[t].level(v.base[starts[t] + offset])
              }
            }
          }
        }
      }
    }
    return planes
  }

  /// How many row bands to split `work` values into: a few per core for big stacks, one for small.
  static func bands(rows: Int, work: Int) -> Int {
    guard work >= 65_536 else { return 1 }
    return max(1, min(rows, 2 * Parallelism.coreCount))
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
