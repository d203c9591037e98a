import CPNG
import CTurboJPEG
import Glibc
import TensorEngine

/// Reads PNG and JPEG files into tensors with values 0...255: `(H, W)` when the file is gray
/// or `gray` is asked for, `(H, W, 3)` otherwise (transparency is dropped). libpng and
/// libjpeg-turbo do the decoding.
///
/// The size a header claims is checked before any pixel is decoded: against the memory
/// budget (the decoded bytes and the tensor's floats, with overflow-checked products), and for
/// PNG against what its compressed bytes could possibly hold, so a small crafted file that
/// claims a million by a million pixels is refused without allocating them.
public enum ImageFile {
  public static func load(path: String, gray: Bool, cancellation: CancellationFlag? = nil) throws -> Tensor {
    let bytes = try FileBytes.read(path: path, cancellation: cancellation)
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
      return try decodePNG(bytes, path: path, gray: gray, cancellation: cancellation)
    }
    if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
      return try decodeJPEG(bytes, path: path, gray: gray, cancellation: cancellation)
    }
    throw DatasetError.unsupportedFormat(path: path)
  }

  /// Deflate's largest expansion: one compressed byte never gives more than 1032 decoded ones
  /// (a 258-byte match per bit pair at best); the margin covers headers and row filter bytes.
  static let deflateExpansion = 1100

  public static func decodePNG(
    _ bytes: [UInt8], path: String, gray: Bool, cancellation: CancellationFlag? = nil
  ) throws -> Tensor {
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    guard (bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }) != 0 else {
      throw DatasetError.unreadable(path: path, reason: .system(pngMessage(&image)))
    }
    defer { png_image_free(&image) }
    let isGray = gray || (image.format & UInt32(PNG_FORMAT_FLAG_COLOR)) == 0
    let channels = isGray ? 1 : 3
    // Gray is the format with no flags; RGB is the colour flag alone (8-bit, no alpha).
    image.format = isGray ? 0 : UInt32(PNG_FORMAT_FLAG_COLOR)
    let (width, height) = (Int(image.width), Int(image.height))
    let shape = try checkedShape(height: height, width: width, channels: channels)
    // The compressed rows hold at least one bit per pixel and a filter byte per row.
    let (decoded, overflow) = ((width + 7) / 8 + 1).multipliedReportingOverflow(by: height)
    if overflow || decoded / deflateExpansion > bytes.count {
      throw DatasetError.unreadable(
        path: path, reason: .pixelsBeyondBytes(width: Int(width), height: Int(height), bytes: bytes.count))
    }
    if cancellation?.isCancelled == true { throw TensorError.cancelled }
    var pixels = [UInt8](repeating: 0, count: Tensor.count(of: shape))
    guard png_image_finish_read(&image, nil, &pixels, 0, nil) != 0 else {
      throw DatasetError.unreadable(path: path, reason: .system(pngMessage(&image)))
    }
    return try tensor(pixels, shape: shape, cancellation: cancellation)
  }

  static func pngMessage(_ image: inout png_image) -> String {
    withUnsafeBytes(of: &image.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
  }

  public static func decodeJPEG(
    _ bytes: [UInt8], path: String, gray: Bool, cancellation: CancellationFlag? = nil
  ) throws -> Tensor {
    guard let handle = tjInitDecompress() else { throw DatasetError.unreadable(path: path, reason: .noJPEGDecoder) }
    defer { tjDestroy(handle) }
    var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
    guard tjDecompressHeader3(handle, bytes, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0 else {
      throw DatasetError.unreadable(path: path, reason: .system(String(cString: tjGetErrorStr2(handle))))
    }
    let isGray = gray || colorspace == Int32(TJCS_GRAY.rawValue)
    let channels = isGray ? 1 : 3
    let shape = try checkedShape(height: Int(height), width: Int(width), channels: channels)
    if cancellation?.isCancelled == true { throw TensorError.cancelled }
    var pixels = [UInt8](repeating: 0, count: Tensor.count(of: shape))
    let format = isGray ? TJPF_GRAY : TJPF_RGB
    guard tjDecompress2(handle, bytes, UInt(bytes.count), &pixels, width, 0, height, Int32(format.rawValue), 0) == 0 else {
      throw DatasetError.unreadable(path: path, reason: .system(String(cString: tjGetErrorStr2(handle))))
    }
    return try tensor(pixels, shape: shape, cancellation: cancellation)
  }

  /// The tensor's shape, once the floats and the decoded bytes together fit in the memory
  /// budget (`MemoryBudget.check` multiplies with overflow checks).
  static func checkedShape(height: Int, width: Int, channels: Int) throws -> [Int] {
    let shape = channels == 1 ? [height, width] : [height, width, channels]
    try MemoryBudget.check(operation: "image", shape: shape)
    try MemoryBudget.check(operation: "image", shape: shape, extraBytes: Tensor.count(of: shape))
    return shape
  }

  /// The pixels as floats, a chunk at a time with the flag checked between chunks.
  static func tensor(_ pixels: [UInt8], shape: [Int], cancellation: CancellationFlag?) throws -> Tensor {
    var source = MemorySource(pixels)
    guard let values = try source.readFloats(count: pixels.count, of: .uint8, cancellation: cancellation) else {
      preconditionFailure("a buffer holds its own count of bytes")
    }
    return Tensor(shape: shape, values: values)
  }
}
