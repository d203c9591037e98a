import TensorEngine

/// Builds networks in Swift with the same layers a learner makes, connected on symbolic
/// tensors: the zoo's models and the inside of blocks. Layer names are unique within the
/// builder's scope and each layer's seed comes from the scope's seed and its name.
struct ZooBuilder {
  let scope: LayerNaming.Scope

  init(scope: LayerNaming.Scope) { self.scope = scope }
  init(seed: UInt64) { scope = LayerNaming.Scope(seed: seed) }

  func layer(_ kind: LayerKind, name: String? = nil) -> Layer {
    let full = scope.name(kind.nameStem, explicit: name)
    return Layer(kind: kind, name: full, site: nil, seed: scope.seed(for: full))
  }

  func apply(_ kind: LayerKind, _ x: SymbolicTensor, name: String? = nil) throws(RuntimeError) -> SymbolicTensor {
    try layer(kind, name: name).connect([x])
  }

  func conv(
    _ x: SymbolicTensor, _ filters: Int, _ kernel: Int, strides: Int = 1, padding: Padding = .valid,
    activation: LayerActivation = .linear, useBias: Bool = true, groups: Int = 1, name: String? = nil
  ) throws(RuntimeError) -> SymbolicTensor {
    let settings = ConvSettings(
      filters: filters, kernel: Size2(kernel), strides: Size2(strides), padding: padding, dilation: 1, groups: groups,
      activation: activation, useBias: useBias)
    return try apply(.conv2d(settings), x, name: name)
  }

  func pool(_ kind: PoolKind, _ x: SymbolicTensor, _ size: Int, strides: Int? = nil, padding: Padding = .valid, name: String? = nil) throws(RuntimeError) -> SymbolicTensor {
    try apply(.pool(kind, size: Size2(size), strides: strides.map { Size2($0) }, padding: padding), x, name: name)
  }

  func dense(_ x: SymbolicTensor, _ units: Int, activation: LayerActivation = .linear, name: String? = nil) throws(RuntimeError) -> SymbolicTensor {
    try apply(.dense(units: units, activation: activation, useBias: true), x, name: name)
  }

  func merge(_ kind: LayerKind, _ xs: [SymbolicTensor], name: String? = nil) throws(RuntimeError) -> SymbolicTensor {
    try layer(kind, name: name).connect(xs)
  }

  /// A block as one layer of the network, its inner layers named after it.
  func block(_ recipe: BlockRecipe, _ x: SymbolicTensor, name: String) throws(RuntimeError) -> SymbolicTensor {
    try apply(.block(recipe), x, name: name)
  }

  static func input(_ shape: [Int]) -> SymbolicTensor { Model.input(shape: shape, name: "input_layer") }
}
