import Datasets
import Foundation
import TensorEngine
import Testing

@Suite struct FileReaderTests {
  func temporaryFile(_ bytes: [UInt8], _ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.path + "/cnnlab-\(name)-\(UInt32.random(in: 0...UInt32.max))"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    return path
  }

  /// A 3x2 gray PNG written by Pillow with pixels [[0, 128, 255], [10, 20, 30]].
  static let grayPNG: [UInt8] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0, 184, 31,
    57, 198, 0, 0, 0, 16, 73, 68, 65, 84, 120, 156, 99, 96, 104, 248, 207, 200, 197, 197, 5, 0, 8, 67, 1, 159,
    178, 131, 20, 5, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
  ]
  /// A 2x1 RGB PNG written by Pillow: a red pixel, then a blue one.
  static let rgbPNG: [UInt8] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0, 123, 64,
    232, 221, 0, 0, 0, 15, 73, 68, 65, 84, 120, 156, 99, 248, 207, 192, 192, 192, 240, 31, 0, 7, 0, 1, 255, 126,
    8, 177, 208, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
  ]
  /// An 8x8 gray JPEG written by Pillow, every pixel 200.
  static let grayJPEG = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAIBAQEBAQIBAQECAgICAgQDAgICAgUEBAMEBgUGBgYFBgYGBwkIBgcJBwYGCAsICQoKCgoKBggLDAsKDAkKCgr/wAALCAAIAAgBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/AP0gr//Z"

  @Test func readsGrayPNG() throws {
    let image = try ImageFile.load(path: try temporaryFile(Self.grayPNG, "g.png"), gray: false)
    #expect(image.shape == [2, 3])
    #expect(image.values == [0, 128, 255, 10, 20, 30])
  }

  @Test func readsRGBPNGAndConvertsToGray() throws {
    let path = try temporaryFile(Self.rgbPNG, "rgb.png")
    let color = try ImageFile.load(path: path, gray: false)
    #expect(color.shape == [1, 2, 3])
    #expect(color.values == [255, 0, 0, 0, 0, 255])
    let gray = try ImageFile.load(path: path, gray: true)
    #expect(gray.shape == [1, 2])
    // Red is brighter than blue to the eye (libpng weighs by the sRGB luminance).
    #expect(gray.values[0] > gray.values[1])
  }

  @Test func readsJPEG() throws {
    let bytes = try #require(Data(base64Encoded: Self.grayJPEG))
    let image = try ImageFile.load(path: try temporaryFile([UInt8](bytes), "g.jpg"), gray: false)
    #expect(image.shape == [8, 8])
    #expect(image.values.allSatisfy { abs($0 - 200) <= 2 })
  }

  @Test func missingAndForeignFilesAreClearErrors() throws {
    #expect(throws: DatasetError.fileNotFound(path: "no/such.png")) { try ImageFile.load(path: "no/such.png", gray: false) }
    let text = try temporaryFile(Array("hello".utf8), "t.png")
    #expect(throws: DatasetError.unsupportedFormat(path: text)) { try ImageFile.load(path: text, gray: false) }
    let broken = try temporaryFile(Array(Self.grayPNG.prefix(40)), "b.png")
    #expect(throws: (any Error).self) { try ImageFile.load(path: broken, gray: false) }
  }

  /// An IDX file built by hand: unsigned bytes, shape (2, 2, 2).
  @Test func readsIDXImagesWithAChannelAxis() throws {
    let bytes: [UInt8] = [0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2] + (1...8).map { UInt8($0 * 30) }
    let images = try IDXFile.decode(bytes, path: "x")
    #expect(images.shape == [2, 2, 2, 1])
    #expect(images.values == [30, 60, 90, 120, 150, 180, 210, 240])
  }

  @Test func readsIDXLabelsAndFloats() throws {
    let labels = try IDXFile.decode([0, 0, 0x08, 1, 0, 0, 0, 3, 7, 2, 1], path: "l")
    #expect(labels.shape == [3])
    #expect(labels.values == [7, 2, 1])
    // 1.5 as a big-endian IEEE single is 3F C0 00 00.
    let floats = try IDXFile.decode([0, 0, 0x0D, 1, 0, 0, 0, 1, 0x3F, 0xC0, 0, 0], path: "f")
    #expect(floats.values == [1.5])
  }

  @Test func rejectsBrokenIDX() {
    #expect(throws: DatasetError.self) { try IDXFile.decode([1, 2, 3, 4], path: "a") }
    #expect(throws: DatasetError.self) { try IDXFile.decode([0, 0, 0x08, 1, 0, 0, 0, 5, 1, 2], path: "b") }
    #expect(throws: DatasetError.self) { try IDXFile.decode([0, 0, 0x42, 1, 0, 0, 0, 1, 1], path: "c") }
  }
}

@Suite struct FileBytesTests {
  @Test func readsWhatFoundationWrote() throws {
    let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
    let path = FileManager.default.temporaryDirectory.path + "/cnnlab-bytes-\(UInt32.random(in: 0...UInt32.max))"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try FileBytes.read(path: path) == bytes)
    let empty = path + "-empty"
    #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
    defer { try? FileManager.default.removeItem(atPath: empty) }
    #expect(try FileBytes.read(path: empty) == [])
  }

  /// Files under /proc say they are empty; the reader must not trust the size.
  @Test func readsFilesThatReportNoSize() throws {
    let text = String(decoding: try FileBytes.read(path: "/proc/self/status"), as: UTF8.self)
    #expect(text.hasPrefix("Name:"))
    #expect(text.contains("VmRSS:"))
  }

  @Test func failuresSayWhy() {
    #expect(throws: DatasetError.fileNotFound(path: "/no/such/file")) { try FileBytes.read(path: "/no/such/file") }
    #expect(throws: DatasetError.unreadable(path: "/", reason: .isFolder)) { try FileBytes.read(path: "/") }
  }
}
