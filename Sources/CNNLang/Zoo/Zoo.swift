import TensorEngine

/// The classic networks of the chapters, built from the language's own layers with seeded
/// random weights that are made only when the model first runs.
enum Zoo {
  /// LeNet-5 on 32x32x1: C1 6@5x5, S2 average pool, C3 16@5x5, S4, C5 120@5x5 (tanh),
  /// F6 84 (tanh), 10 outputs: 61,706 parameters.
  static func lenet5(seed: UInt64) throws(RuntimeError) -> Model {
    let b = ZooBuilder(seed: seed)
    let input = ZooBuilder.input([32, 32, 1])
    var x = try b.conv(input, 6, 5, activation: .tanh, name: "c1")
    x = try b.pool(.average, x, 2, name: "s2")
    x = try b.conv(x, 16, 5, activation: .tanh, name: "c3")
    x = try b.pool(.average, x, 2, name: "s4")
    x = try b.conv(x, 120, 5, activation: .tanh, name: "c5")
    x = try b.apply(.flatten, x, name: "flatten")
    x = try b.dense(x, 84, activation: .tanh, name: "f6")
    x = try b.dense(x, 10, activation: .softmax, name: "output")
    return try Model.functional(inputs: [input], output: x, name: "lenet5", typeName: "LeNet5")
  }

  /// AlexNet on 227x227x3 without local response normalisation. `groups: 2` splits conv2,
  /// conv4 and conv5 into the original's two towers (60,965,224 parameters instead of
  /// 62,378,344).
  static func alexnet(groups: Int, seed: UInt64) throws(RuntimeError) -> Model {
    let b = ZooBuilder(seed: seed)
    let input = ZooBuilder.input([227, 227, 3])
    var x = try b.conv(input, 96, 11, strides: 4, activation: .relu, name: "conv1")
    x = try b.pool(.max, x, 3, strides: 2, name: "pool1")
    x = try b.conv(x, 256, 5, padding: .same, activation: .relu, groups: groups, name: "conv2")
    x = try b.pool(.max, x, 3, strides: 2, name: "pool2")
    x = try b.conv(x, 384, 3, padding: .same, activation: .relu, name: "conv3")
    x = try b.conv(x, 384, 3, padding: .same, activation: .relu, groups: groups, name: "conv4")
    x = try b.conv(x, 256, 3, padding: .same, activation: .relu, groups: groups, name: "conv5")
    x = try b.pool(.max, x, 3, strides: 2, name: "pool5")
    x = try b.apply(.flatten, x, name: "flatten")
    x = try b.dense(x, 4096, activation: .relu, name: "fc6")
    x = try b.apply(.dropout(rate: 0.5), x, name: "drop6")
    x = try b.dense(x, 4096, activation: .relu, name: "fc7")
    x = try b.apply(.dropout(rate: 0.5), x, name: "drop7")
    x = try b.dense(x, 1000, activation: .softmax, name: "fc8")
    return try Model.functional(inputs: [input], output: x, name: groups == 1 ? "alexnet" : "alexnet_\(groups)_towers", typeName: "AlexNet")
  }

  /// VGG-16 (configuration D) on 224x224x3, with Keras's layer names: 138,357,544 parameters.
  static func vgg16(seed: UInt64) throws(RuntimeError) -> Model {
    let b = ZooBuilder(seed: seed)
    let input = ZooBuilder.input([224, 224, 3])
    var x = input
    for (stage, (filters, count)) in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)].enumerated() {
      for i in 1...count {
        x = try b.conv(x, filters, 3, padding: .same, activation: .relu, name: "block\(stage + 1)_conv\(i)")
      }
      x = try b.pool(.max, x, 2, name: "block\(stage + 1)_pool")
    }
    x = try b.apply(.flatten, x, name: "flatten")
    x = try b.dense(x, 4096, activation: .relu, name: "fc1")
    x = try b.dense(x, 4096, activation: .relu, name: "fc2")
    x = try b.dense(x, 1000, activation: .softmax, name: "predictions")
    return try Model.functional(inputs: [input], output: x, name: "vgg16", typeName: "VGG16")
  }

  /// ResNet-18 (basic blocks, 2-2-2-2) or ResNet-50 (bottleneck blocks, 3-4-6-3) on 224x224x3.
  static func resnet(depth: Int, seed: UInt64) throws(RuntimeError) -> Model {
    let bottleneck = depth >= 50
    let stages = bottleneck ? [3, 4, 6, 3] : [2, 2, 2, 2]
    let b = ZooBuilder(seed: seed)
    let input = ZooBuilder.input([224, 224, 3])
    var x = try b.conv(input, 64, 7, strides: 2, padding: .same, useBias: false, name: "conv1_conv")
    x = try b.apply(.batchNormalization(epsilon: 1e-3), x, name: "conv1_bn")
    x = try b.apply(.activation(.relu), x, name: "conv1_relu")
    x = try b.pool(.max, x, 3, strides: 2, padding: .same, name: "pool1_pool")
    for (stage, count) in stages.enumerated() {
      let filters = 64 << stage
      for i in 1...count {
        let strides = i == 1 && stage > 0 ? 2 : 1
        x = try b.block(Blocks.residual(filters: filters, strides: strides, bottleneck: bottleneck), x, name: "conv\(stage + 2)_block\(i)")
      }
    }
    x = try b.apply(.globalPool(.average), x, name: "avg_pool")
    x = try b.dense(x, 1000, activation: .softmax, name: "predictions")
    return try Model.functional(inputs: [input], output: x, name: "resnet\(depth)", typeName: "ResNet\(depth)")
  }

  /// GoogLeNet as in the paper's Table 1 (5x5 branches, biases, no batch normalization, no
  /// auxiliary classifiers, no local response normalisation) on 224x224x3: 6,998,552 parameters.
  static func googlenet(seed: UInt64) throws(RuntimeError) -> Model {
    let b = ZooBuilder(seed: seed)
    let input = ZooBuilder.input([224, 224, 3])
    var x = try b.conv(input, 64, 7, strides: 2, padding: .same, activation: .relu, name: "conv1_7x7_s2")
    x = try b.pool(.max, x, 3, strides: 2, padding: .same, name: "pool1_3x3_s2")
    x = try b.conv(x, 64, 1, activation: .relu, name: "conv2_3x3_reduce")
    x = try b.conv(x, 192, 3, padding: .same, activation: .relu, name: "conv2_3x3")
    x = try b.pool(.max, x, 3, strides: 2, padding: .same, name: "pool2_3x3_s2")
    let table: [(String, [Int])] = [
      ("3a", [64, 96, 128, 16, 32, 32]), ("3b", [128, 128, 192, 32, 96, 64]), ("pool3", []),
      ("4a", [192, 96, 208, 16, 48, 64]), ("4b", [160, 112, 224, 24, 64, 64]), ("4c", [128, 128, 256, 24, 64, 64]),
      ("4d", [112, 144, 288, 32, 64, 64]), ("4e", [256, 160, 320, 32, 128, 128]), ("pool4", []),
      ("5a", [256, 160, 320, 32, 128, 128]), ("5b", [384, 192, 384, 48, 128, 128]),
    ]
    for (name, f) in table {
      if f.isEmpty {
        x = try b.pool(.max, x, 3, strides: 2, padding: .same, name: "\(name)_3x3_s2")
      } else {
        x = try b.block(Blocks.inception(f[0], f[1], f[2], f[3], f[4], f[5]), x, name: "inception_\(name)")
      }
    }
    x = try b.apply(.globalPool(.average), x, name: "pool5_7x7_s1")
    x = try b.apply(.dropout(rate: 0.4), x, name: "pool5_drop")
    x = try b.dense(x, 1000, activation: .softmax, name: "loss3_classifier")
    return try Model.functional(inputs: [input], output: x, name: "googlenet", typeName: "GoogLeNet")
  }
}
