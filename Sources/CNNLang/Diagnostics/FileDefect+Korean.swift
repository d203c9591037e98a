import Datasets
import TensorEngine

// The Korean words of why a file could not be read or written, beside the English ones in
// Datasets' `FileDefect.swift`.
extension FileDefect: LearnerText {
  /// The English, as the engine words it.
  public var text: String { description }

  public var koreanText: String {
    switch self {
    case .system(let message): return "운영 체제나 디코더가 알려 준 이유는 \"\(message)\"입니다"
    case .isFolder: return "파일이 아니라 폴더입니다"
    case .isPipe: return "파일이 아니라 이름 있는 파이프입니다 (파이프의 데이터는 저절로 끝나지 않습니다)"
    case .isDevice: return "파일이 아니라 장치입니다 (/dev/zero 같은 장치는 끝나지 않습니다)"
    case .isSocket: return "파일이 아니라 소켓입니다"
    case .notRegularFile: return "보통 파일이 아닙니다"
    case .permissionDenied: return "권한이 없습니다"
    case .folderMissing: return "파일이 들어갈 폴더가 없습니다"
    case .isFolderForWriting: return "그 경로는 폴더입니다"
    case .diskFull: return "디스크가 가득 찼습니다"
    case .noJPEGDecoder: return "JPEG 디코더를 열 수 없습니다"
    case .pixelsBeyondBytes(let width, let height, let bytes):
      return "헤더에는 \(width)x\(height) 픽셀이라고 적혀 있지만, 파일의 \(bytes)바이트로는 그만큼 담을 수 없습니다"
    case .notGzip: return "gzip의 매직 바이트 1f 8b로 시작하지 않습니다"
    case .zlibStart(let code): return "zlib을 시작할 수 없습니다 (코드 \(code))"
    case .gzipCutShort: return "파일이 잘려 있습니다 (압축된 데이터가 너무 일찍 끝납니다)"
    case .deflateCutShort: return "압축된 데이터가 잘려 있습니다"
    case .compressedDataDamaged(let detail): return "압축된 데이터가 손상되었습니다 (zlib: \"\(detail)\")"
    case .bytesAfterEnd(let count): return "압축된 데이터가 끝난 뒤에도 \(count)바이트가 더 있습니다"
    case .encrypted: return "암호화되어 있습니다"
    case .localHeaderDamaged: return "로컬 헤더가 없거나 손상되었습니다"
    case .dataPastEnd: return "데이터가 파일 끝을 넘어갑니다"
    case .storedSizesDiffer: return "압축하지 않은 항목인데 두 크기가 다릅니다"
    case .compressionMethod(let method):
      return "압축 방식 \(k(String(method), .topic)) 읽을 수 없습니다. 읽을 수 있는 것은 압축하지 않은 항목(0)과 deflate 항목(8)뿐입니다"
    case .centralDirectoryMissing: return "목차(zip의 중앙 디렉터리)가 없습니다. 파일이 잘렸을 수 있습니다"
    case .notZip: return "zip 압축 파일이 아닙니다"
    case .splitArchive: return "여러 파일로 나뉜 압축 파일입니다"
    case .zip64EndDamaged: return "Zip64 끝 레코드가 없거나 손상되었습니다"
    case .directoryPastEnd: return "목차가 파일 끝 너머를 가리킵니다"
    case .tooManyEntries(let count): return "목차에는 항목이 \(count)개라고 적혀 있지만, 그만큼 들어갈 자리가 없습니다"
    case .directoryDamaged: return "목차가 손상되었습니다"
    case .zip64SizesDamaged(let entry): return "'\(entry)'의 Zip64 크기가 손상되었습니다"
    case .entryOutsideData(let entry): return "항목 \(k("'\(entry)'", .subject)) 압축 파일의 데이터 밖을 가리킵니다"
    case .moreBytesThanRecorded(let recorded): return "목차에 적힌 \(recorded)바이트보다 많은 데이터가 들어 있습니다"
    case .fewerBytesThanRecorded(let held, let recorded):
      return "목차에는 \(recorded)바이트라고 적혀 있지만 \(held)바이트만 들어 있습니다"
    case .checksumMismatch: return "CRC-32가 맞지 않습니다. 데이터가 손상되었습니다"
    case .expandsTooMuch(let from, let to):
      return "압축 파일에는 \(from)바이트가 \(to)바이트로 풀린다고 적혀 있지만, deflate로는 그만큼 늘어날 수 없습니다"
    case .inEntry(let entry, let defect): return "'\(entry)': \(defect.koreanText)"
    case .shorterThanIDXHeader: return "IDX 헤더보다 짧습니다"
    case .noIDXMagic: return "IDX 매직 넘버(0 바이트 두 개)로 시작하지 않습니다"
    case .unknownIDXType(let code): return "원소 타입 \(k("0x\(String(code, radix: 16))", .topic)) 알 수 없는 타입입니다"
    case .noDimensions: return "헤더에 차원이 하나도 없습니다"
    case .headerCutShort: return "헤더가 잘려 있습니다"
    case .shapeBeyondFile(let shape): return "헤더에는 모양이 \(formatShape(shape))라고 적혀 있지만, 파일에는 그만큼 많은 값이 들어갈 수 없습니다"
    case .fewerValuesThanShape(let shape): return "모양 \(formatShape(shape))에 필요한 값보다 적게 들어 있습니다"
    case .moreDataThanShape(let shape): return "모양 \(formatShape(shape))에 맞는 양보다 많은 데이터가 들어 있습니다"
    case .noNPYMagic: return "numpy의 매직 바이트 \\x93NUMPY로 시작하지 않습니다"
    case .npyVersion(let major, let minor): return ".npy 형식 버전 \(major).\(minor)입니다. numpy의 3.0보다 새로운 버전입니다"
    case .headerTooLong(let length, let maximum):
      return "헤더 길이가 \(length)바이트라고 적혀 있습니다. numpy는 \(maximum)바이트가 넘는 헤더를 거부합니다"
    case .headerNotDictionary: return "헤더가 numpy가 쓰는 dict 꼴이 아닙니다"
    case .structuredArray: return "구조화 배열(원소마다 이름 붙은 필드가 있는 레코드)입니다. 필드마다 따로 배열로 저장하세요"
    case .noElementType: return "헤더에 'descr'(원소 타입)가 없습니다"
    case .noFortranOrder: return "헤더에 'fortran_order'가 없습니다"
    case .noShape: return "헤더에 'shape' tuple이 없습니다"
    case .shapeNotWhole: return "모양이 정수의 tuple이 아닙니다"
    case .fortranOrder: return "Fortran(열 우선) 순서로 저장되어 있습니다. 대신 np.ascontiguousarray(x)를 저장하세요"
    case .emptyElementType(let descr): return "원소 타입 \(k("'\(descr)'", .subject)) 비어 있습니다"
    case .pythonObjects:
      return "Python 객체가 들어 있습니다. numpy는 이것을 피클(pickle)로 저장하는데, 피클은 코드를 실행할 수 있어서 CNN Lab은 "
        + "피클을 풀지 않습니다. 대신 np.asarray(x, dtype=\"float32\")처럼 숫자 배열을 저장하세요"
    case .text(let descr): return "숫자가 아니라 글자('\(descr)')가 들어 있습니다"
    case .complexNumbers(let descr): return "복소수('\(descr)')가 들어 있습니다. CNN Lab의 텐서는 복소수를 담을 수 없습니다"
    case .dates(let descr): return "숫자가 아니라 날짜나 시간('\(descr)')이 들어 있습니다"
    case .unknownElementType(let descr):
      return "원소 타입 \(k("'\(descr)'", .topic)) CNN Lab이 읽을 수 있는 타입(부호 없는 정수, 부호 있는 정수, 실수, 불리언)이 아닙니다"
    case .imagesNotStacked(let training, let shape):
      return "\(training ? "학습" : "테스트") 이미지의 모양이 (n, height, width)가 아니라 \(formatShape(shape))입니다"
    case .labelsDoNotMatchImages(let training, let images, let labels):
      return "\(training ? "학습" : "테스트") 이미지는 \(images)개인데 정답의 모양은 \(formatShape(labels))입니다"
    case .emptyArrayName: return "배열에는 비어 있지 않은 이름이 필요합니다"
    case .repeatedArrayName(let name): return "이름이 '\(name)'인 배열이 둘입니다"
    case .valuesDoNotFillShape(let name, let count, let shape):
      return "배열 '\(name)'의 값 \(count)개로는 모양 \(k(formatShape(shape), .object)) 채울 수 없습니다"
    case .archiveTooLarge: return "압축 파일이 4 GiB보다 커집니다"
    }
  }
}
