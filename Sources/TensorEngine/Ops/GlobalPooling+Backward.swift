extension Ops {
  /// ∂loss/∂x of `globalPool2d`: the average spreads each channel's gradient evenly over its
  /// H·W pixels; the maximum (and minimum) gives it all to the first pixel holding the extreme,
  /// the pixel the forward pass kept.
  // input (N, H, W, C), outputGradient (N, C) → input gradient (N, H, W, C)
  public static func globalPool2dBackward(input: Tensor, outputGradient: Tensor, kind: PoolKind) throws -> Tensor {
    let name = "global_\(kind.rawValue)_pool backward"
    let view = try ImageView(operation: name, shape: input.shape)
    let cells = view.height * view.width
    guard cells > 0 else {
      throw TensorError.invalidShape(operation: name, shape: input.shape, expected: .imageWithPixel)
    }
    let c = view.channels
    let outShape = view.rank == 4 ? [view.batch, c] : [c]
    guard outputGradient.shape == outShape else {
      throw TensorError.shapeMismatch(operation: name, lhs: outShape, rhs: outputGradient.shape)
    }
    return try Tensor.make(operation: name, shape: input.shape) { out in
      input.values.withUnsafeBufferPointer { x in
        outputGradient.values.withUnsafeBufferPointer { dy in
          guard let x = x.baseAddress, let dy = dy.baseAddress else { return }
          for n in 0..<view.batch {
            let image = x + n * cells * c
            let target = out + n * cells * c
            let g = dy + n * c
            if kind == .average {
              let scale = 1 / Float(cells)
              for cell in 0..<cells {
                for ch in 0..<c { target[cell * c + ch] = g[ch] * scale }
              }
              continue
            }
            target.update(repeating: 0, count: cells * c)
            for ch in 0..<c {
              var best = 0
              for cell in 1..<cells {
                let value = image[cell * c + ch]
                let current = image[best * c + ch]
                if kind == .max ? value > current : value < current { best = cell }
              }
              target[best * c + ch] = g[ch]
            }
          }
        }
      }
    }
  }
}
