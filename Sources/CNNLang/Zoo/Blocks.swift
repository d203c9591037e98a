import TensorEngine

/// The blocks of GoogLeNet and ResNet as recipes: a block is one layer of its network and
/// holds a small functional model inside.
enum Blocks {
  /// GoogLeNet's inception module: 1x1, 1x1 then 3x3, 1x1 then 5x5, and 3x3 max pooling
  /// then 1x1, all with ReLU and "same" padding, joined along the channels.
  static func inception(_ f1: Int, _ f3Reduce: Int, _ f3: Int, _ f5Reduce: Int, _ f5: Int, _ poolProjection: Int) -> BlockRecipe {
    BlockRecipe(typeName: "InceptionModule", nameStem: "inception_module") { (x, scope) throws(RuntimeError) in
      let b = ZooBuilder(scope: scope)
      let one = try b.conv(x, f1, 1, activation: .relu, name: "1x1")
      let three = try b.conv(
        try b.conv(x, f3Reduce, 1, activation: .relu, name: "3x3_reduce"), f3, 3, padding: .same, activation: .relu, name: "3x3")
      let five = try b.conv(
        try b.conv(x, f5Reduce, 1, activation: .relu, name: "5x5_reduce"), f5, 5, padding: .same, activation: .relu, name: "5x5")
      let pooled = try b.pool(.max, x, 3, strides: 1, padding: .same, name: "pool")
      let projection = try b.conv(pooled, poolProjection, 1, activation: .relu, name: "pool_proj")
      return try b.merge(.concatenate(axis: -1), [one, three, five, projection], name: "output")
    }
  }

  /// A ResNet block. Basic (ResNet-18/34): two 3x3 convolutions; bottleneck (ResNet-50):
  /// 1x1, 3x3, then 1x1 to four times the width. Convolutions have no bias (batch
  /// normalization follows each); the shortcut is a 1x1 convolution with batch normalization
  /// when the stride or the width changes, else the input itself.
  static func residual(filters: Int, strides: Int, bottleneck: Bool) -> BlockRecipe {
    BlockRecipe(typeName: "ResidualBlock", nameStem: "residual_block") { (x, scope) throws(RuntimeError) in
      let b = ZooBuilder(scope: scope)
      let bn = LayerKind.batchNormalization(epsilon: 1e-3)
      let outWidth = bottleneck ? 4 * filters : filters
      var y: SymbolicTensor
      if bottleneck {
        y = try b.conv(x, filters, 1, useBias: false, name: "1_conv")
        y = try b.apply(.activation(.relu), try b.apply(bn, y, name: "1_bn"), name: "1_relu")
        y = try b.conv(y, filters, 3, strides: strides, padding: .same, useBias: false, name: "2_conv")
        y = try b.apply(.activation(.relu), try b.apply(bn, y, name: "2_bn"), name: "2_relu")
        y = try b.conv(y, outWidth, 1, useBias: false, name: "3_conv")
        y = try b.apply(bn, y, name: "3_bn")
      } else {
        y = try b.conv(x, filters, 3, strides: strides, padding: .same, useBias: false, name: "1_conv")
        y = try b.apply(.activation(.relu), try b.apply(bn, y, name: "1_bn"), name: "1_relu")
        y = try b.conv(y, filters, 3, padding: .same, useBias: false, name: "2_conv")
        y = try b.apply(bn, y, name: "2_bn")
      }
      var shortcut = x
      if strides != 1 || x.shape.last != outWidth {
        shortcut = try b.conv(x, outWidth, 1, strides: strides, useBias: false, name: "0_conv")
        shortcut = try b.apply(bn, shortcut, name: "0_bn")
      }
      let sum = try b.merge(.add, [y, shortcut], name: "add")
      return try b.apply(.activation(.relu), sum, name: "out")
    }
  }
}
