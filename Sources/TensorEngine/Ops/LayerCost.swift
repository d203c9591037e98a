/// Parameters and multiply-accumulates of one layer. MACs count the products of the
/// weights only (biases, activations and pooling are free), as the chapters count them.
public struct LayerCost: Sendable, Hashable {
  public var parameters: Int
  public var macs: Int

  public init(parameters: Int, macs: Int) {
    self.parameters = parameters
    self.macs = macs
  }

  /// A 2-D convolution with a `(kh, kw, inputChannels / groups, filters)` kernel producing an
  /// `outputHeight x outputWidth x filters` map: every output value costs
  /// `kh * kw * inputChannels / groups` MACs. A 1-D convolution is `kernelHeight: 1`.
  public static func conv(
    kernelHeight: Int, kernelWidth: Int, inputChannels: Int, filters: Int, groups: Int = 1,
    useBias: Bool = true, outputHeight: Int, outputWidth: Int
  ) -> LayerCost {
    let perOutput = kernelHeight * kernelWidth * (inputChannels / max(groups, 1))
    let weights = perOutput * filters
    return LayerCost(
      parameters: weights + (useBias ? filters : 0),
      macs: outputHeight * outputWidth * filters * perOutput)
  }

  /// A Dense layer `(inputs, units)` applied to `rows` vectors: each output costs `inputs` MACs.
  public static func dense(inputs: Int, units: Int, useBias: Bool = true, rows: Int = 1) -> LayerCost {
    LayerCost(parameters: inputs * units + (useBias ? units : 0), macs: rows * inputs * units)
  }

  /// Batch normalization: scale and offset are parameters; the moving statistics are not.
  public static func batchNormalization(channels: Int, scale: Bool = true, center: Bool = true) -> LayerCost {
    LayerCost(parameters: (scale ? channels : 0) + (center ? channels : 0), macs: 0)
  }
}
