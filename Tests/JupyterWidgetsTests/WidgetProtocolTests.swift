import JupyterKernel
import JupyterProtocol
import JupyterWidgets
import Testing
import TestSupport

/// A language for widget tests: `slider` opens an IntSlider and an Image whose bytes are the
/// slider's value repeated `value + 1` times (so each move has a known picture), shows both in a
/// VBox, and links a Play to the slider.
final class SliderLanguage: KernelLanguage {
  var widgets: WidgetManager!
  var slider: WidgetModel?
  var image: WidgetModel?
  var box: WidgetModel?
  var changes: [Set<String>] = []
  var clicks: [JSONValue] = []

  var info: LanguageInfo {
    LanguageInfo(
      name: "sliders", version: "1", mimetype: "text/plain", fileExtension: ".txt", pygmentsLexer: "text",
      codemirrorMode: "null", implementation: "sliders", implementationVersion: "1", banner: "")
  }

  func attach(comms: CommManager) { widgets = WidgetManager(comms: comms) }

  static func picture(_ value: Int) -> [UInt8] { [UInt8](repeating: UInt8(value), count: value + 1) }

  func execute(code: String, executionCount: Int, silent: Bool, output: any ExecutionOutput) -> ExecutionOutcome {
    let slider = widgets.create(.intSlider, state: ["value": .number(2), "min": .number(0), "max": .number(9), "description": .string("n")])
    let image = widgets.create(.image, state: ["format": .string("png")], bytes: ["value": Self.picture(2)])
    slider.onChange = { [unowned self] model, keys in
      changes.append(keys)
      let n = Int(model.state["value"]?.numberValue ?? 0)
      image.update([:], bytes: ["value": Self.picture(n)])
    }
    slider.onCustom = { [unowned self] _, content in clicks.append(content) }
    let box = widgets.create(.vBox, state: ["children": .array([slider.reference, image.reference])])
    let play = widgets.create(.play, state: ["max": .number(9)])
    widgets.link((play, "value"), (slider, "value"))
    (self.slider, self.image, self.box) = (slider, image, box)
    output.display(widgets.viewBundle(of: box, text: "VBox(n=2)", png: "iVBORw0KGgo="), displayID: nil)
    return .ok(result: nil)
  }

  func evaluate(expression: String) -> Result<MimeBundle, ExecutionError> { .success(.plain("")) }
  func complete(code: String, cursorPosition: Int) -> CompletionResult { CompletionResult(matches: [], cursorStart: 0, cursorEnd: 0) }
  func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> MimeBundle? { nil }
  func isComplete(code: String) -> Completeness { .complete }
  func interrupt() {}
  func reset() {}
}

@Suite struct WidgetProtocolTests {
  let language = SliderLanguage()
  let transport = InMemoryTransport()
  let dispatcher: Dispatcher

  init() { dispatcher = Dispatcher(language: language, log: { _ in }) }

  func send(_ id: String, _ data: JSONValue, buffers: [[UInt8]] = []) -> Message {
    var message = transport.request(CommMsg(commID: id, data: data))
    message.buffers = buffers
    dispatcher.handle(message, transport: transport)
    return message
  }

  @Test func openingAWidgetSendsItsModelVersionsStateAndBuffers() throws {
    let cell = transport.execute("slider", through: dispatcher)
    let opens = transport.caused(by: cell).filter { $0.type == "comm_open" }
    #expect(opens.count == 5)
    let slider = opens[0]
    #expect(slider.content["target_name"] == .string("jupyter.widget"))
    #expect(try ContentCoder.decode(JSONValue.self, from: slider.message.metadata) == .object(["version": .string("2.1.0")]))
    let state = try #require(slider.content["data"]?["state"])
    #expect(state["_model_name"] == .string("IntSliderModel"))
    #expect(state["_view_name"] == .string("IntSliderView"))
    #expect(state["_model_module"] == .string("@jupyter-widgets/controls"))
    #expect(state["_model_module_version"] == .string("2.0.0"))
    #expect(state["_view_module_version"] == .string("2.0.0"))
    #expect(state["value"] == .number(2))
    #expect(slider.content["data"]?["buffer_paths"] == .array([]))
    // The image's bytes leave the JSON and travel as a buffer named by its path.
    let image = opens[1]
    #expect(image.content["data"]?["state"]?["value"] == nil)
    #expect(image.content["data"]?["buffer_paths"] == .array([.array([.string("value")])]))
    #expect(image.message.buffers == [[2, 2, 2]])
    let sliderID = try #require(slider.content["comm_id"]?.stringValue)
    let imageID = try #require(image.content["comm_id"]?.stringValue)
    #expect(
      opens[2].content["data"]?["state"]?["children"]
        == .array([.string("IPY_MODEL_" + sliderID), .string("IPY_MODEL_" + imageID)]))
    let link = try #require(opens[4].content["data"]?["state"])
    #expect(link["_model_name"] == .string("LinkModel"))
    #expect(link["_view_name"] == .null)
    #expect(link["target"] == .array([.string("IPY_MODEL_" + sliderID), .string("value")]))

    let display = try #require(transport.outputs(of: cell).first { $0.type == "display_data" })
    let boxID = try #require(opens[2].content["comm_id"]?.stringValue)
    #expect(
      display.content["data"]?["application/vnd.jupyter.widget-view+json"]
        == .object(["model_id": .string(boxID), "version_major": .number(2), "version_minor": .number(0)]))
    #expect(display.content["data"]?["text/plain"] == .string("VBox(n=2)"))
    #expect(display.content["data"]?["image/png"] == .string("iVBORw0KGgo="))
    // Every widget comm is listed for the fallback restore (comm_info with a target name).
    let info = try #require(transport.reply(to: {
      let r = transport.request(CommInfoRequest(targetName: "jupyter.widget"))
      dispatcher.handle(r, transport: transport)
      return r
    }()))
    #expect(info.content["comms"]?.objectValue?.count == 5)
  }

  @Test func aSliderMoveIsEchoedThenRedrawsTheImageInsideOneBusyIdle() throws {
    transport.execute("slider", through: dispatcher)
    let slider = try #require(language.slider)
    let move = send(slider.id, .object(["method": .string("update"), "state": .object(["value": .number(5)]), "buffer_paths": .array([])]))
    let sent = transport.caused(by: move)
    #expect(transport.iopubSequence(for: move) == ["busy", "comm_msg", "comm_msg", "idle"])
    #expect(
      sent[1].content
        == .object([
          "comm_id": .string(slider.id),
          "data": .object(["method": .string("echo_update"), "state": .object(["value": .number(5)])]),
        ]))
    #expect(sent[2].content["comm_id"] == .string(language.image!.id))
    #expect(sent[2].content["data"]?["method"] == .string("update"))
    #expect(sent[2].content["data"]?["buffer_paths"] == .array([.array([.string("value")])]))
    #expect(sent[2].message.buffers == [[5, 5, 5, 5, 5, 5]])
    #expect(slider.state["value"] == .number(5))
    #expect(language.changes == [["value"]])
  }

  @Test func requestStateIsAnsweredInFullAndParentedToTheRequest() throws {
    transport.execute("slider", through: dispatcher)
    let image = try #require(language.image)
    language.slider!.update(["value": .number(7)])  // outside any request: dropped, logged
    _ = send(language.slider!.id, .object(["method": .string("update"), "state": .object(["value": .number(3)])]))
    let request = send(image.id, .object(["method": .string("request_state")]))
    let reply = try #require(transport.caused(by: request).first { $0.type == "comm_msg" })
    #expect(reply.parentHeader["msg_id"] == .string(request.header.msgID))
    #expect(reply.content["data"]?["method"] == .string("update"))
    #expect(reply.content["data"]?["state"]?["_model_name"] == .string("ImageModel"))
    #expect(reply.content["data"]?["state"]?["format"] == .string("png"))
    #expect(reply.content["data"]?["buffer_paths"] == .array([.array([.string("value")])]))
    #expect(reply.message.buffers == [[3, 3, 3, 3]])
  }

  @Test func requestStatesOnTheControlCommAnswersEveryModel() throws {
    transport.execute("slider", through: dispatcher)
    var open = transport.request(CommOpen(commID: "control-1", targetName: "jupyter.widget.control"))
    open.metadata = RawJSON(Array(#"{"version":"1.0.0"}"#.utf8))
    dispatcher.handle(open, transport: transport)
    #expect(transport.iopubSequence(for: open) == ["busy", "idle"])
    let request = send("control-1", .object(["method": .string("request_states")]))
    #expect(transport.iopubSequence(for: request) == ["busy", "comm_msg", "idle"])
    let reply = try #require(transport.caused(by: request).first { $0.type == "comm_msg" })
    #expect(reply.content["comm_id"] == .string("control-1"))
    let data = try #require(reply.content["data"])
    #expect(data["method"] == .string("update_states"))
    let states = try #require(data["states"]?.objectValue)
    #expect(states.count == 5)
    let image = try #require(language.image)
    #expect(states[image.id]?["model_name"] == .string("ImageModel"))
    #expect(states[image.id]?["model_module_version"] == .string("2.0.0"))
    #expect(states[language.slider!.id]?["state"]?["value"] == .number(2))
    #expect(data["buffer_paths"] == .array([.array([.string(image.id), .string("state"), .string("value")])]))
    #expect(reply.message.buffers == [[2, 2, 2]])
  }

  @Test func buttonClicksArriveAsCustomMessagesAndClosedModelsAreForgotten() throws {
    transport.execute("slider", through: dispatcher)
    let slider = try #require(language.slider)
    _ = send(slider.id, .object(["method": .string("custom"), "content": .object(["event": .string("click")])]))
    #expect(language.clicks == [.object(["event": .string("click")])])
    let close = transport.request(CommClose(commID: slider.id))
    dispatcher.handle(close, transport: transport)
    let after = send(slider.id, .object(["method": .string("update"), "state": .object(["value": .number(1)])]))
    #expect(transport.iopubSequence(for: after) == ["busy", "idle"])
    #expect(language.changes.isEmpty)
  }
}
