/// Makes a layer value from a constructor's arguments: its name (given or `conv2d_1`), the
/// call site, `input_shape=`, and the seed (given or derived from the cell).
enum LayerFactory {
  static func make(_ kind: LayerKind, _ args: Arguments, _ ev: Evaluator) throws(RuntimeError) -> Layer {
    var name: String?
    if args.hasParameter("name"), !args["name"].isNone { name = try args.string("name") }
    let inputShape = args.hasParameter("input_shape") ? try args.shape("input_shape") : nil
    let stem = kind.nameStem
    let seed = try args.seed() ?? ev.layerNaming.defaultSeed(for: stem, in: ev.callSite?.file)
    return Layer(kind: kind, name: name ?? ev.layerNaming.name(for: stem), site: ev.callSite, inputShape: inputShape, seed: seed)
  }

  /// The parameters every layer takes last, as in Keras.
  static var common: [Parameter] { [Parameter("name", default: Value.none), Parameter("input_shape", default: Value.none)] }
}
