import Datasets
import TensorEngine
import Testing

@Suite struct DigitSetTests {
  @Test func shapesAndLabels() throws {
    let (images, labels) = try DigitSet.generate(count: 100, seed: 0)
    #expect(images.shape == [100, 28, 28, 1])
    #expect(labels.shape == [100])
    #expect(labels.values.allSatisfy { $0 >= 0 && $0 <= 9 && $0 == $0.rounded() })
    // With 100 samples every digit should turn up.
    #expect(Set(labels.values).count == 10)
    #expect(images.values.allSatisfy { $0 >= 0 && $0 <= 255 })
  }

  @Test func sameSeedSameSetAndPrefixesAgree() throws {
    let a = try DigitSet.generate(count: 20, seed: 7)
    let b = try DigitSet.generate(count: 20, seed: 7)
    let prefix = try DigitSet.generate(count: 5, seed: 7)
    #expect(a.images == b.images)
    #expect(Array(a.images.values.prefix(5 * 784)) == prefix.images.values)
    #expect(Array(a.labels.values.prefix(5)) == prefix.labels.values)
    #expect(try DigitSet.generate(count: 20, seed: 8).images != a.images)
  }

  /// MNIST digits cover roughly a fifth of the frame with ink; a set whose strokes vanished
  /// or filled the frame would fail this.
  @Test func inkCoverageLooksLikeHandwriting() throws {
    let (images, _) = try DigitSet.generate(count: 50, seed: 1)
    for i in 0..<50 {
      let pixels = images.values[(i * 784)..<((i + 1) * 784)]
      let inked = pixels.filter { $0 > 127 }.count
      #expect((40...260).contains(inked), "sample \(i) has \(inked) inked pixels")
      // The digit sits inside the frame: the outer two-pixel border stays almost empty.
      let border = (0..<784).filter { k in let r = k / 28, c = k % 28; return r < 2 || r > 25 || c < 2 || c > 25 }
      #expect(border.filter { pixels[pixels.startIndex + $0] > 127 }.count <= 3)
    }
  }

  @Test func canonicalNineHasALoopAboveItsStem() {
    let nine = DigitSet.canonical(9)
    #expect(nine.shape == [28, 28])
    func ink(_ r: Int, _ c: Int) -> Float { nine.values[r * 28 + c] }
    // The loop's hole in the upper half is dark, ringed by ink on both sides.
    #expect(ink(9, 13) < 60)
    #expect((4...11).contains { ink(9, $0) > 200 })
    #expect((15...22).contains { ink(9, $0) > 200 })
    // The lower half has ink (the stem) only right of centre.
    #expect((0..<11).allSatisfy { ink(22, $0) < 30 })
    #expect((12...20).contains { ink(22, $0) > 200 })
  }
}
