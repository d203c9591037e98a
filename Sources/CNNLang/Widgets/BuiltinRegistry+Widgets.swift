import TensorEngine

// Widgets: explore(), and sliders, dropdowns, pictures and boxes for learners who build their own.
extension BuiltinRegistry {
  mutating func addWidgets() {
    describeType(
      "widget",
      "A control in the notebook (IntSlider, Dropdown, ...), a picture (Image), text (Label, HTML) or a box of them (HBox, VBox). Shown like any value; observe(widget, f) calls f when the learner moves it. Needs a front end with Jupyter widgets (JupyterLab with jupyterlab_widgets); elsewhere its text shows."
    )
    add(Builtin(
      "explore", [Parameter("model"), Parameter("x")],
      doc: "Explores a model on one input by clicking: a layer dropdown, a channel slider, the feature map of that layer and channel, and row and column sliders with the explain() of the value there (the window, the filter, the products, the sum). A 28x28 digit is padded to LeNet-5's 32x32. Example: explore(LeNet5(), image(\"digit9\"))."
    ) { (args, evaluator) throws(RuntimeError) in
      guard case .model(let model) = args["model"] else { throw args.typeError("model", .model) }
      let x = try TensorArgument.tensor(args["x"], function: "explore", parameter: "x")
      return .widget(try Explorer(model: model, input: x, evaluator: evaluator).root)
    })

    add(Builtin(
      "interact", [Parameter("f"), Parameter("controls", keywordVariadic: true)],
      doc: "Makes a control for each keyword and calls f with their values, showing what f prints and shows under them, again whenever one moves: a range (1, 7) or (1, 7, 2) gives a slider, a list a dropdown, True or False a checkbox; a widget is used as it is and any other value passed unchanged. Example: interact(f, size=(1, 7, 2), padding=[\"valid\", \"same\"])."
    ) { (args, evaluator) throws(RuntimeError) in
      switch args["f"] {
      case .function, .builtin, .method: break
      default: throw args.typeError("f", .function)
      }
      let interaction = try Interaction(args["f"], keywords: args.restKeywords, arguments: args)
      interaction.start(evaluator)
      return .widget(interaction.root)
    })

    let description = Parameter("description", default: Value.string(""))
    slider("IntSlider", .intSlider, defaults: (0, 0, 100, 1), description,
      doc: "A slider of whole numbers: IntSlider(value=3, min=1, max=7, step=2, description=\"size\"); its .value is what the learner picked.")
    slider("FloatSlider", .floatSlider, defaults: (0, 0, 10, 0.1), description,
      doc: "A slider of numbers with a fraction: FloatSlider(value=0.5, min=0, max=1, step=0.05, description=\"alpha\").")
    slider("Play", .play, defaults: (0, 0, 100, 1), description,
      doc: "A play button that counts value from min to max, one step every interval milliseconds, in the browser; jslink((play, \"value\"), (slider, \"value\")) moves a slider with it.")
    choice("Dropdown", .dropdown, description,
      doc: "A list to pick one option from: Dropdown([\"valid\", \"same\"], value=\"same\", description=\"padding\").")
    choice("ToggleButtons", .toggleButtons, description,
      doc: "One button per option, one pressed at a time: ToggleButtons([\"max\", \"avg\"], description=\"pool\").")
    add(Builtin("Checkbox", [Parameter("value", default: Value.bool(false)), description],
      doc: "A box to tick: Checkbox(value=True, description=\"bias\"); .value is True or False."
    ) { (args, _) throws(RuntimeError) in
      .widget(Widget(.checkbox, ["value": .bool(try args.bool("value")), "description": .string(try args.string("description"))]))
    })
    add(Builtin("Button", [description],
      doc: "A button: observe(button, f) calls f(change) on every click (change[\"new\"] counts the clicks)."
    ) { (args, _) throws(RuntimeError) in
      .widget(Widget(.button, ["description": .string(try args.string("description")), "value": .number(0)]))
    })
    add(Builtin("Label", [Parameter("value", default: Value.string(""))],
      doc: "A line of text that the program can change: status = Label(\"ready\"); status.value = \"done\"."
    ) { (args, _) throws(RuntimeError) in
      .widget(Widget(.label, ["value": .string(args["value"].str)]))
    })
    add(Builtin("HTML", [Parameter("value", default: Value.string(""))],
      doc: "HTML text, or an explanation drawn as tables: HTML(explain(y, at=(0, 0)))."
    ) { (args, _) throws(RuntimeError) in
      if case .explanation = args["value"] { return .widget(Widget(.html, ["value": args["value"]])) }
      return .widget(Widget(.html, ["value": .string(args["value"].str)]))
    })
    add(Builtin("Image", [Parameter("value"), Parameter("width", default: Value.number(280))],
      doc: "A picture of a tensor (a map, an image), width pixels wide; setting .value to another tensor redraws it: picture = Image(conv2d(x, k)); picture.value = relu(y)."
    ) { (args, _) throws(RuntimeError) in
      guard case .tensor = args["value"] else { throw args.typeError("value", .tensor) }
      return .widget(Widget(.image, ["value": args["value"], "width": .string(String(try args.int("width")))]))
    })
    box("HBox", .hBox, doc: "Widgets side by side: HBox([slider, picture]).")
    box("VBox", .vBox, doc: "Widgets one under another: VBox([dropdown, slider, picture]).")

    add(Builtin("observe", [Parameter("widget"), Parameter("f")],
      doc: "Calls f(change) whenever the learner changes the widget; change[\"new\"] is the new value and change[\"old\"] the one before. Its output appears in JupyterLab's log console (View > Show Log Console)."
    ) { (args, _) throws(RuntimeError) in
      guard case .widget(let widget) = args["widget"] else { throw args.typeError("widget", .widget) }
      switch args["f"] {
      case .function, .builtin, .method: widget.observers.append(.function(args["f"]))
      default: throw args.typeError("f", .function)
      }
      return .none
    })
    add(Builtin("jslink", [Parameter("source"), Parameter("target")],
      doc: "Keeps two widgets' values equal in the browser, without running any code: jslink((play, \"value\"), (slider, \"value\"))."
    ) { (args, _) throws(RuntimeError) in
      func end(_ name: String) throws(RuntimeError) -> Value {
        guard case .tuple(let pair) = args[name], pair.count == 2, case .widget = pair[0], case .string = pair[1] else {
          throw args.typeError(name, .widgetValuePair)
        }
        return args[name]
      }
      return .widget(Widget(.link, ["source": try end("source"), "target": try end("target")]))
    })
    for key in ["value", "description", "min", "max", "step", "options", "children"] {
      addProperty(Property(key, doc: "The widget's \(key).", get: { v in
        guard case .widget(let w) = v, let value = w[key] else { return .none }
        return value
      }, set: { (v, newValue) throws(RuntimeError) in
        guard case .widget(let w) = v else { return }
        w.set([key: newValue])
      }), to: "widget")
    }
  }

  private mutating func slider(
    _ name: String, _ kind: Widget.Kind, defaults: (Double, Double, Double, Double), _ description: Parameter, doc: String
  ) {
    add(Builtin(name, [
      Parameter("value", default: Value.number(defaults.0)), Parameter("min", default: Value.number(defaults.1)),
      Parameter("max", default: Value.number(defaults.2)), Parameter("step", default: Value.number(defaults.3)),
      description,
    ], doc: doc) { (args, _) throws(RuntimeError) in
      var properties: [String: Value] = ["description": .string(try args.string("description"))]
      for key in ["value", "min", "max", "step"] {
        let n = try args.number(key)
        properties[key] = .number(kind == .floatSlider ? n : n.rounded())
      }
      return .widget(Widget(kind, properties))
    })
  }

  private mutating func choice(_ name: String, _ kind: Widget.Kind, _ description: Parameter, doc: String) {
    add(Builtin(name, [Parameter("options"), Parameter("value", default: Value.none), description], doc: doc) {
      (args, _) throws(RuntimeError) in
      let options = try Sequences.elements(of: args["options"])
      guard let first = options.first else { throw args.typeError("options", .nonEmptyOptions) }
      var value = args["value"]
      if case .none = value { value = first }
      return .widget(Widget(kind, [
        "options": .list(options), "value": value, "description": .string(try args.string("description")),
      ]))
    })
  }

  private mutating func box(_ name: String, _ kind: Widget.Kind, doc: String) {
    add(Builtin(name, [Parameter("children")], doc: doc) { (args, _) throws(RuntimeError) in
      let children = try Sequences.elements(of: args["children"])
      for child in children {
        guard case .widget = child else { throw args.typeError("children", .widgets) }
      }
      return .widget(Widget(kind, ["children": .list(children)]))
    })
  }
}
