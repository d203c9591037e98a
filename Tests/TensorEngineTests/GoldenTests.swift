import TensorEngine
import Testing

/// The chapters' worked examples, checked against the numbers printed in them and against
/// hand arithmetic.
@Suite struct GoldenTests {
  static let sixBySix = Tensor(
    shape: [6, 6],
    values: [
      3, 0, 1, 2, 7, 4, 1, 5, 8, 9, 3, 1, 2, 7, 2, 5, 1, 3,
      0, 1, 3, 1, 7, 8, 4, 2, 1, 6, 2, 8, 2, 4, 5, 2, 3, 9,
    ])
  static let verticalEdge = Tensor(shape: [3, 3], values: [1, 0, -1, 1, 0, -1, 1, 0, -1])

  @Test func verticalEdgeOnTheSixBySixExample() throws {
    let expected = Tensor(shape: [4, 4], values: [-5, -4, 0, 8, -10, -2, 2, 3, 0, -2, -4, -7, -3, -2, -3, -16])
    #expect(try Ops.conv2d(Self.sixBySix, kernel: Self.verticalEdge) == expected)
    #expect(try Reference.conv2d(Self.sixBySix, kernel: Self.verticalEdge) == expected)
  }

  @Test func verticalEdgeFindsTheBoundaryOfTheTenZeroImage() throws {
    let image = Tensor(shape: [6, 6], values: (0..<36).map { $0 % 6 < 3 ? 10 : 0 })
    let result = try Ops.conv2d(image, kernel: Self.verticalEdge)
    #expect(result.shape == [4, 4])
    for row in 0..<4 { #expect(Array(result.values[row * 4..<row * 4 + 4]) == [0, 30, 30, 0]) }
  }

  @Test func sameAndStridedVariantsOfTheExample() throws {
    // Keras `same` on 6x6 with a 3x3 filter pads one cell all round; the centre stays the valid result.
    let same = try Ops.conv2d(Self.sixBySix, kernel: Self.verticalEdge, padding: .same)
    #expect(same.shape == [6, 6])
    #expect(same.values[1 * 6 + 1] == -5)
    // Top-left corner by hand: window rows -1...1, cols -1...1 → 0*1 + (3 + 1)*0 + (0 + 5)*-1 = -5.
    #expect(same.values[0] == -5)
    let strided = try Ops.conv2d(Self.sixBySix, kernel: Self.verticalEdge, strides: 2)
    #expect(strided == Tensor(shape: [2, 2], values: [-5, 0, 0, -4]))
  }

  static let fourByFour = Tensor(shape: [4, 4], values: [1, 3, 2, 1, 4, 6, 5, 0, 7, 2, 9, 8, 3, 1, 4, 6])

  @Test func poolingAHandComputedFourByFour() throws {
    #expect(try Ops.maxPool2d(Self.fourByFour) == Tensor(shape: [2, 2], values: [6, 5, 7, 9]))
    #expect(try Ops.avgPool2d(Self.fourByFour) == Tensor(shape: [2, 2], values: [3.5, 2, 3.25, 6.75]))
    #expect(try Ops.minPool2d(Self.fourByFour) == Tensor(shape: [2, 2], values: [1, 0, 1, 4]))
  }

  @Test func averagePoolingWithSamePaddingDividesByTheCellsInside() throws {
    // 3x3 windows, stride 2, on 4x4: one padded row and column at the bottom and right.
    let result = try Ops.avgPool2d(Self.fourByFour, poolSize: 3, strides: 2, padding: .same)
    let expected = Tensor(shape: [2, 2], values: [39.0 / 9, 25.0 / 6, 26.0 / 6, 27.0 / 4])
    #expect(result.isClose(to: expected))
  }

  @Test func layerCostsOfTheChapters() {
    let lenet = [
      LayerCost.conv(kernelHeight: 5, kernelWidth: 5, inputChannels: 1, filters: 6, outputHeight: 28, outputWidth: 28),
      LayerCost.conv(kernelHeight: 5, kernelWidth: 5, inputChannels: 6, filters: 16, outputHeight: 10, outputWidth: 10),
      LayerCost.conv(kernelHeight: 5, kernelWidth: 5, inputChannels: 16, filters: 120, outputHeight: 1, outputWidth: 1),
      LayerCost.dense(inputs: 120, units: 84), LayerCost.dense(inputs: 84, units: 10),
    ]
    #expect(lenet.map(\.parameters).reduce(0, +) == 61_706)
    #expect(lenet.map(\.macs).reduce(0, +) == 416_520)

    let twoTowerAlexNet = [
      LayerCost.conv(kernelHeight: 11, kernelWidth: 11, inputChannels: 3, filters: 96, outputHeight: 55, outputWidth: 55),
      LayerCost.conv(kernelHeight: 5, kernelWidth: 5, inputChannels: 96, filters: 256, groups: 2, outputHeight: 27, outputWidth: 27),
      LayerCost.conv(kernelHeight: 3, kernelWidth: 3, inputChannels: 256, filters: 384, outputHeight: 13, outputWidth: 13),
      LayerCost.conv(kernelHeight: 3, kernelWidth: 3, inputChannels: 384, filters: 384, groups: 2, outputHeight: 13, outputWidth: 13),
      LayerCost.conv(kernelHeight: 3, kernelWidth: 3, inputChannels: 384, filters: 256, groups: 2, outputHeight: 13, outputWidth: 13),
      LayerCost.dense(inputs: 9216, units: 4096), LayerCost.dense(inputs: 4096, units: 4096),
      LayerCost.dense(inputs: 4096, units: 1000),
    ]
    #expect(twoTowerAlexNet.map(\.parameters).reduce(0, +) == 60_965_224)

    #expect(LayerCost.dense(inputs: 1000 * 1000 * 3, units: 1000).parameters == 3_000_001_000)
    let direct = LayerCost.conv(kernelHeight: 5, kernelWidth: 5, inputChannels: 480, filters: 48, outputHeight: 14, outputWidth: 14)
    #expect(direct.macs == 112_896_000)
    let bottleneck = LayerCost.conv(kernelHeight: 1, kernelWidth: 1, inputChannels: 480, filters: 16, outputHeight: 14, outputWidth: 14)
    let reduced = LayerCost.conv(kernelHeight: 5, kernelWidth: 5, inputChannels: 16, filters: 48, outputHeight: 14, outputWidth: 14)
    #expect(bottleneck.macs == 1_505_280)
    #expect(bottleneck.macs + reduced.macs == 5_268_480)
  }

  @Test func twoTowerConvolutionKeepsTheTowersApart() throws {
    // groups = 2: the first half of the filters sees only the first half of the channels.
    // Channel 0 holds 1s and channel 1 holds 100s; all-ones 1x1 kernels make each tower's sum visible.
    let input = Tensor(shape: [1, 1, 2], values: [1, 100])
    let kernel = Tensor(shape: [1, 1, 1, 4], values: [1, 1, 1, 1])
    let result = try Ops.conv2d(input, kernel: kernel, groups: 2)
    #expect(result == Tensor(shape: [1, 1, 4], values: [1, 1, 100, 100]))
  }
}
