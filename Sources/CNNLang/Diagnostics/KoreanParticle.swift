/// Korean particles change with the sound before them: 이/가, 은/는, 을/를, 과/와, 으로/로 and
/// 이라는/라는 ("named ...") depend on whether the last syllable ends in a consonant (받침). Messages put values such
/// as names, numbers and shapes before particles, so the choice is made here, on the text.
enum KoreanParticle {
  case subject, topic, object, and, by, named

  /// `word` followed by this particle: `k("모양 (3, 4)", .subject)` is `모양 (3, 4)가`.
  func after(_ word: String) -> String {
    let (withFinal, withoutFinal): (String, String)
    switch self {
    case .subject: (withFinal, withoutFinal) = ("이", "가")
    case .topic: (withFinal, withoutFinal) = ("은", "는")
    case .object: (withFinal, withoutFinal) = ("을", "를")
    case .and: (withFinal, withoutFinal) = ("과", "와")
    case .by: (withFinal, withoutFinal) = ("으로", "로")
    case .named: (withFinal, withoutFinal) = ("이라는", "라는")
    }
    switch Self.ending(of: word) {
    case .consonant(let isRieul):
      // 로 follows ㄹ as it follows a vowel: 'n: 1로', '길로'.
      return word + (self == .by && isRieul ? withoutFinal : withFinal)
    case .vowel: return word + withoutFinal
    }
  }

  enum Ending: Equatable { case vowel, consonant(isRieul: Bool) }

  /// How the word is read aloud at its end: closing quotes and brackets are silent, digits are
  /// read in Sino-Korean (일, 이, 삼, ...), Latin letters as a Korean reader says them.
  static func ending(of word: String) -> Ending {
    let quotes: Set<Unicode.Scalar> = ["'", "\"", "`"]
    let reversed = Array(word.unicodeScalars.reversed())
    // A quoted bracket, such as ')', is read 괄호.
    if reversed.count >= 2, quotes.contains(reversed[0]), [")", "]", "}", "(", "[", "{"].contains(reversed[1]) {
      return .vowel
    }
    // Brackets and quotes around a value are not read: (2, 3) ends in 3, len() in n.
    let silent: Set<Unicode.Scalar> = quotes.union([")", "]", "}", "(", " ", ".", ","])
    let sounds = Array(reversed.drop { silent.contains($0) })
    guard let last = sounds.first else { return .vowel }
    let v = last.value
    if (0xAC00...0xD7A3).contains(v) {
      let final = (v - 0xAC00) % 28
      return final == 0 ? .vowel : .consonant(isRieul: final == 8)
    }
    switch last {
    // 영, 일, 삼, 육, 칠, 팔 end in a consonant; 이, 사, 오, 구 do not.
    case "0", "3", "6": return .consonant(isRieul: false)
    case "1", "7", "8": return .consonant(isRieul: true)
    case "2", "4", "5", "9": return .vowel
    // Latin words as a Korean reader says them: 커널, 모델 (ㄹ); 패딩 (ㅇ); 텐서, 프린트 (none).
    case "l", "L": return .consonant(isRieul: true)
    case "m", "n", "M", "N": return .consonant(isRieul: false)
    // ':' is read 콜론.
    case ":": return .consonant(isRieul: false)
    case "g", "G":
      let before = sounds.dropFirst().first
      return before == "n" || before == "N" ? .consonant(isRieul: false) : .vowel
    default: return .vowel
    }
  }
}

/// `k(word, .subject)`: the word with its particle.
func k(_ word: String, _ particle: KoreanParticle) -> String { particle.after(word) }
