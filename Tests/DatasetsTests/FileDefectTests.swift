import Datasets
import Testing

/// The English of the reasons a file cannot be read, as learners have read them: the wording
/// is data now, and must not drift.
@Suite struct FileDefectTests {
  @Test func englishReasonsKeepTheirWords() {
    let expected: [(FileDefect, String)] = [
      (.gzipCutShort, "the file is cut short (its compressed data ends too early)"),
      (.compressedDataDamaged(detail: "incorrect data check"), "the compressed data is damaged (incorrect data check)"),
      (.bytesAfterEnd(3), "there are 3 bytes after the end of the compressed data"),
      (.shapeBeyondFile([10, 1000, 1000]), "its header claims the shape (10, 1000, 1000), more values than the file can hold"),
      (.fewerValuesThanShape([4]), "it holds fewer values than its shape (4,) needs"),
      (.noIDXMagic, "it does not start with the IDX magic number (two zero bytes)"),
      (.labelsDoNotMatchImages(training: true, images: 3, labels: [2]), "there are 3 training images but the labels have the shape (2,)"),
      (.imagesNotStacked(training: false, shape: [3]), "the test images have the shape (3,), not (n, height, width)"),
      (.isPipe, "it is a named pipe, not a file (a pipe's data never ends on its own)"),
      (.isFolder, "it is a folder, not a file"),
      (.pixelsBeyondBytes(width: 20000, height: 20000, bytes: 64), "its header claims 20000x20000 pixels, more than its 64 bytes can hold"),
      (.noNPYMagic, "it does not start with numpy's magic bytes \\x93NUMPY"),
      (.inEntry("x.npy", .checksumMismatch), "'x.npy': its CRC-32 does not match; the data is damaged"),
      (.valuesDoNotFillShape(name: "a", count: 3, shape: [2, 2]), "the array 'a' has 3 values, which do not fill the shape (2, 2)"),
      (.unknownIDXType(0x0a), "unknown element type 0xa"),
      (.system("Input/output error"), "Input/output error"),
    ]
    for (defect, english) in expected {
      #expect(defect.description == english)
    }
    // A reason reads the same inside the error's sentence.
    let error = DatasetError.invalidGzip(path: "a.gz", reason: .bytesAfterEnd(3))
    #expect(error.description == "'a.gz' is not a valid gzip file: there are 3 bytes after the end of the compressed data")
  }
}
