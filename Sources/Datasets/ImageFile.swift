import CPNG
import CTurboJPEG
import Glibc
import TensorEngine

/// Reads PNG and JPEG files into tensors with values 0...255: `(H, W)` when the file is gray
/// or `gray` is asked for, `(H, W, 3)` otherwise (transparency is dropped). libpng and
/// libjpeg-turbo do the decoding.
public enum ImageFile {
  public static func load(path: String, gray: Bool) throws -> Tensor {
    let bytes = try FileBytes.read(path: path)
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return try decodePNG(bytes, path: path, gray: gray) }
    if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return try decodeJPEG(bytes, path: path, gray: gray) }
    throw DatasetError.unsupportedFormat(path: path)
  }

  static func decodePNG(_ bytes: [UInt8], path: String, gray: Bool) throws -> Tensor {
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    guard (bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }) != 0 else {
      throw DatasetError.unreadable(path: path, reason: pngMessage(&image))
    }
    defer { png_image_free(&image) }
    let isGray = gray || (image.format & UInt32(PNG_FORMAT_FLAG_COLOR)) == 0
    let channels = isGray ? 1 : 3
    // Gray is the format with no flags; RGB is the colour flag alone (8-bit, no alpha).
    image.format = isGray ? 0 : UInt32(PNG_FORMAT_FLAG_COLOR)
    let (width, height) = (Int(image.width), Int(image.height))
    var pixels = [UInt8](repeating: 0, count: width * height * channels)
    guard png_image_finish_read(&image, nil, &pixels, 0, nil) != 0 else {
      throw DatasetError.unreadable(path: path, reason: pngMessage(&image))
    }
    return tensor(pixels, height: height, width: width, channels: channels)
  }

  static func pngMessage(_ image: inout png_image) -> String {
    withUnsafeBytes(of: &image.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
  }

  static func decodeJPEG(_ bytes: [UInt8], path: String, gray: Bool) throws -> Tensor {
    guard let handle = tjInitDecompress() else { throw DatasetError.unreadable(path: path, reason: "no JPEG decoder") }
    defer { tjDestroy(handle) }
    var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
    guard tjDecompressHeader3(handle, bytes, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0 else {
      throw DatasetError.unreadable(path: path, reason: String(cString: tjGetErrorStr2(handle)))
    }
    let isGray = gray || colorspace == Int32(TJCS_GRAY.rawValue)
    let channels = isGray ? 1 : 3
    var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height) * channels)
    let format = isGray ? TJPF_GRAY : TJPF_RGB
    guard tjDecompress2(handle, bytes, UInt(bytes.count), &pixels, width, 0, height, Int32(format.rawValue), 0) == 0 else {
      throw DatasetError.unreadable(path: path, reason: String(cString: tjGetErrorStr2(handle)))
    }
    return tensor(pixels, height: Int(height), width: Int(width), channels: channels)
  }

  static func tensor(_ pixels: [UInt8], height: Int, width: Int, channels: Int) -> Tensor {
    Tensor(shape: channels == 1 ? [height, width] : [height, width, channels], values: pixels.map(Float.init))
  }
}
