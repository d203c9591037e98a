extension Ops {
  /// Adds rows and columns of `value` around each image (Keras's `ZeroPadding2D`).
  // input (N, H, W, C) → output (N, top + H + bottom, left + W + right, C)
  public static func pad(
    _ input: Tensor, top: Int, bottom: Int, left: Int, right: Int, value: Float = 0
  ) throws -> Tensor {
    guard top >= 0, bottom >= 0, left >= 0, right >= 0 else {
      throw TensorError.invalidArgument(operation: "pad", reason: .negativePadding)
    }
    let view = try ImageView(operation: "pad", shape: input.shape)
    let height = MemoryBudget.dimension(view.height, top, bottom)
    let width = MemoryBudget.dimension(view.width, left, right)
    let c = view.channels
    let outShape = view.shape(height: height, width: width, channels: c)
    return try Tensor.make(operation: "pad", shape: outShape) { out in
      out.update(repeating: value, count: Tensor.count(of: outShape))
      input.values.withUnsafeBufferPointer { x in
        guard let x = x.baseAddress else { return }
        for n in 0..<view.batch {
          for h in 0..<view.height {
            let source = x + ((n * view.height + h) * view.width) * c
            let target = out + ((n * height + h + top) * width + left) * c
            target.update(from: source, count: view.width * c)
          }
        }
      }
    }
  }

  /// The same padding on every side, as `pad(x, 2)`.
  public static func pad(_ input: Tensor, _ cells: Int, value: Float = 0) throws -> Tensor {
    try pad(input, top: cells, bottom: cells, left: cells, right: cells, value: value)
  }
}
