import CNNLang
import Foundation
import TensorEngine
import Testing

/// Layers through the language: shape inference, seeded weights, the forward pass against the
/// engine's naive reference, and where errors point.
struct LayerTests {
  /// The tensor a cell left in a name.
  func tensor(_ name: String, in interpreter: Interpreter) throws -> Tensor {
    guard case .tensor(let t, _)? = interpreter.value(of: name) else {
      Issue.record("\(name) is not a tensor")
      throw CancellationError()
    }
    return t
  }

  struct ShapeCase: CustomTestStringConvertible, Sendable {
    let layer: String
    let input: String
    let output: String
    var testDescription: String { "\(layer) on \(input)" }
  }

  /// Output shapes worked out by hand from the Keras rules (valid: (n - k) / s + 1; same: ceil(n / s)).
  @Test(arguments: [
    ShapeCase(layer: "Conv2D(8, 3)", input: "(28, 28, 1)", output: "(None, 26, 26, 8)"),
    ShapeCase(layer: "Conv2D(8, 3, padding=\"same\", strides=2)", input: "(28, 28, 1)", output: "(None, 14, 14, 8)"),
    ShapeCase(layer: "Conv2D(8, 3, strides=2)", input: "(28, 28, 1)", output: "(None, 13, 13, 8)"),
    ShapeCase(layer: "Conv2D(8, (3, 1), padding=1)", input: "(28, 28, 1)", output: "(None, 28, 30, 8)"),
    ShapeCase(layer: "Conv2D(4, 3, dilation_rate=2)", input: "(9, 9, 2)", output: "(None, 5, 5, 4)"),
    ShapeCase(layer: "Conv2D(6, 3, groups=3)", input: "(9, 9, 3)", output: "(None, 7, 7, 6)"),
    ShapeCase(layer: "MaxPooling2D()", input: "(7, 7, 3)", output: "(None, 3, 3, 3)"),
    ShapeCase(layer: "MaxPooling2D(padding=\"same\")", input: "(7, 7, 3)", output: "(None, 4, 4, 3)"),
    ShapeCase(layer: "AveragePooling2D(3, strides=1)", input: "(7, 7, 3)", output: "(None, 5, 5, 3)"),
    ShapeCase(layer: "ZeroPadding2D(2)", input: "(7, 7, 3)", output: "(None, 11, 11, 3)"),
    ShapeCase(layer: "ZeroPadding2D((1, 2))", input: "(7, 7, 3)", output: "(None, 9, 11, 3)"),
    ShapeCase(layer: "GlobalAveragePooling2D()", input: "(7, 7, 3)", output: "(None, 3)"),
    ShapeCase(layer: "Flatten()", input: "(7, 7, 3)", output: "(None, 147)"),
    ShapeCase(layer: "Dense(5)", input: "(147,)", output: "(None, 5)"),
    ShapeCase(layer: "Conv1D(4, 5)", input: "(20, 3)", output: "(None, 16, 4)"),
    ShapeCase(layer: "Conv2D(8, 3)", input: "(28, 28)", output: "(None, 26, 26, 8)"),
  ])
  func outputShape(_ c: ShapeCase) {
    let code = "x = Input(\(c.input))\n\(c.layer)(x).shape"
    #expect(CellRun(code).shown == c.output, "\(code)")
  }

  @Test func glorotUniformKernelsStayInsideTheirLimitAndRepeatPerSeed() throws {
    let interpreter = Interpreter()
    _ = CellRun("a = Conv2D(8, 3, seed=1)\na([[0] * 28] * 28)\nk = a.kernel\nb = a.bias", interpreter: interpreter)
    let kernel = try tensor("k", in: interpreter)
    #expect(kernel.shape == [3, 3, 1, 8])
    // fan_in 3·3·1 = 9, fan_out 3·3·8 = 72: limit sqrt(6 / 81).
    let limit = Float((6.0 / 81.0).squareRoot())
    #expect(kernel.values.allSatisfy { abs($0) <= limit })
    #expect(kernel.values.contains { abs($0) > limit / 2 })
    #expect(try tensor("b", in: interpreter).values == [Float](repeating: 0, count: 8))
    // The same seed gives the same weights in a new session; another seed does not.
    let again = Interpreter()
    _ = CellRun("a = Conv2D(8, 3, seed=1)\na([[0] * 5] * 5)\nk = a.kernel\nc = Conv2D(8, 3, seed=2)\nc([[0] * 5] * 5)\nk2 = c.kernel", interpreter: again)
    #expect(try tensor("k", in: again) == kernel)
    #expect(try tensor("k2", in: again) != kernel)
  }

  @Test func defaultSeedsDependOnTheCellNotOnTheExecutionCount() throws {
    let interpreter = Interpreter()
    let code = "a = Conv2D(4, 3)\nb = Conv2D(4, 3)\na([[0] * 5] * 5)\nb([[0] * 5] * 5)\nka = a.kernel\nkb = b.kernel"
    _ = CellRun(code, interpreter: interpreter, cellID: 1)
    let (first, second) = (try tensor("ka", in: interpreter), try tensor("kb", in: interpreter))
    #expect(first != second)
    _ = CellRun(code, interpreter: interpreter, cellID: 2)
    #expect(try tensor("ka", in: interpreter) == first)
    #expect(CellRun("a.name, b.name", interpreter: interpreter).shown == "('conv2d_2', 'conv2d_3')")
  }

  @Test func conv2dLayerMatchesTheNaiveReference() throws {
    let interpreter = Interpreter()
    let code = """
      x = [[[(r * 7 + c * 3 + ch) % 11 - 5 for ch in range(3)] for c in range(9)] for r in range(8)]
      layer = Conv2D(4, 3, strides=2, padding="same", activation="relu", seed=5, weights=None)
      y = layer(x)
      k = layer.kernel
      inp = Conv2D(3, 1, use_bias=False, weights=[[[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]])(x)
      """
    let run = CellRun(code, interpreter: interpreter)
    #expect(run.error == nil, "\(run.shown)")
    let x = try tensor("inp", in: interpreter)
    let expected = try Reference.conv2d(x, kernel: try tensor("k", in: interpreter), strides: 2, padding: .same, activation: .relu)
    let y = try tensor("y", in: interpreter)
    #expect(y.shape == [4, 5, 4])
    #expect(y.isClose(to: expected, tolerance: 1e-5))
  }

  @Test func groupedConvolutionMatchesTheNaiveReference() throws {
    let interpreter = Interpreter()
    let code = """
      x = [[[(r + 2 * c + 3 * ch) % 5 for ch in range(4)] for c in range(6)] for r in range(6)]
      layer = Conv2D(6, 3, groups=2, seed=9)
      y = layer(x)
      k = layer.kernel
      inp = Activation("linear")(x)
      """
    #expect(CellRun(code, interpreter: interpreter).error == nil)
    let k = try tensor("k", in: interpreter)
    #expect(k.shape == [3, 3, 2, 6])
    let expected = try Reference.conv2d(try tensor("inp", in: interpreter), kernel: k, groups: 2)
    #expect(try tensor("y", in: interpreter).isClose(to: expected, tolerance: 1e-5))
  }

  @Test func aShapeErrorInSequentialPointsAtTheLayerWithBothShapes() throws {
    let run = CellRun("m = Sequential([\n    Conv2D(8, 3, input_shape=(28, 28, 1)),\n    Dense(10),\n])")
    let error = try #require(run.error)
    #expect(error.kind == .shape)
    #expect(error.plainTraceback.contains("3 |     Dense(10),"))
    #expect(error.plainTraceback.contains("  |     ^^^^^^^^^"))
    #expect(error.message == "Dense 'dense' expects a vector (n,); got (26, 26, 8): add Flatten() before Dense")
  }

  @Test func anErrorInAnEarlierCellsLayerPointsAtTheSequentialCall() throws {
    let interpreter = Interpreter()
    _ = CellRun("d = Dense(10)", interpreter: interpreter, cellID: 1)
    let error = try #require(CellRun("m = Sequential([Conv2D(8, 3, input_shape=(28, 28, 1)), d])", interpreter: interpreter, cellID: 2).error)
    #expect(error.plainTraceback.contains { $0.contains("cell[2]:1:5") })
  }

  @Test func aMistypedLayerNameSuggestsTheKerasName() throws {
    let error = try #require(CellRun("m = Sequential([MaxPool2D(2)])").error)
    #expect(error.kind == .name)
    #expect(error.plainTraceback.contains { $0.contains("did you mean 'MaxPooling2D'?") })
  }

  @Test func anUnknownActivationSuggestsTheNearestName() throws {
    let error = try #require(CellRun("Dense(3, activation=\"softmx\")").error)
    #expect(error.plainTraceback.contains { $0.contains("did you mean 'softmax'?") })
  }

  @Test func showFiltersShowsTheKernel() throws {
    let run = CellRun("edge = Conv2D(2, 3, seed=4)\nedge([[1] * 6] * 6)\nshow_filters(edge, title=\"edges\")")
    let shown = try #require(run.host.shown.first)
    guard case .tensor(let kernel, _) = shown.value else {
      Issue.record("show_filters showed \(shown.value.typeName)")
      return
    }
    #expect(kernel.shape == [3, 3, 1, 2])
    #expect(shown.options["mode"] == .string("filters"))
    #expect(shown.options["title"] == .string("edges"))
  }
}
