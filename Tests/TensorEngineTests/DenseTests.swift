import TensorEngine
import Testing

/// Each way `Ops.dense` splits its work, against the naive loops: one input row large enough
/// that threads take bands of the weights' rows and add their partial sums, one row small
/// enough to stay on one thread, a few rows with the filters shared out in blocks of 16, and
/// many rows shared out by row.
@Suite struct DenseTests {
  @Test(arguments: [
    (1, 2304, 1000), (1, 4097, 600), (1, 4097, 33), (1, 120, 84), (3, 1024, 1000), (2, 300, 24), (40, 512, 70),
  ])
  func everySplitMatchesNaive(rows: Int, inputs: Int, units: Int) throws {
    var generator = TestGenerator(seed: UInt64(rows * 7 + inputs + units))
    let x = generator.tensor([rows, inputs])
    let weights = generator.tensor([inputs, units])
    let bias = generator.tensor([units])
    let naive = try Reference.dense(x, weights: weights, bias: bias)
    // Sums of up to 4,097 products of values in [-1, 1): rounding differs with the order.
    expectClose(try Ops.dense(x, weights: weights, bias: bias), naive, atol: 1e-3, rtol: 1e-4, "\(rows)x\(inputs)x\(units)")
    expectClose(
      try Ops.dense(x, weights: weights, bias: bias, activation: .relu), try Ops.relu(naive), atol: 1e-3, rtol: 1e-4,
      "\(rows)x\(inputs)x\(units) relu")
  }
}
