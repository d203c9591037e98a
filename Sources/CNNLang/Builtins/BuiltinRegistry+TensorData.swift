import Datasets
import TensorEngine

// The data a learner starts from: the built-in sample images, the generated digit set, and
// their own PNG, JPEG and IDX files.
extension BuiltinRegistry {
  mutating func addTensorData() {
    let samples = SampleImages.catalogue.map { "\"\($0.name)\" (\($0.summary))" }.joined(separator: ", ")
    add(Builtin(
      "image", [Parameter("name_or_path"), Parameter("gray", default: .bool(false))],
      doc: "A picture as a tensor of pixel values 0..255: (H, W) for gray, (H, W, 3) for colour. Give a built-in sample's name, \(samples), or the path of a PNG or JPEG file relative to the notebook's folder. gray=True turns colour into gray. Example: x = image(\"digit9\") / 255."
    ) { (args, ev) throws(RuntimeError) in
      let name = try args.string("name_or_path")
      let gray = try args.bool("gray")
      if let sample = SampleImages.entry(named: name) {
        let picture = sample.make()
        // The small teaching grids (10 | 0) are numbers to compute with, not photographs.
        return .tensor(gray ? SampleGray.luma(picture) : picture, origin: sample.isPhotograph ? .pixels(.bytes) : nil)
      }
      guard ImagePath.looksLikePath(name) else {
        throw RuntimeError(
          .invalidChoice(
            function: "image", parameter: "name_or_path", got: Value.quoted(name),
            choices: SampleImages.names.map(Value.quoted), described: [.imageFile]),
          suggestion: NameSuggester.nearest(to: name, in: SampleImages.names).map { .didYouMean($0) })
      }
      return .tensor(try EngineCall.run { try ImageFile.load(path: name, gray: gray, cancellation: ev.cancellation) }, origin: .pixels(.bytes))
    })

    add(Builtin(
      "digits", [Parameter("n", default: .number(100)), Parameter("seed", default: .number(0))],
      doc: "A data set of n handwritten-style digits drawn by CNN Lab itself (no download): a tuple (images, labels) with images of shape (n, 28, 28, 1), pixel values 0..255, and labels 0..9 of shape (n,). The same seed gives the same digits. Example: images, labels = digits(8, seed=1)."
    ) { (args, ev) throws(RuntimeError) in
      let n = try args.int("n")
      guard n >= 0 else { throw RuntimeError(.negativeValue(function: "digits", parameter: "n")) }
      let seed = try args.int("seed")
      let side = DigitSet.side
      try EngineCall.run { try MemoryBudget.check(operation: "digits", shape: [n, side, side, 1]) }
      try ev.checkCancellation()
      let (images, labels) = try EngineCall.run { try DigitSet.generate(count: n, seed: seed, cancellation: ev.cancellation) }
      return .tuple([.tensor(images, origin: .pixels(.bytes)), .tensor(labels)])
    })

    add(Builtin(
      "load_idx", [Parameter("path")],
      doc: "Reads a file in the IDX format of the MNIST data set (such as train-images-idx3-ubyte), relative to the notebook's folder. Images come back as (n, 28, 28, 1), labels as (n,). Example: x = load_idx(\"t10k-images-idx3-ubyte\")."
    ) { (args, ev) throws(RuntimeError) in
      let path = try args.string("path")
      let data = try EngineCall.run { try IDXFile.load(path: path, cancellation: ev.cancellation) }
      // Images (n, H, W, 1) are pixels; labels (n,) are class numbers.
      return .tensor(data, origin: data.rank >= 3 ? .pixels(.bytes) : nil)
    })
  }
}

/// Colour to gray for the built-in samples: ITU-R 601 luma (0.299 R + 0.587 G + 0.114 B), the
/// weights most image libraries use, rounded so the result is still pixel data.
enum SampleGray {
  static func luma(_ image: Tensor) -> Tensor {
    guard image.rank == 3, image.shape[2] == 3 else { return image }
    let (h, w) = (image.shape[0], image.shape[1])
    var out = [Float](repeating: 0, count: h * w)
    for p in 0..<(h * w) {
      let v = image.values[3 * p] * 0.299 + image.values[3 * p + 1] * 0.587 + image.values[3 * p + 2] * 0.114
      out[p] = v.rounded()
    }
    return Tensor(shape: [h, w], values: out)
  }
}

/// Whether an `image()` argument is meant as a file rather than a sample name.
enum ImagePath {
  static func looksLikePath(_ text: String) -> Bool {
    if text.contains("/") { return true }
    let lower = text.lowercased()
    return [".png", ".jpg", ".jpeg"].contains { lower.hasSuffix($0) }
  }
}
