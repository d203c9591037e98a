extension Ops {
  /// Average or maximum over each channel's whole map (Keras's global pooling):
  /// `(N, H, W, C)` gives `(N, C)`, `(H, W, C)` gives `(C)`, and `(H, W)` gives `(1)`.
  // input (N, H, W, C) → output (N, C)
  public static func globalPool2d(_ input: Tensor, kind: PoolKind) throws -> Tensor {
    let name = "global_\(kind.rawValue)_pool"
    let view = try ImageView(operation: name, shape: input.shape)
    let cells = view.height * view.width
    guard cells > 0 else {
      throw TensorError.invalidShape(operation: name, shape: input.shape, expected: .imageWithPixel)
    }
    let outShape = view.rank == 4 ? [view.batch, view.channels] : [view.channels]
    return try Tensor.make(operation: name, shape: outShape) { out in
      input.values.withUnsafeBufferPointer { x in
        guard let x = x.baseAddress else { return }
        let c = view.channels
        for n in 0..<view.batch {
          let o = out + n * c
          let image = x + n * cells * c
          o.update(from: image, count: c)
          for cell in 1..<cells {
            let s = image + cell * c
            switch kind {
            case .max: for ch in 0..<c { o[ch] = Maximum.combine(o[ch], s[ch]) }
            case .min: for ch in 0..<c { o[ch] = Minimum.combine(o[ch], s[ch]) }
            case .average: for ch in 0..<c { o[ch] += s[ch] }
            }
          }
          if kind == .average { Mean.finish(o, count: c, cells: cells) }
        }
      }
    }
  }

  public static func globalAvgPool2d(_ input: Tensor) throws -> Tensor { try globalPool2d(input, kind: .average) }
  public static func globalMaxPool2d(_ input: Tensor) throws -> Tensor { try globalPool2d(input, kind: .max) }
}
