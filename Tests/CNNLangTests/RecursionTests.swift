import CNNLang
import Foundation
import Testing

/// Runaway recursion must end with a ValueError, never a crash, whatever the thread's stack.
struct RecursionTests {
  @Test(arguments: [1 << 20, 64 << 20])
  func runawayRecursionIsAValueError(stackSize: Int) throws {
    let box = LockedBox()
    let thread = Thread {
      let run = CellRun("def f(n):\n    return 1 + f(n + 1)\nf(0)")
      box.set(run.error)
    }
    thread.stackSize = stackSize
    thread.start()
    let error = try #require(box.wait())
    #expect(error.kind == .value)
    #expect(error.message.hasPrefix("too many nested calls"))
    if stackSize >= 16 << 20 { #expect(error.message.contains("(1000 deep)")) }
  }

  @Test func legitimateRecursionWorks() {
    #expect(eval("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\ndepth(500)") == "500")
  }
}

private final class LockedBox: @unchecked Sendable {
  private let condition = NSCondition()
  private var value: LanguageError??

  func set(_ error: LanguageError?) {
    condition.lock()
    value = .some(error)
    condition.signal()
    condition.unlock()
  }

  func wait() -> LanguageError? {
    condition.lock()
    defer { condition.unlock() }
    while value == nil { condition.wait() }
    return value ?? nil
  }
}

/// Values nested a million deep must be built, shown and freed without exhausting the stack.
struct DeepValueTests {
  @Test func deeplyNestedListsAreFreed() {
    let run = CellRun("x = []\nfor i in range(1000000):\n    x = [x]\nshort = repr(x)[:5]\nx = None\nshort")
    #expect(run.shown == "'[[[[['")
  }

  @Test func listsInsideTuplesAreFreed() {
    let run = CellRun("x = []\nfor i in range(300000):\n    x = ([x], i)\nx = 0\nx")
    #expect(run.shown == "0")
  }
}

extension DeepValueTests {
  @Test func comparingDeepValuesDoesNotCrash() {
    let code = "a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\n[a == b, [[1]] == [[1]], [[1]] < [[2]]]"
    #expect(eval(code) == "[False, True, True]")
  }
}
