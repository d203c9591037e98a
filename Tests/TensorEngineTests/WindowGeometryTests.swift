import TensorEngine
import Testing

@Suite struct WindowGeometryTests {
  struct Case: Sendable, CustomStringConvertible {
    var input, kernel, stride, dilation: Int
    var padding: Padding
    var output: Int?
    var split: (Int, Int)?
    var description: String { "in \(input) k \(kernel) s \(stride) d \(dilation) \(padding)" }
  }

  // Expected values worked out by hand from Keras's rules.
  static let cases: [Case] = [
    Case(input: 6, kernel: 3, stride: 1, dilation: 1, padding: .valid, output: 4, split: (0, 0)),
    Case(input: 6, kernel: 3, stride: 1, dilation: 1, padding: .same, output: 6, split: (1, 1)),
    Case(input: 7, kernel: 3, stride: 2, dilation: 1, padding: .same, output: 4, split: (1, 1)),
    Case(input: 8, kernel: 3, stride: 2, dilation: 1, padding: .same, output: 4, split: (0, 1)),
    Case(input: 8, kernel: 4, stride: 2, dilation: 1, padding: .same, output: 4, split: (1, 1)),
    Case(input: 8, kernel: 1, stride: 2, dilation: 1, padding: .same, output: 4, split: (0, 0)),
    Case(input: 10, kernel: 2, stride: 3, dilation: 1, padding: .same, output: 4, split: (0, 1)),
    Case(input: 224, kernel: 3, stride: 1, dilation: 1, padding: .same, output: 224, split: (1, 1)),
    Case(input: 227, kernel: 11, stride: 4, dilation: 1, padding: .valid, output: 55, split: (0, 0)),
    Case(input: 5, kernel: 3, stride: 2, dilation: 1, padding: .symmetric(1), output: 3, split: (1, 1)),
    Case(input: 7, kernel: 3, stride: 1, dilation: 2, padding: .valid, output: 3, split: (0, 0)),
    Case(input: 7, kernel: 3, stride: 1, dilation: 2, padding: .same, output: 7, split: (2, 2)),
    Case(input: 2, kernel: 3, stride: 1, dilation: 1, padding: .valid, output: nil, split: nil),
    Case(input: 5, kernel: 3, stride: 0, dilation: 1, padding: .valid, output: nil, split: nil),
    Case(input: 5, kernel: 3, stride: 1, dilation: 1, padding: .explicit(before: -1, after: 0), output: nil, split: nil),
  ]

  @Test(arguments: cases)
  func outputSizeAndSplit(_ c: Case) {
    let geometry = WindowGeometry(kernel: c.kernel, stride: c.stride, dilation: c.dilation, padding: c.padding)
    #expect(geometry.outputSize(input: c.input) == c.output)
    let split = geometry.paddingSplit(input: c.input)
    #expect(split?.before == c.split?.0)
    #expect(split?.after == c.split?.1)
  }

  @Test func sameGivesCeilingOfInputOverStride() {
    for input in 1...40 {
      for stride in 1...4 {
        for kernel in 1...7 {
          let out = WindowGeometry(kernel: kernel, stride: stride, padding: .same).outputSize(input: input)
          #expect(out == (input + stride - 1) / stride)
        }
      }
    }
  }
}
