import CNNLang
import TensorEngine
import Testing

/// The explorer and observers as the front end drives them: `widgetChanged` stands in for
/// the learner moving a control. Expected values are worked by hand from the 6x6 input and
/// the vertical-edge filter (the same numbers as Programs/models/forward.cnn).
@Suite struct WidgetTests {
  static let setup = """
    x = [[3, 0, 1, 2, 7, 4], [1, 5, 8, 9, 3, 1], [2, 7, 2, 5, 1, 3],
         [0, 1, 3, 1, 7, 8], [4, 2, 1, 6, 2, 8], [2, 4, 5, 2, 3, 9]]
    m = Sequential([
        Conv2D(2, 3, weights=[[[[1, 0]], [[0, 0]], [[-1, 0]]], [[[1, 0]], [[0, 1]], [[-1, 0]]], [[[1, 0]], [[0, 0]], [[-1, 0]]]],
               use_bias=False, input_shape=(6, 6, 1), name="edge"),
        MaxPooling2D(name="pool"),
    ])
    e = explore(m, x)
    """

  struct Explorer {
    let layer, channel, row, column, picture, explanation: Widget
    init(_ root: Widget) {
      let top = root.children[0], middle = root.children[1]
      (layer, channel) = (top.children[0], top.children[1])
      picture = middle.children[0]
      let controls = middle.children[1]
      (row, column, explanation) = (controls.children[0], controls.children[1], controls.children[2])
    }
  }

  func explorer(_ interpreter: Interpreter, _ host: RecordingHost) throws -> Explorer {
    guard case .value = interpreter.run(WidgetTests.setup, cellID: 1, host: host) else {
      Issue.record("setup failed")
      throw CancellationError()
    }
    guard case .widget(let root)? = interpreter.value(of: "e") else { throw CancellationError() }
    return Explorer(root)
  }

  func picture(_ widget: Widget) -> Tensor? {
    if case .tensor(let t, _)? = widget["value"] { return t }
    return nil
  }

  func explanation(_ widget: Widget) -> Explanation? {
    if case .explanation(let e)? = widget["value"] { return e }
    return nil
  }

  @Test func movingTheSlidersExplainsTheValueThere() throws {
    let interpreter = Interpreter()
    let host = RecordingHost()
    let e = try explorer(interpreter, host)
    // Channel 0 of "edge" is the vertical-edge filter; its map's first row is -5 -4 0 8.
    #expect(picture(e.picture)?.shape == [4, 4])
    #expect(picture(e.picture)?.values.prefix(4) == [-5, -4, 0, 8])
    #expect(explanation(e.explanation)?.total == -5)
    #expect(interpreter.widgetChanged(e.row, ["value": .number(1)], host: host) == nil)
    #expect(interpreter.widgetChanged(e.column, ["value": .number(3)], host: host) == nil)
    // Rows 1..3, columns 3..5: (9 + 5 + 1) - (1 + 3 + 8) = 3.
    let explained = try #require(explanation(e.explanation))
    #expect(explained.position == [1, 3, 0] || explained.position == [1, 3])
    #expect(explained.total == 3)
    #expect(explained.value == 3)
    // Channel 1 keeps only the centre weight: the input itself, shifted by one.
    #expect(interpreter.widgetChanged(e.channel, ["value": .number(1)], host: host) == nil)
    #expect(picture(e.picture)?.values.prefix(4) == [5, 8, 9, 3])
    #expect(explanation(e.explanation)?.total == 1)  // x[2][4]
  }

  @Test func aNewLayerResizesTheSlidersAndRedraws() throws {
    let interpreter = Interpreter()
    let host = RecordingHost()
    let e = try explorer(interpreter, host)
    _ = interpreter.widgetChanged(e.row, ["value": .number(3)], host: host)
    #expect(interpreter.widgetChanged(e.layer, ["value": .string("pool")], host: host) == nil)
    #expect(e.row["max"]?.repr == "1")
    #expect(e.row["value"]?.repr == "0")  // 3 no longer fits
    #expect(e.channel["max"]?.repr == "1")
    // Max-pooling channel 0 of the edge map: [[-2, 8], [0, -3]].
    #expect(picture(e.picture)?.values == [-2, 8, 0, -3])
    let explained = try #require(explanation(e.explanation))
    #expect(explained.value == -2)
  }

  @Test func observersGetTheChangeAndTheirErrorsAreReported() {
    let interpreter = Interpreter()
    let host = RecordingHost()
    let source = """
      s = IntSlider(value=2)
      seen = []
      def changed(change):
          seen.append((change["old"], change["new"]))
          print("now", change["new"])
          if change["new"] == 9:
              return 1 / 0
      observe(s, changed)
      """
    guard case .value = interpreter.run(source, cellID: 1, host: host), case .widget(let s)? = interpreter.value(of: "s")
    else {
      Issue.record("setup failed")
      return
    }
    #expect(interpreter.widgetChanged(s, ["value": .number(4)], host: host) == nil)
    #expect(host.stdout == "now 4\n")
    #expect(interpreter.value(of: "seen")?.repr == "[(2, 4)]")
    let error = interpreter.widgetChanged(s, ["value": .number(9)], host: host)
    #expect(error?.kind.name == "ValueError")
    #expect(s["value"]?.repr == "9")
  }
}

/// interact(): the output area holds what the function printed and showed, redrawn on a move.
@Suite struct InteractionTests {
  func entries(_ output: Widget) -> [String] {
    guard case .list(let list)? = output["outputs"] else { return [] }
    return list.items.map { entry in
      guard case .tuple(let parts) = entry else { return "?" }
      return parts.map { $0.str }.joined(separator: ": ")
    }
  }

  @Test func movingAControlCallsTheFunctionAgain() throws {
    let interpreter = Interpreter()
    let host = RecordingHost()
    let source = """
      def f(n, mode):
          print(n * 10, mode)
          if n == 4:
              return [1, 2][5]
          return n + 1
      w = interact(f, n=(0, 6), mode=["a", "b"])
      """
    guard case .value = interpreter.run(source, cellID: 1, host: host), case .widget(let root)? = interpreter.value(of: "w") else {
      Issue.record("setup failed")
      return
    }
    #expect(host.stdout == "")
    let (n, mode, output) = (root.children[0], root.children[1], root.children[2])
    #expect(n.kind == .intSlider && mode.kind == .dropdown && output.kind == .output)
    // The middle of 0..6 is 3: f printed "30 a" and gave 4.
    #expect(entries(output) == ["stream: 30 a\n", "display: 4"])
    #expect(interpreter.widgetChanged(mode, ["value": .string("b")], host: host) == nil)
    #expect(entries(output) == ["stream: 30 b\n", "display: 4"])
    // A failing call shows its error in the output area; the controls stay usable.
    #expect(interpreter.widgetChanged(n, ["value": .number(4)], host: host) == nil)
    let failed = entries(output)
    #expect(failed.first == "stream: 40 b\n")
    #expect(failed.last?.hasPrefix("error: ") == true && failed.last?.contains("IndexError") == true)
    #expect(interpreter.widgetChanged(n, ["value": .number(1)], host: host) == nil)
    #expect(entries(output) == ["stream: 10 b\n", "display: 2"])
  }
}
