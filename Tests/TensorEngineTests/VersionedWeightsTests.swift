import TensorEngine
import Testing

/// Weights that an optimizer updates every step, named by a `WeightsVersion`: the packed
/// copy is kept once per owner and replaced on every new version, never served stale.
@Suite struct VersionedWeightsTests {
  @Test func twoThousandStepsKeepOneEntryAndNeverAStaleOne() throws {
    var generator = TestGenerator(seed: 41)
    let input = generator.tensor([1, 7, 7, 3])
    var kernel = generator.tensor([3, 3, 3, 8])
    let bias = generator.tensor([8])
    #expect(Ops.convolutionPath(input: input.shape, kernel: kernel.shape, padding: .same) == .direct)
    let owner = UInt64.random(in: 1_000_000...UInt64.max)
    for step in 1...2000 {
      // An optimizer's update in place, then the next step's forward pass.
      kernel.values[step % kernel.count] -= 0.001
      _ = try Ops.conv2d(
        input, kernel: kernel, bias: bias, padding: .same, weightsVersion: WeightsVersion(owner: owner, version: UInt64(step)))
      #expect(ConvolutionTuning.cachedWeightEntries(owner: owner) == 1)
    }
    // One more update: the next result is computed from the new weights.
    kernel.values[0] += 0.5
    let updated = try Ops.conv2d(
      input, kernel: kernel, bias: bias, padding: .same, weightsVersion: WeightsVersion(owner: owner, version: 2001))
    expectClose(updated, try Reference.conv2d(input, kernel: kernel, bias: bias, padding: .same))
    #expect(ConvolutionTuning.cachedWeightEntries(owner: owner) == 1)
    // The same version again is served from the cache and still right.
    let again = try Ops.conv2d(
      input, kernel: kernel, bias: bias, padding: .same, weightsVersion: WeightsVersion(owner: owner, version: 2001))
    #expect(again == updated)
  }

  @Test func conv1dTakesAVersionToo() throws {
    var generator = TestGenerator(seed: 42)
    let input = generator.tensor([2, 40, 4])
    var kernel = generator.tensor([5, 4, 8])
    let owner = UInt64.random(in: 1_000_000...UInt64.max)
    for step in 1...20 {
      kernel.values[step] += 0.25
      let result = try Ops.conv1d(input, kernel: kernel, padding: .same, weightsVersion: WeightsVersion(owner: owner, version: UInt64(step)))
      let padded = try Ops.pad(try input.reshaped([2, 1, 40, 4]), top: 0, bottom: 0, left: 2, right: 2)
      let expected = try Reference.conv2d(padded, kernel: try kernel.reshaped([1, 5, 4, 8]))
      expectClose(result, try expected.reshaped([2, 40, 8]), "step \(step)")
      #expect(ConvolutionTuning.cachedWeightEntries(owner: owner) <= 1)
      #expect(result.shape == [2, 40, 8])
    }
  }
}
