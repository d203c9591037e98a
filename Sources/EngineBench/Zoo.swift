import TensorEngine

/// The benchmark's networks, defined as in the peer benchmark they are compared with:
/// batch 1, random weights, no dropout or normalization layers.
public enum Zoo {
  /// 32x32x1 → conv6@5x5 tanh → avgpool 2 → conv16@5x5 tanh → avgpool 2 → conv120@5x5 tanh
  /// → Dense 84 tanh → Dense 10 (C3 connected to all six maps).
  public static func lenet5(seed: UInt64 = 0) -> Network {
    var builder = Builder(seed: seed, channels: 1)
    builder.conv(6, 5, activation: .tanh)
    builder.pool(.average, 2, 2)
    builder.conv(16, 5, activation: .tanh)
    builder.pool(.average, 2, 2)
    builder.conv(120, 5, activation: .tanh)
    builder.flatten(features: 120)
    builder.dense(84, activation: .tanh)
    builder.dense(10)
    return Network(name: "lenet5", inputShape: [1, 32, 32, 1], layers: builder.layers)
  }

  /// Single-tower AlexNet on 227x227x3 without LRN: five convolutions, three 3x3/2 max
  /// pools, and Dense 4096 → 4096 → 1000.
  public static func alexnet(seed: UInt64 = 0) -> Network {
    var builder = Builder(seed: seed, channels: 3)
    builder.conv(96, 11, strides: 4, activation: .relu)
    builder.pool(.max, 3, 2)
    builder.conv(256, 5, padding: .symmetric(2), activation: .relu)
    builder.pool(.max, 3, 2)
    builder.conv(384, 3, padding: .symmetric(1), activation: .relu)
    builder.conv(384, 3, padding: .symmetric(1), activation: .relu)
    builder.conv(256, 3, padding: .symmetric(1), activation: .relu)
    builder.pool(.max, 3, 2)
    builder.flatten(features: 6 * 6 * 256)
    builder.dense(4096, activation: .relu)
    builder.dense(4096, activation: .relu)
    builder.dense(1000)
    return Network(name: "alexnet", inputShape: [1, 227, 227, 3], layers: builder.layers)
  }

  /// VGG-16 (configuration D) on 224x224x3.
  public static func vgg16(seed: UInt64 = 0) -> Network {
    var builder = Builder(seed: seed, channels: 3)
    for stage in [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]] {
      for filters in stage { builder.conv(filters, 3, padding: .same, activation: .relu) }
      builder.pool(.max, 2, 2)
    }
    builder.flatten(features: 7 * 7 * 512)
    builder.dense(4096, activation: .relu)
    builder.dense(4096, activation: .relu)
    builder.dense(1000)
    return Network(name: "vgg16", inputShape: [1, 224, 224, 3], layers: builder.layers)
  }

  /// VGG-16 with a batch of `batch` images, for a training step.
  public static func vgg16Training(batch: Int, seed: UInt64 = 0) -> Network {
    var network = vgg16(seed: seed)
    network.name = "train_vgg16"
    network.inputShape[0] = batch
    return network
  }

  /// LeNet-5 as trained on MNIST today: 28x28x1 → conv6@5x5 same relu → maxpool 2 →
  /// conv16@5x5 relu → maxpool 2 → Dense 120 relu → Dense 84 relu → Dense 10 (logits).
  public static func lenet5Training(batch: Int, seed: UInt64 = 0) -> Network {
    var builder = Builder(seed: seed, channels: 1)
    builder.conv(6, 5, padding: .same, activation: .relu)
    builder.pool(.max, 2, 2)
    builder.conv(16, 5, activation: .relu)
    builder.pool(.max, 2, 2)
    builder.flatten(features: 5 * 5 * 16)
    builder.dense(120, activation: .relu)
    builder.dense(84, activation: .relu)
    builder.dense(10)
    return Network(name: "train_lenet5", inputShape: [batch, 28, 28, 1], layers: builder.layers)
  }

  /// Keras's MNIST convnet: conv32@3x3 relu → maxpool 2 → conv64@3x3 relu → maxpool 2 →
  /// flatten → dropout 0.5 → Dense 10 (logits), 34,826 parameters.
  public static func mnistConvnet(batch: Int, seed: UInt64 = 0) -> Network {
    var builder = Builder(seed: seed, channels: 1)
    builder.conv(32, 3, activation: .relu)
    builder.pool(.max, 2, 2)
    builder.conv(64, 3, activation: .relu)
    builder.pool(.max, 2, 2)
    builder.flatten(features: 5 * 5 * 64)
    builder.layers.append(.dropout(rate: 0.5))
    builder.dense(10)
    return Network(name: "train_mnist_convnet", inputShape: [batch, 28, 28, 1], layers: builder.layers)
  }

  /// One convolution with bias and no activation, as the single-layer workloads use.
  public static func singleConv(
    name: String, size: Int, channels: Int, filters: Int, kernel: Int, strides: Int = 1, padding: Padding,
    seed: UInt64 = 0
  ) -> Network {
    var builder = Builder(seed: seed, channels: channels)
    builder.conv(filters, kernel, strides: strides, padding: padding)
    return Network(name: name, inputShape: [1, size, size, channels], layers: builder.layers)
  }

  private struct Builder {
    var generator: SeededGenerator
    var channels: Int
    var features = 0
    var layers: [NetworkLayer] = []

    init(seed: UInt64, channels: Int) {
      generator = SeededGenerator(seed: seed)
      self.channels = channels
    }

    mutating func conv(
      _ filters: Int, _ size: Int, strides: Int = 1, padding: Padding = .valid, activation: Activation = .linear
    ) {
      let kernel = generator.heTensor([size, size, channels, filters], fanIn: size * size * channels)
      layers.append(
        .conv(
          kernel: kernel, bias: generator.smallTensor([filters]), strides: strides, padding: padding,
          activation: activation))
      channels = filters
    }

    mutating func pool(_ kind: PoolKind, _ size: Int, _ strides: Int) {
      layers.append(.pool(kind, size: size, strides: strides))
    }

    mutating func flatten(features: Int) {
      layers.append(.flatten)
      self.features = features
    }

    mutating func dense(_ units: Int, activation: Activation = .linear) {
      let weights = generator.heTensor([features, units], fanIn: features)
      layers.append(.dense(weights: weights, bias: generator.smallTensor([units]), activation: activation))
      features = units
    }
  }
}
