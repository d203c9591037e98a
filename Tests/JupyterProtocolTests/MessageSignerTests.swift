import COpenSSL
import JupyterProtocol
import Testing

struct HMACVector: Sendable, CustomTestStringConvertible {
  var id: String
  var key: [UInt8]
  var data: [UInt8]
  var hex: String
  var testDescription: String { id }
}

// RFC 4231, section 4: HMAC-SHA-256 results of test cases 1, 2, 3 and 6.
let rfc4231: [HMACVector] = [
  HMACVector(
    id: "case 1", key: Array(repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
    hex: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
  HMACVector(
    id: "case 2", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
    hex: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
  HMACVector(
    id: "case 3", key: Array(repeating: 0xaa, count: 20), data: Array(repeating: 0xdd, count: 50),
    hex: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
  HMACVector(
    id: "case 6 (key longer than a block)", key: Array(repeating: 0xaa, count: 131),
    data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
    hex: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
]

/// A header as a Python client would send it; its signature below was computed once with
/// Python's `hmac.new(b"a0b1c2d3-key", digestmod=hashlib.sha256)` over header, {}, {}, {}.
let pythonHeader = Array(
  #"{"msg_id":"m1","session":"s1","username":"u","date":"2026-11-22T18:10:59.225439Z","msg_type":"kernel_info_request","version":"5.3"}"#
    .utf8)
let pythonSignature = "9090c7bca490498d04eed927de98cd4deebee63bc10d9c1153f607fd6c69dd16"

@Suite struct MessageSignerTests {
  @Test(arguments: rfc4231)
  func rfc4231Vectors(_ v: HMACVector) {
    let mac = MessageSigner.hmacSHA256(key: v.key, message: v.data)
    #expect(String(decoding: MessageSigner.hex(mac), as: UTF8.self) == v.hex)
  }

  @Test func signatureMatchesPythonHmac() {
    let signer = MessageSigner(key: "a0b1c2d3-key")
    let empty = Array("{}".utf8)
    let sig = signer.signature(of: [pythonHeader, empty, empty, empty])
    #expect(String(decoding: sig, as: UTF8.self) == pythonSignature)
    #expect(signer.verify(signature: Array(pythonSignature.utf8), parts: [pythonHeader, empty, empty, empty]))
  }

  @Test func tamperedPartsOrSignatureFailVerification() {
    let signer = MessageSigner(key: "a0b1c2d3-key")
    let empty = Array("{}".utf8)
    var flipped = Array(pythonSignature.utf8)
    flipped[0] = UInt8(ascii: "8")
    #expect(!signer.verify(signature: flipped, parts: [pythonHeader, empty, empty, empty]))
    #expect(!signer.verify(signature: Array(pythonSignature.utf8), parts: [pythonHeader, empty, empty, Array("{ }".utf8)]))
    #expect(!signer.verify(signature: Array(pythonSignature.utf8.prefix(10)), parts: [pythonHeader, empty, empty, empty]))
    #expect(!signer.verify(signature: [], parts: [pythonHeader, empty, empty, empty]))
  }

  @Test func emptyKeyTurnsSigningOff() {
    let signer = MessageSigner(key: "")
    #expect(!signer.isEnabled)
    #expect(signer.signature(of: [pythonHeader]).isEmpty)
    #expect(signer.verify(signature: Array("anything".utf8), parts: [pythonHeader]))
  }
}

/// The signer against OpenSSL's own one-shot `HMAC` (its EVP implementation, which the kernel
/// does not call): keys and messages of every length around the 64-byte block, in parts.
@Suite struct MessageSignerAgainstOpenSSLTests {
  func openSSLHMAC(key: [UInt8], message: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    _ = HMAC(EVP_sha256(), key, Int32(key.count), message, message.count, &out, &length)
    return Array(out.prefix(Int(length)))
  }

  @Test func agreesForEveryLengthAroundTheBlock() {
    var state: UInt32 = 7
    func bytes(_ n: Int) -> [UInt8] {
      (0..<n).map { _ in
        state = state &* 1_664_525 &+ 1_013_904_223
        return UInt8(truncatingIfNeeded: state >> 24)
      }
    }
    for keyLength in [1, 20, 36, 63, 64, 65, 100, 200] {
      let key = bytes(keyLength)
      for messageLength in [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 70_000] {
        let message = bytes(messageLength)
        let expected = openSSLHMAC(key: key, message: message)
        #expect(MessageSigner.hmacSHA256(key: key, message: message) == expected, "key \(keyLength) message \(messageLength)")
        // Signed in four parts, as the wire protocol does.
        let cut = [0, messageLength / 3, messageLength / 2, messageLength]
        let parts = (0..<3).map { Array(message[cut[$0]..<cut[$0 + 1]]) } + [[]]
        let hex = String(decoding: MessageSigner(key: key).signature(of: parts), as: UTF8.self)
        #expect(hex == expected.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined())
      }
    }
  }
}
