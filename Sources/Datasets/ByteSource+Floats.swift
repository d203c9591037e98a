import TensorEngine

extension ByteSource {
  /// Reads `count` numbers of `type` and converts them to floats, a chunk at a time: the
  /// floats are the only full-size allocation, and the cancellation flag is checked between
  /// chunks of 256 KiB (about a millisecond of inflate each). Returns nil when the data ends early.
  mutating func readFloats(
    count: Int, of type: ElementType, cancellation: CancellationFlag?
  ) throws -> [Float]? {
    let chunkElements = (1 << 18) / type.size
    var scratch = [UInt8](repeating: 0, count: min(count, chunkElements) * type.size)
    var complete = true
    let values = try [Float](unsafeUninitializedCapacity: count) { out, initialized in
      initialized = 0
      while initialized < count {
        if cancellation?.isCancelled == true { throw TensorError.cancelled }
        let elements = min(chunkElements, count - initialized)
        let wanted = elements * type.size
        let got = try scratch.withUnsafeMutableBytes { buffer in
          try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
        }
        guard got == wanted else {
          complete = false
          return
        }
        scratch.withUnsafeBytes { buffer in
          type.convert(buffer.baseAddress!, into: out.baseAddress! + initialized, count: elements)
        }
        initialized += elements
      }
    }
    return complete ? values : nil
  }
}

