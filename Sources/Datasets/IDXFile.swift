import Glibc
import TensorEngine

/// The IDX format of the MNIST files (`train-images-idx3-ubyte`, …): two zero bytes, a type
/// code, the number of dimensions, each dimension as a big-endian 32-bit count, then the data.
/// MNIST images `(60000, 28, 28)` come back as `(60000, 28, 28, 1)` so that a `Conv2D` takes
/// them directly; labels stay `(60000,)`.
public enum IDXFile {
  public static func load(path: String, cancellation: CancellationFlag? = nil) throws -> Tensor {
    try decode(try FileBytes.read(path: path, cancellation: cancellation), path: path, cancellation: cancellation)
  }

  /// The tensor the bytes describe. The header's shape is checked against the memory budget
  /// (with an overflow-checked product) before anything is allocated, so a 12-byte file that
  /// claims 2^31 x 2^31 values is refused by name.
  public static func decode(_ bytes: [UInt8], path: String, cancellation: CancellationFlag? = nil) throws -> Tensor {
    guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 else {
      throw DatasetError.invalidIDX(path: path, reason: "it does not start with the IDX magic number")
    }
    let type = bytes[2], rank = Int(bytes[3])
    guard rank > 0, bytes.count >= 4 + 4 * rank else {
      throw DatasetError.invalidIDX(path: path, reason: "the header is cut short")
    }
    var shape: [Int] = []
    for d in 0..<rank { shape.append(Int(bigEndian32(bytes, at: 4 + 4 * d))) }
    let (elementSize, read): (Int, ([UInt8], Int) -> Float)
    switch type {
    case 0x08: (elementSize, read) = (1, { Float($0[$1]) })
    case 0x09: (elementSize, read) = (1, { Float(Int8(bitPattern: $0[$1])) })
    case 0x0B: (elementSize, read) = (2, { Float(Int16(bitPattern: UInt16($0[$1]) << 8 | UInt16($0[$1 + 1]))) })
    case 0x0C: (elementSize, read) = (4, { Float(Int32(bitPattern: bigEndian32($0, at: $1))) })
    case 0x0D: (elementSize, read) = (4, { Float(bitPattern: bigEndian32($0, at: $1)) })
    case 0x0E: (elementSize, read) = (8, { p, i in
        Float(Double(bitPattern: UInt64(bigEndian32(p, at: i)) << 32 | UInt64(bigEndian32(p, at: i + 4))))
      })
    default: throw DatasetError.invalidIDX(path: path, reason: "unknown element type 0x\(String(type, radix: 16))")
    }
    try MemoryBudget.check(operation: "load_idx", shape: shape)
    let count = Tensor.count(of: shape)
    let start = 4 + 4 * rank
    guard (bytes.count - start) / elementSize >= count else {
      throw DatasetError.invalidIDX(path: path, reason: "it holds fewer values than its shape \(shape) needs")
    }
    let values = try Conversion.floats(count: count, cancellation: cancellation) { read(bytes, start + $0 * elementSize) }
    if rank == 3 { shape.append(1) }
    return Tensor(shape: shape, values: values)
  }

  static func bigEndian32(_ bytes: [UInt8], at i: Int) -> UInt32 {
    UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
  }
}
