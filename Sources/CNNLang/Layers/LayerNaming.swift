import TensorEngine

/// Names layers the way Keras does (`conv2d`, `conv2d_1`, ...) and gives each one a default
/// seed, so that a notebook shows the same random weights every time it runs.
///
/// Session names count up across cells, as in Keras. Default seeds count per cell instead:
/// running a cell again makes layers with the same weights even though their names move on.
final class LayerNaming {
  private var counts: [String: Int] = [:]
  private var seedCounts: [String: Int] = [:]
  /// The cell whose layers `seedCounts` counts, and the hash of its text.
  private weak var seedFile: SourceFile?
  private var seedCellHash: UInt64 = 0

  /// The next free session name for a stem.
  func name(for stem: String) -> String {
    let n = counts[stem, default: 0]
    counts[stem] = n + 1
    return n == 0 ? stem : "\(stem)_\(n)"
  }

  /// A seed that depends only on the cell's text and how many layers of this type the run of
  /// the cell made before, not on the execution count.
  func defaultSeed(for stem: String, in file: SourceFile?) -> UInt64 {
    if file == nil || file !== seedFile {
      seedFile = file
      seedCounts = [:]
      seedCellHash = Scope.hash(file.map { String(String.UnicodeScalarView($0.scalars)) } ?? "")
    }
    let n = seedCounts[stem, default: 0]
    seedCounts[stem] = n + 1
    return Scope.mix(seedCellHash, Scope.hash("\(stem)#\(n)"))
  }

  /// Naming inside one model of the zoo or one block: names unique within it, seeds derived
  /// from the model's seed and each layer's name.
  final class Scope {
    let prefix: String
    let seed: UInt64
    private var counts: [String: Int] = [:]

    init(prefix: String = "", seed: UInt64) {
      self.prefix = prefix
      self.seed = seed
    }

    /// `prefix + stem`, then `prefix + stem_1`, ...; an explicit name is only prefixed.
    func name(_ stem: String, explicit: String? = nil) -> String {
      if let explicit { return prefix + explicit }
      let n = counts[stem, default: 0]
      counts[stem] = n + 1
      return prefix + (n == 0 ? stem : "\(stem)_\(n)")
    }

    func seed(for name: String) -> UInt64 { Scope.mix(seed, Scope.hash(name)) }

    /// A nested scope for a block's layers, named `block_` inside this one.
    func child(_ blockName: String) -> Scope { Scope(prefix: blockName + "_", seed: seed(for: blockName)) }

    /// FNV-1a over the text's UTF-8: stable across runs and machines, unlike `Hasher`.
    static func hash(_ text: String) -> UInt64 {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return h
    }

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
      var generator = SeededGenerator(seed: a ^ (b &* 0x9E37_79B9_7F4A_7C15))
      return generator.next()
    }
  }
}
