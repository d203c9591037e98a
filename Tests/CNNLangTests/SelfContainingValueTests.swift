import CNNLang
import Foundation
import Testing

/// Lists that hold themselves, and lists shared so often that their text would be longer than
/// memory: shown as Python shows them, compared without end, and refused when too long.
struct SelfContainingValueTests {
  @Test func aListThatHoldsItselfShowsAnEllipsis() {
    let run = CellRun("a = [1]\na.append(a)\nprint(a, str(a), repr(a), f'{a}')\na")
    #expect(run.host.stdout == "[1, [...]] [1, [...]] [1, [...]] [1, [...]]\n")
    #expect(run.shown == "[1, [...]]")
    #expect(eval("d = {'k': 1}\nd['self'] = d\nd") == "{'k': 1, 'self': {...}}")
  }

  @Test func comparingListsThatHoldThemselvesEnds() {
    let setup = "a = []\na.append(a)\na.append(a)\nb = []\nb.append(b)\nb.append(b)\n"
    #expect(eval(setup + "a == b") == "True")
    #expect(eval(setup + "a != b") == "False")
    #expect(eval(setup + "c = [1]\nc.append(c)\na == c") == "False")
    // 2**40 paths through each, but only 41 pairs of lists.
    let nests = "x = [0]\ny = [0]\nfor i in range(40):\n    x = [x, x]\n    y = [y, y]\n"
    #expect(eval(nests + "x == y") == "True")
    #expect(eval(nests + "z = [1]\nfor i in range(40):\n    z = [z, z]\nx == z") == "False")
  }

  @Test func theTextOfASharedNestIsBounded() throws {
    let clock = ContinuousClock()
    var error: LanguageError?
    let elapsed = clock.measure {
      error = CellRun("x = [0]\nfor i in range(40):\n    x = [x, x]\ns = str(x)").error
    }
    let e = try #require(error)
    #expect(e.kind == .resource)
    #expect(e.message.contains("a text of more than 10000000 bytes"))
    #expect(elapsed < .seconds(5))
    // The cell's own display is cut instead, ending in "...".
    let shown = CellRun("x = [0]\nfor i in range(40):\n    x = [x, x]\nx").shown
    #expect(shown.hasSuffix("...") && shown.utf8.count < 10_100_000)
  }

  @Test func sortingIsStableAndOrdersCodePoints() {
    #expect(eval("sorted(['b', 'a', 'é', 'z', 'B'])") == "['B', 'a', 'b', 'z', 'é']")
    #expect(eval("sorted([(1, 'b'), (1, 'a'), (0, 'z')], reverse=True)") == "[(1, 'b'), (1, 'a'), (0, 'z')]")
    // True equals 1: a stable sort keeps them in the order given.
    #expect(eval("xs = [3, True, 2, 1, 0]\nxs.sort()\nxs") == "[0, True, 1, 2, 3]")
    #expect(eval("sorted([1, 'a'])").hasPrefix("error: TypeError"))
  }

  @Test func sortingAgreesWithAnIndependentOrder() {
    // A seeded shuffle of 0..<5000 with repeats, sorted, against the sorted numbers themselves.
    var state: UInt64 = 7
    var numbers: [Int] = []
    for _ in 0..<5000 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      numbers.append(Int(state >> 40) % 997)
    }
    let list = "[" + numbers.map(String.init).joined(separator: ", ") + "]"
    #expect(eval("sorted(\(list))") == "[" + numbers.sorted().map(String.init).joined(separator: ", ") + "]")
    #expect(eval("sorted(\(list), reverse=True)") == "[" + numbers.sorted(by: >).map(String.init).joined(separator: ", ") + "]")
  }
}
