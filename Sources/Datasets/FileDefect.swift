import TensorEngine

/// Why a file could not be read or written, as data: the reason after the colon of a
/// `DatasetError`. The English words are in `description`; CNN Lab's languages render the
/// same cases in their own words. `system` keeps the operating system's or a decoder
/// library's own sentence, which only it can word.
public indirect enum FileDefect: Equatable, Sendable, CustomStringConvertible {
  case system(String)
  // What the path names, and the file system's refusals.
  case isFolder
  case isPipe
  case isDevice
  case isSocket
  case notRegularFile
  case permissionDenied
  case folderMissing
  /// Writing to a path that names a folder.
  case isFolderForWriting
  case diskFull
  // Images.
  case noJPEGDecoder
  case pixelsBeyondBytes(width: Int, height: Int, bytes: Int)
  // gzip and deflate.
  case notGzip
  case zlibStart(code: Int)
  case gzipCutShort
  case deflateCutShort
  /// `detail` is zlib's own message.
  case compressedDataDamaged(detail: String)
  case bytesAfterEnd(Int)
  // Zip archives (`.npz`).
  case encrypted
  case localHeaderDamaged
  case dataPastEnd
  case storedSizesDiffer
  case compressionMethod(Int)
  case centralDirectoryMissing
  case notZip
  case splitArchive
  case zip64EndDamaged
  case directoryPastEnd
  case tooManyEntries(Int)
  case directoryDamaged
  case zip64SizesDamaged(entry: String)
  case entryOutsideData(entry: String)
  case moreBytesThanRecorded(recorded: Int)
  case fewerBytesThanRecorded(held: Int, recorded: Int)
  case checksumMismatch
  case expandsTooMuch(from: Int, to: Int)
  /// A defect of one entry of an archive.
  case inEntry(String, FileDefect)
  // IDX and `.npy` headers and data.
  case shorterThanIDXHeader
  case noIDXMagic
  case unknownIDXType(UInt8)
  case noDimensions
  case headerCutShort
  case shapeBeyondFile([Int])
  case fewerValuesThanShape([Int])
  case moreDataThanShape([Int])
  case noNPYMagic
  case npyVersion(major: Int, minor: Int)
  case headerTooLong(length: Int, maximum: Int)
  case headerNotDictionary
  case structuredArray
  case noElementType
  case noFortranOrder
  case noShape
  case shapeNotWhole
  case fortranOrder
  case emptyElementType(String)
  case pythonObjects
  case text(String)
  case complexNumbers(String)
  case dates(String)
  case unknownElementType(String)
  // Data sets: images and labels that do not go together. `training` or the test half.
  case imagesNotStacked(training: Bool, shape: [Int])
  case labelsDoNotMatchImages(training: Bool, images: Int, labels: [Int])
  // Writing `.npz` archives.
  case emptyArrayName
  case repeatedArrayName(String)
  case valuesDoNotFillShape(name: String, count: Int, shape: [Int])
  case archiveTooLarge

  public var description: String {
    switch self {
    case .system(let message): return message
    case .isFolder: return "it is a folder, not a file"
    case .isPipe: return "it is a named pipe, not a file (a pipe's data never ends on its own)"
    case .isDevice: return "it is a device, not a file (a device such as /dev/zero never ends)"
    case .isSocket: return "it is a socket, not a file"
    case .notRegularFile: return "it is not a regular file"
    case .permissionDenied: return "permission denied"
    case .folderMissing: return "its folder does not exist"
    case .isFolderForWriting: return "it is a folder"
    case .diskFull: return "the disk is full"
    case .noJPEGDecoder: return "no JPEG decoder"
    case .pixelsBeyondBytes(let width, let height, let bytes):
      return "its header claims \(width)x\(height) pixels, more than its \(bytes) bytes can hold"
    case .notGzip: return "it does not start with gzip's magic bytes 1f 8b"
    case .zlibStart(let code): return "zlib could not start (code \(code))"
    case .gzipCutShort: return "the file is cut short (its compressed data ends too early)"
    case .deflateCutShort: return "the compressed data is cut short"
    case .compressedDataDamaged(let detail): return "the compressed data is damaged (\(detail))"
    case .bytesAfterEnd(let count): return "there are \(count) bytes after the end of the compressed data"
    case .encrypted: return "it is encrypted"
    case .localHeaderDamaged: return "its local header is missing or damaged"
    case .dataPastEnd: return "its data runs past the end of the file"
    case .storedSizesDiffer: return "a stored entry whose two sizes differ"
    case .compressionMethod(let method):
      return "it is compressed with method \(method); only stored (0) and deflated (8) entries can be read"
    case .centralDirectoryMissing:
      return "its table of contents (the zip central directory) is missing; the file may be cut short"
    case .notZip: return "it is not a zip archive"
    case .splitArchive: return "it is an archive split over several files"
    case .zip64EndDamaged: return "its Zip64 end record is missing or damaged"
    case .directoryPastEnd: return "its table of contents points past the end of the file"
    case .tooManyEntries(let count): return "its table of contents claims \(count) entries, more than it has room for"
    case .directoryDamaged: return "its table of contents is damaged"
    case .zip64SizesDamaged(let entry): return "the Zip64 sizes of '\(entry)' are damaged"
    case .entryOutsideData(let entry): return "the entry '\(entry)' points outside the archive's data"
    case .moreBytesThanRecorded(let recorded):
      return "it holds more than the \(recorded) bytes the archive's table of contents says"
    case .fewerBytesThanRecorded(let held, let recorded):
      return "it holds \(held) bytes, fewer than the \(recorded) the table of contents says"
    case .checksumMismatch: return "its CRC-32 does not match; the data is damaged"
    case .expandsTooMuch(let from, let to):
      return "the archive says it expands from \(from) to \(to) bytes, more than deflate can"
    case .inEntry(let entry, let defect): return "'\(entry)': \(defect.description)"
    case .shorterThanIDXHeader: return "it is shorter than an IDX header"
    case .noIDXMagic: return "it does not start with the IDX magic number (two zero bytes)"
    case .unknownIDXType(let code): return "unknown element type 0x\(String(code, radix: 16))"
    case .noDimensions: return "its header gives no dimensions"
    case .headerCutShort: return "the header is cut short"
    case .shapeBeyondFile(let shape): return "its header claims the shape \(formatShape(shape)), more values than the file can hold"
    case .fewerValuesThanShape(let shape): return "it holds fewer values than its shape \(formatShape(shape)) needs"
    case .moreDataThanShape(let shape): return "it holds more data than its shape \(formatShape(shape)) says"
    case .noNPYMagic: return "it does not start with numpy's magic bytes \\x93NUMPY"
    case .npyVersion(let major, let minor): return "it is in .npy format version \(major).\(minor), which is newer than numpy's 3.0"
    case .headerTooLong(let length, let maximum):
      return "its header claims to be \(length) bytes long; numpy refuses headers over \(maximum)"
    case .headerNotDictionary: return "its header is not the dictionary numpy writes"
    case .structuredArray:
      return "it is a structured array (a record of named fields per element); save each field as an array of its own"
    case .noElementType: return "its header has no 'descr' (element type)"
    case .noFortranOrder: return "its header has no 'fortran_order'"
    case .noShape: return "its header has no 'shape' tuple"
    case .shapeNotWhole: return "its shape is not a tuple of whole numbers"
    case .fortranOrder: return "it is stored in Fortran (column-major) order; save np.ascontiguousarray(x) instead"
    case .emptyElementType(let descr): return "its element type '\(descr)' is empty"
    case .pythonObjects:
      return "it holds Python objects, which numpy stores by pickling; CNN Lab never unpickles files (a pickle can run code). "
        + "Save a numeric array instead, such as np.asarray(x, dtype=\"float32\")"
    case .text(let descr): return "it holds text ('\(descr)'), not numbers"
    case .complexNumbers(let descr): return "it holds complex numbers ('\(descr)'), which CNN Lab's tensors cannot"
    case .dates(let descr): return "it holds dates or times ('\(descr)'), not numbers"
    case .unknownElementType(let descr):
      return "its element type '\(descr)' is not one CNN Lab can read (unsigned or signed integers, floats, bools)"
    case .imagesNotStacked(let training, let shape):
      return "the \(training ? "training" : "test") images have the shape \(formatShape(shape)), not (n, height, width)"
    case .labelsDoNotMatchImages(let training, let images, let labels):
      return "there are \(images) \(training ? "training" : "test") images but the labels have the shape \(formatShape(labels))"
    case .emptyArrayName: return "an array needs a non-empty name"
    case .repeatedArrayName(let name): return "two arrays are named '\(name)'"
    case .valuesDoNotFillShape(let name, let count, let shape):
      return "the array '\(name)' has \(count) values, which do not fill the shape \(formatShape(shape))"
    case .archiveTooLarge: return "the archive would be larger than 4 GiB"
    }
  }
}
