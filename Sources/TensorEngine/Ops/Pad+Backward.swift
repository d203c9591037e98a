extension Ops {
  /// ∂loss/∂x of `pad`: the gradient cropped back to the unpadded image (the padding's
  /// cells depend on no input).
  // outputGradient (N, top + H + bottom, left + W + right, C) → input gradient (N, H, W, C)
  public static func padBackward(outputGradient: Tensor, top: Int, bottom: Int, left: Int, right: Int) throws -> Tensor {
    guard top >= 0, bottom >= 0, left >= 0, right >= 0 else {
      throw TensorError.invalidArgument(operation: "pad backward", reason: .negativePadding)
    }
    let view = try ImageView(operation: "pad backward", shape: outputGradient.shape)
    let height = view.height - top - bottom
    let width = view.width - left - right
    guard height >= 0, width >= 0 else {
      throw TensorError.invalidShape(
        operation: "pad backward", shape: outputGradient.shape,
        expected: .paddingGradient(rows: top + bottom, columns: left + right))
    }
    let c = view.channels
    let outShape = view.shape(height: height, width: width, channels: c)
    return try Tensor.make(operation: "pad backward", shape: outShape) { out in
      outputGradient.values.withUnsafeBufferPointer { dy in
        guard let dy = dy.baseAddress else { return }
        for n in 0..<view.batch {
          for h in 0..<height {
            let source = dy + ((n * view.height + h + top) * view.width + left) * c
            (out + ((n * height + h) * width) * c).update(from: source, count: width * c)
          }
        }
      }
    }
  }
}
