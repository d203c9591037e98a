/// Base64 (RFC 4648, standard alphabet, `=` padding, no line breaks), the text form of every
/// PNG a notebook receives. Written here because Foundation, which has one, is not linked.
public enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  public static func encode(_ bytes: [UInt8]) -> String {
    let groups = bytes.count / 3, rest = bytes.count % 3
    let length = (groups + (rest == 0 ? 0 : 1)) * 4
    return bytes.withUnsafeBufferPointer { source in
      alphabet.withUnsafeBufferPointer { table in
        String(unsafeUninitializedCapacity: length) { out in
          var i = 0, o = 0
          // Three bytes become four characters of six bits each.
          for _ in 0..<groups {
            let word = UInt32(source[i]) << 16 | UInt32(source[i + 1]) << 8 | UInt32(source[i + 2])
            out[o] = table[Int(word >> 18)]
            out[o + 1] = table[Int(word >> 12 & 63)]
            out[o + 2] = table[Int(word >> 6 & 63)]
            out[o + 3] = table[Int(word & 63)]
            i += 3
            o += 4
          }
          if rest > 0 {
            let word = UInt32(source[i]) << 16 | (rest == 2 ? UInt32(source[i + 1]) << 8 : 0)
            out[o] = table[Int(word >> 18)]
            out[o + 1] = table[Int(word >> 12 & 63)]
            out[o + 2] = rest == 2 ? table[Int(word >> 6 & 63)] : UInt8(ascii: "=")
            out[o + 3] = UInt8(ascii: "=")
          }
          return length
        }
      }
    }
  }
}
