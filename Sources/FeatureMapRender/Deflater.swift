import CZlib

/// A zlib return code that was not the one expected.
struct ZlibFailure: Error {
  let code: Int32
}

/// One-shot raw deflate (no zlib header or trailer) of a buffer, through zlib's streaming API.
/// `deflateInit2` is a C macro Swift does not import, so this calls `deflateInit2_` itself.
enum Deflater {
  /// Compresses `input`; a non-final piece ends with a sync flush (an empty stored block),
  /// so the next piece's blocks can follow it directly.
  static func rawDeflate(_ input: UnsafeRawBufferPointer, level: Int32, strategy: Int32, final: Bool) -> Result<
    [UInt8], ZlibFailure
  > {
    var stream = z_stream()
    let initCode = deflateInit2_(
      &stream, level, Z_DEFLATED, -15, 8, strategy, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard initCode == Z_OK else { return .failure(ZlibFailure(code: initCode)) }
    defer { deflateEnd(&stream) }
    // deflateBound covers a finished stream; a sync flush adds at most a few bytes more.
    let capacity = Int(deflateBound(&stream, UInt(input.count))) + 64
    var output = [UInt8](repeating: 0, count: capacity)
    let flush = final ? Z_FINISH : Z_SYNC_FLUSH
    var code = Z_OK
    var written = 0
    output.withUnsafeMutableBufferPointer { out in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
      stream.avail_in = UInt32(input.count)
      stream.next_out = out.baseAddress
      stream.avail_out = UInt32(out.count)
      code = deflate(&stream, flush)
      written = out.count - Int(stream.avail_out)
    }
    let expected = final ? Z_STREAM_END : Z_OK
    guard code == expected, stream.avail_in == 0 else { return .failure(ZlibFailure(code: code)) }
    output.removeSubrange(written...)
    return .success(output)
  }
}
