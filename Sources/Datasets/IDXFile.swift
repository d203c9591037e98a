import TensorEngine

/// The IDX format of the MNIST files (`train-images-idx3-ubyte`, …): two zero bytes, a type
/// code, the number of dimensions, each dimension as a big-endian 32-bit count, then the data.
/// MNIST images `(60000, 28, 28)` come back as `(60000, 28, 28, 1)` so that a `Conv2D` takes
/// them directly; labels stay `(60000,)`.
public enum IDXFile {
  public static func load(path: String, cancellation: CancellationFlag? = nil) throws -> Tensor {
    try decode(try FileBytes.read(path: path, cancellation: cancellation), path: path, cancellation: cancellation)
  }

  /// The tensor the bytes describe, gzipped (as the data sets ship) or not. `IDXReader` checks
  /// the header's shape against the memory budget (with an overflow-checked product) and
  /// against the bytes before anything is allocated, so a 12-byte file that claims
  /// 2^31 x 2^31 values is refused by name, and converts the values with the flag polled.
  public static func decode(_ bytes: [UInt8], path: String, cancellation: CancellationFlag? = nil) throws -> Tensor {
    let tensor = try IDXReader.decode(bytes, path: path, cancellation: cancellation)
    return tensor.rank == 3 ? Tensor(shape: tensor.shape + [1], values: tensor.values) : tensor
  }
}
