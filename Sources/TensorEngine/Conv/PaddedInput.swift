/// A small image whose padding touches most of its windows, copied once into its zero
/// border before the direct kernel runs, so that every window lies inside and none is
/// unfolded. LeNet's first layer ('same' 5x5 on 28x28) has 208 of its 784 pixels on the
/// border: unfolding their windows moved 5,200 values per image one tap at a time, where the
/// 32x32 padded copy moves 1,024 in runs. Large maps keep unfolding their border instead: a
/// border one window deep is a small part of them, and their padded copy would be megabytes.
struct PaddedInput: Sendable {
  /// The layer on the padded input: the same windows, no padding.
  var problem: ConvProblem
  /// The layer as given.
  var original: ConvProblem

  /// Nil when the layer has no border pixels, or when unfolding them costs fewer values than
  /// copying the padded batch.
  init?(problem p: ConvProblem) {
    let spanH = (p.kernelHeight - 1) * p.dilationH + 1
    let spanW = (p.kernelWidth - 1) * p.dilationW + 1
    // Exactly the rows and columns the windows read, from the first window's start.
    let height = (p.outHeight - 1) * p.strideH + spanH
    let width = (p.outWidth - 1) * p.strideW + spanW
    let insideRows = Self.inside(outputs: p.outHeight, stride: p.strideH, before: p.padTop, span: spanH, size: p.height)
    let insideColumns = Self.inside(outputs: p.outWidth, stride: p.strideW, before: p.padLeft, span: spanW, size: p.width)
    let border = p.outHeight * p.outWidth - insideRows * insideColumns
    let unfolded = border * p.kernelHeight * p.kernelWidth * p.channels
    guard border > 0, height * width * p.channels < unfolded,
      let padded = try? ConvProblem(
        operation: "conv2d", input: [p.batch, height, width, p.channels],
        kernel: [p.kernelHeight, p.kernelWidth, p.groupChannels, p.filters], bias: nil,
        strides: Size2(p.strideH, p.strideW), padding: .valid, dilation: Size2(p.dilationH, p.dilationW),
        groups: p.groups),
      padded.outHeight == p.outHeight, padded.outWidth == p.outWidth
    else { return nil }
    (problem, original) = (padded, p)
  }

  /// How many of `outputs` windows of `span` cells, `stride` apart from `-before`, lie
  /// within `0..<size`.
  private static func inside(outputs: Int, stride: Int, before: Int, span: Int, size: Int) -> Int {
    (0..<outputs).count { index in
      let start = index * stride - before
      return start >= 0 && start + span <= size
    }
  }

  /// Values of the padded batch.
  var floats: Int { problem.batch * problem.height * problem.width * problem.channels }

  /// Copies the batch at `x` into `target` (`floats` values), zeros where the padding is.
  func copy(_ x: SharedPointer, into target: SharedPointer) {
    let (p, q) = (original, problem)
    let imageValues = q.height * q.width * q.channels
    let grain = Parallelism.grain(workPerItem: imageValues, threshold: Parallelism.serialValues)
    Parallelism.forEachRange(p.batch, grain: grain) { images in
      for n in images {
        copyIntoZeroBorder(p, image: n, from: x.base, height: q.height, width: q.width, into: target.base + n * imageValues)
      }
    }
  }
}

/// Image `n` of the layer `p`'s input batch at `x`, written as `height` x `width` cells at
/// `target`: the layer's top and left padding as zeros, then the image, then zeros past its
/// bottom and right edges (the rows and columns no window reads are left out).
func copyIntoZeroBorder(
  _ p: ConvProblem, image n: Int, from x: UnsafePointer<Float>, height: Int, width: Int,
  into target: UnsafeMutablePointer<Float>
) {
  let rowValues = width * p.channels
  // Columns `left..<right` of a padded row come from the image's columns from 0.
  let left = min(p.padLeft, width)
  let right = max(left, min(width, p.padLeft + p.width))
  for h in 0..<height {
    let row = target + h * rowValues
    let ih = h - p.padTop
    guard ih >= 0, ih < p.height else {
      zeroFloats(row, rowValues)
      continue
    }
    zeroFloats(row, left * p.channels)
    copyFloats(row + left * p.channels, x + ((n * p.height + ih) * p.width) * p.channels, (right - left) * p.channels)
    zeroFloats(row + right * p.channels, (width - right) * p.channels)
  }
}
