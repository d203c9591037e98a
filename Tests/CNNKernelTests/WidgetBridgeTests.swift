import CNNKernel
import JupyterKernel
import JupyterProtocol
import Testing
import TestSupport

/// The language's widgets on the wire, through the real dispatcher and an in-memory front end:
/// `explore` opens its models, a slider move is echoed and redraws, an observer's print goes
/// out parented to the front end's message. Sums are worked by hand (see WidgetTests).
@Suite struct WidgetBridgeTests {
  let transport = InMemoryTransport()
  let dispatcher = Dispatcher(language: CNNLanguage(), log: { _ in })

  static let explorer = """
    x = [[3, 0, 1, 2, 7, 4], [1, 5, 8, 9, 3, 1], [2, 7, 2, 5, 1, 3],
         [0, 1, 3, 1, 7, 8], [4, 2, 1, 6, 2, 8], [2, 4, 5, 2, 3, 9]]
    m = Sequential([
        Conv2D(1, 3, weights=[[1, 0, -1], [1, 0, -1], [1, 0, -1]], use_bias=False, input_shape=(6, 6, 1), name="edge"),
        MaxPooling2D(name="pool"),
    ])
    explore(m, x)
    """

  /// The `comm_open`s of a cell by model name, in order.
  func opened(by cell: Message) -> [(name: String, id: String, state: JSONValue, buffers: [[UInt8]])] {
    transport.caused(by: cell).filter { $0.type == "comm_open" }.map {
      ($0.content["data"]?["state"]?["_model_name"]?.stringValue ?? "", $0.content["comm_id"]?.stringValue ?? "",
       $0.content["data"]?["state"] ?? .null, $0.message.buffers)
    }
  }

  func move(_ id: String, _ state: [String: JSONValue]) -> Message {
    let message = transport.request(CommMsg(commID: id, data: .object(["method": .string("update"), "state": .object(state)])))
    dispatcher.handle(message, transport: transport)
    return message
  }

  @Test func exploreOpensItsModelsAndShowsTheView() throws {
    let cell = transport.execute(Self.explorer, through: dispatcher)
    let models = opened(by: cell)
    #expect(models.map(\.name).sorted() == [
      "DropdownModel", "HBoxModel", "HBoxModel", "HTMLModel", "ImageModel", "IntSliderModel", "IntSliderModel",
      "IntSliderModel", "VBoxModel", "VBoxModel",
    ])
    let dropdown = try #require(models.first { $0.name == "DropdownModel" })
    #expect(dropdown.state["_options_labels"] == .array([.string("edge"), .string("pool")]))
    #expect(dropdown.state["index"] == .number(0))
    let image = try #require(models.first { $0.name == "ImageModel" })
    #expect(image.buffers.count == 1 && image.buffers[0].starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let html = try #require(models.first { $0.name == "HTMLModel" }?.state["value"]?.stringValue)
    #expect(html.contains("-5"))
    let result = try #require(transport.caused(by: cell).first { $0.type == "execute_result" })
    let view = try #require(result.content["data"]?["application/vnd.jupyter.widget-view+json"])
    // The root is opened last, after every model it refers to.
    #expect(view["model_id"] == .string(models.last!.id))
    #expect(result.content["data"]?["text/plain"] == .string("VBox(children=2)"))
    #expect(result.content["data"]?["image/png"]?.stringValue?.isEmpty == false)
  }

  @Test func aSliderMoveIsEchoedAndTheExplanationFollows() throws {
    let cell = transport.execute(Self.explorer, through: dispatcher)
    let models = opened(by: cell)
    let sliders = models.filter { $0.name == "IntSliderModel" }
    let row = try #require(sliders.first { $0.state["description"] == .string("row") })
    let column = try #require(sliders.first { $0.state["description"] == .string("column") })
    let htmlID = try #require(models.first { $0.name == "HTMLModel" }?.id)
    _ = move(row.id, ["value": .number(1)])
    let moved = move(column.id, ["value": .number(3)])
    #expect(transport.iopubSequence(for: moved) == ["busy", "comm_msg", "comm_msg", "idle"])
    let sent = transport.caused(by: moved).filter { $0.type == "comm_msg" }
    #expect(sent[0].content["data"]?["method"] == .string("echo_update"))
    #expect(sent[1].content["comm_id"] == .string(htmlID))
    // Rows 1..3, columns 3..5 of x: (9 + 5 + 1) - (1 + 3 + 8) = 3.
    let html = try #require(sent[1].content["data"]?["state"]?["value"]?.stringValue)
    #expect(html.contains("= 3"))
  }

  @Test func anotherLayerRedrawsThePictureAndResizesTheSliders() throws {
    let cell = transport.execute(Self.explorer, through: dispatcher)
    let models = opened(by: cell)
    let dropdown = try #require(models.first { $0.name == "DropdownModel" })
    let imageID = try #require(models.first { $0.name == "ImageModel" }?.id)
    let before = try #require(models.first { $0.name == "ImageModel" }?.buffers.first)
    let picked = move(dropdown.id, ["index": .number(1)])
    let sent = transport.caused(by: picked).filter { $0.type == "comm_msg" }
    let maxima = sent.compactMap { $0.content["data"]?["state"]?["max"] }
    #expect(maxima == [.number(0), .number(1), .number(1)])  // channel, row, column of the 2x2x1 map
    let redraw = try #require(sent.first { $0.content["comm_id"] == .string(imageID) })
    #expect(redraw.content["data"]?["buffer_paths"] == .array([.array([.string("value")])]))
    #expect(redraw.message.buffers.count == 1 && redraw.message.buffers[0] != before)
  }

  @Test func observersPrintToTheFrontEndsMessage() throws {
    let cell = transport.execute(
      "s = IntSlider(value=2)\ndef f(change):\n    print('now', change['new'])\nobserve(s, f)\ns", through: dispatcher)
    let id = try #require(opened(by: cell).first?.id)
    let moved = move(id, ["value": .number(6)])
    let stream = try #require(transport.caused(by: moved).first { $0.type == "stream" })
    #expect(stream.content["text"] == .string("now 6\n"))
    #expect(transport.iopubSequence(for: moved) == ["busy", "comm_msg", "stream", "idle"])
  }
}

@Suite struct InteractBridgeTests {
  let transport = InMemoryTransport()
  let dispatcher = Dispatcher(language: CNNLanguage(), log: { _ in })

  @Test func theOutputAreaHoldsTheFunctionsPicturesAndIsReplacedOnAMove() throws {
    let cell = transport.execute(
      "def f(size):\n    print('size', size)\n    show(ones((size, size)))\ninteract(f, size=(1, 5))", through: dispatcher)
    let opens = transport.caused(by: cell).filter { $0.type == "comm_open" }
    let output = try #require(opens.first { $0.content["data"]?["state"]?["_model_name"] == .string("OutputModel") })
    #expect(output.content["data"]?["state"]?["_model_module"] == .string("@jupyter-widgets/output"))
    #expect(output.content["data"]?["state"]?["_model_module_version"] == .string("1.0.0"))
    let outputs = try #require(output.content["data"]?["state"]?["outputs"]?.arrayValue)
    #expect(outputs.count == 2)
    #expect(outputs[0] == .object(["output_type": .string("stream"), "name": .string("stdout"), "text": .string("size 3\n")]))
    #expect(outputs[1]["output_type"] == .string("display_data"))
    #expect(outputs[1]["data"]?["text/plain"]?.stringValue?.hasPrefix("tensor of shape (3, 3)") == true)
    // No widget front end: the cell's PNG fallback is the function's picture.
    let result = try #require(transport.caused(by: cell).first { $0.type == "execute_result" })
    #expect(result.content["data"]?["image/png"] == outputs[1]["data"]?["image/png"])

    let slider = try #require(opens.first { $0.content["data"]?["state"]?["_model_name"] == .string("IntSliderModel") })
    let id = try #require(slider.content["comm_id"]?.stringValue)
    let message = transport.request(CommMsg(commID: id, data: .object([
      "method": .string("update"), "state": .object(["value": .number(5)]),
    ])))
    dispatcher.handle(message, transport: transport)
    let redraw = try #require(transport.caused(by: message).first { $0.content["comm_id"] == output.content["comm_id"] })
    let after = try #require(redraw.content["data"]?["state"]?["outputs"]?.arrayValue)
    #expect(after[0]["text"] == .string("size 5\n"))
    #expect(after[1]["data"]?["text/plain"]?.stringValue?.hasPrefix("tensor of shape (5, 5)") == true)
  }
}

@Suite struct WidgetUpdateDuringACellTests {
  @Test func aValueSetWhileTheCellRunsGoesOutAtOnceParentedToTheCell() throws {
    let transport = InMemoryTransport()
    let dispatcher = Dispatcher(language: CNNLanguage(), log: { _ in })
    let cell = transport.execute(
      "status = Label(\"start\")\nshow(status)\nfor i in range(2):\n    status.value = f\"step {i}\"\n1", through: dispatcher)
    #expect(
      transport.iopubSequence(for: cell) == [
        "busy", "execute_input", "comm_open", "display_data", "comm_msg", "comm_msg", "execute_result", "idle",
      ])
    let updates = transport.caused(by: cell).filter { $0.type == "comm_msg" }
    #expect(updates.map { $0.content["data"]?["state"]?["value"] } == [.string("step 0"), .string("step 1")])
    #expect(updates.allSatisfy { $0.content["data"]?["method"] == .string("update") })
  }
}

/// fit's chart: Image widgets when the front end draws widgets, display updates otherwise.
@Suite struct TrainingWidgetTests {
  static let fit = """
    x = tensor([[0, 0], [0, 1], [1, 0], [1, 1], [4, 4], [4, 5], [5, 4], [5, 5]]) / 5
    y = tensor([0, 0, 0, 0, 1, 1, 1, 1])
    model = Sequential([Dense(2, activation="softmax", input_shape=(2,))])
    model.compile(optimizer=Adam(learning_rate=0.1), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=4, batch_size=4)
    """

  func chartOutputs(_ transport: InMemoryTransport, _ cell: Message) -> [InMemoryTransport.Sent] {
    transport.outputs(of: cell).filter {
      ($0.type == "display_data" || $0.type == "update_display_data") && $0.content["data"]?["image/png"] != nil
    }
  }

  @Test func withAWidgetFrontEndTheChartIsAnImageWidgetSwappedInPlace() throws {
    let transport = InMemoryTransport()
    let dispatcher = Dispatcher(language: CNNLanguage(), log: { _ in })
    // What JupyterLab's widget manager does when it attaches to the kernel.
    dispatcher.handle(transport.request(CommOpen(commID: "control", targetName: "jupyter.widget.control")), transport: transport)
    let cell = transport.execute(Self.fit, through: dispatcher)
    let charts = chartOutputs(transport, cell)
    let first = try #require(charts.first)
    #expect(first.type == "display_data")
    let view = try #require(first.content["data"]?["application/vnd.jupyter.widget-view+json"])
    let image = try #require(transport.caused(by: cell).first {
      $0.type == "comm_open" && $0.content["data"]?["state"]?["_model_name"] == .string("ImageModel")
    })
    #expect(view["model_id"] == image.content["comm_id"])
    // Later frames swap the picture in the widget; only the last one refreshes the fallback.
    let swaps = transport.caused(by: cell).filter { $0.type == "comm_msg" && $0.content["comm_id"] == image.content["comm_id"] }
    #expect(!swaps.isEmpty && swaps.allSatisfy { $0.message.buffers.count == 1 })
    #expect(charts.count == 2 && charts[1].type == "update_display_data")
    #expect(charts[1].content["data"]?["application/vnd.jupyter.widget-view+json"] == view)
  }

  @Test func withoutOneTheChartIsRedrawnThroughDisplayUpdates() throws {
    let transport = InMemoryTransport()
    let dispatcher = Dispatcher(language: CNNLanguage(), log: { _ in })
    let cell = transport.execute(Self.fit, through: dispatcher)
    let charts = chartOutputs(transport, cell)
    #expect(charts.count >= 2)
    #expect(charts.allSatisfy { $0.content["data"]?["application/vnd.jupyter.widget-view+json"] == nil })
    #expect(transport.caused(by: cell).allSatisfy { $0.type != "comm_open" })
  }
}
