import Foundation
import TensorEngine
import Testing

/// A small network's forward pass and every gradient, computed by hand in numpy
/// (`scripts/make_gradient_fixtures.py`): conv 3x3 same → relu → max pool 2 → flatten →
/// dense → softmax cross-entropy on three 7x7x2 images. The engine runs the same network on
/// its fast forward and backward kernels.
@Suite struct GradientFixtureTests {
  struct File: Decodable {
    var labels: [Int]
    var inputs: [String: Fixture.Stored]
    var forward: Forward
    var gradients: [String: Fixture.Stored]
    struct Forward: Decodable {
      var conv, pooled, logits: Fixture.Stored
      var loss: Double
    }
  }

  static func load() throws -> File {
    let url = try #require(Bundle.module.url(forResource: "gradients", withExtension: "json", subdirectory: "Fixtures"))
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
  }

  @Test func engineMatchesNumpy() throws {
    let file = try Self.load()
    func input(_ key: String) throws -> Tensor { try #require(file.inputs[key]).tensor }
    func expected(_ key: String) throws -> Tensor { try #require(file.gradients[key]).tensor }
    let (x, kernel, bias) = (try input("x"), try input("kernel"), try input("bias"))
    let (weights, denseBias) = (try input("weights"), try input("dense_bias"))

    // Forward, keeping what the backward pass needs.
    let conv = try Ops.conv2d(x, kernel: kernel, bias: bias, padding: .same)
    expectClose(conv, file.forward.conv.tensor, atol: 1e-5, rtol: 1e-5, "conv")
    let relu = try Ops.activation(conv, .relu)
    let pooled = try Ops.pool2d(relu, kind: .max)
    expectClose(pooled, file.forward.pooled.tensor, atol: 1e-5, rtol: 1e-5, "pooled")
    let flat = try pooled.flattened(keepingBatch: true)
    let logits = try Ops.dense(flat, weights: weights, bias: denseBias)
    expectClose(logits, file.forward.logits.tensor, atol: 1e-5, rtol: 1e-5, "logits")

    // Softmax cross-entropy's gradient, (p − onehot) / N, written here in one line per row.
    let (n, classes) = (logits.shape[0], logits.shape[1])
    var dLogits = [Float](repeating: 0, count: logits.count)
    var loss = 0.0
    for row in 0..<n {
      let z = logits.values[row * classes..<(row + 1) * classes].map(Double.init)
      let exps = z.map { exp($0 - z.max()!) }
      let total = exps.reduce(0, +)
      loss -= log(exps[file.labels[row]] / total) / Double(n)
      for c in 0..<classes { dLogits[row * classes + c] = Float((exps[c] / total - (c == file.labels[row] ? 1 : 0)) / Double(n)) }
    }
    #expect(abs(loss - file.forward.loss) < 1e-5)
    let gradient = Tensor(shape: logits.shape, values: dLogits)
    expectClose(gradient, try expected("logits"), atol: 1e-6, rtol: 1e-4, "dlogits")

    let dense = try Ops.denseBackward(flat, weights: weights, outputGradient: gradient, hasBias: true)
    expectClose(dense.kernel, try expected("weights"), atol: 1e-5, rtol: 1e-4, "dense dW")
    expectClose(try #require(dense.bias), try expected("dense_bias"), atol: 1e-5, rtol: 1e-4, "dense dB")
    let dPooled = try #require(dense.input).reshaped(pooled.shape)
    expectClose(dPooled, try expected("pooled"), atol: 1e-5, rtol: 1e-4, "dpooled")

    let dRelu = try Ops.pool2dBackward(relu, outputGradient: dPooled, kind: .max)
    // Relu's backward: the gradient passes where the convolution's output was positive.
    let dConv = Tensor(shape: conv.shape, values: zip(dRelu.values, conv.values).map { $1 > 0 ? $0 : 0 })
    expectClose(dConv, try expected("conv"), atol: 1e-5, rtol: 1e-4, "dconv")

    let convGradients = try Ops.conv2dBackward(x, kernel: kernel, outputGradient: dConv, padding: .same, hasBias: true)
    expectClose(convGradients.kernel, try expected("kernel"), atol: 1e-5, rtol: 1e-4, "conv dW")
    expectClose(try #require(convGradients.bias), try expected("bias"), atol: 1e-5, rtol: 1e-4, "conv dB")
    expectClose(try #require(convGradients.input), try expected("x"), atol: 1e-5, rtol: 1e-4, "conv dX")
  }
}
