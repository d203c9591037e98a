import FeatureMapRender
import Foundation
import Testing

@Suite struct Base64Tests {
  /// The test vectors of RFC 4648, section 10.
  @Test func rfcVectors() {
    let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
    for (plain, encoded) in vectors {
      #expect(Base64.encode(Array(plain.utf8)) == encoded, "\(plain)")
    }
  }

  /// Every length around a group boundary and every byte value, against Foundation's encoder
  /// (linked by the tests only).
  @Test func agreesWithFoundation() {
    var state: UInt32 = 12345
    for length in Array(0...64) + [255, 256, 257, 65_537] {
      let bytes = (0..<length).map { _ -> UInt8 in
        state = state &* 1_664_525 &+ 1_013_904_223
        return UInt8(truncatingIfNeeded: state >> 24)
      }
      #expect(Base64.encode(bytes) == Data(bytes).base64EncodedString(), "length \(length)")
    }
    let all = (0...255).map { UInt8($0) }
    #expect(Base64.encode(all) == Data(all).base64EncodedString())
  }
}
