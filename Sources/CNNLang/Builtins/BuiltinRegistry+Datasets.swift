import Datasets
import TensorEngine

// Keras's data sets, read from files already on the computer (nothing is downloaded):
// `fashion_mnist` and `mnist` are modules with `load_data()`, as `keras.datasets` has them;
// `savez` writes numpy's .npz archives.
extension BuiltinRegistry {
  mutating func addDatasets() {
    let fashionClasses = KerasDataset.fashionMNIST.classNames.map { Value.string($0) }
    let fashionLoad = Builtin(
      "load_data", [],
      doc: "Fashion-MNIST's 70,000 gray 28x28 pictures of clothing, as Keras returns them: ((x_train, y_train), (x_test, y_test)) with x_train of shape (60000, 28, 28) and x_test (10000, 28, 28), pixel values 0..255, and labels 0..9 (fashion_mnist.class_names names them). Read from Debian's package dataset-fashion-mnist or from Keras's cache folder ~/.keras/datasets/fashion-mnist/. Example: (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()."
    ) { (_, ev) throws(RuntimeError) in
      Value.loadedData(try EngineCall.run { try DatasetLoader.fashionMNIST(cancellation: ev.cancellation) })
    }
    let fashionDoc = "Zalando's Fashion-MNIST data set (MIT licence), as keras.datasets.fashion_mnist: fashion_mnist.load_data() returns ((x_train, y_train), (x_test, y_test)); fashion_mnist.class_names are the ten class names in label order: \(fashionClasses.map(\.repr).joined(separator: ", "))."
    add(Constant(
      "fashion_mnist",
      .namespace(Namespace(
        name: "keras.datasets.fashion_mnist", doc: fashionDoc,
        members: [("load_data", .builtin(fashionLoad)), ("class_names", .tuple(fashionClasses))])),
      doc: fashionDoc))

    let mnistLoad = Builtin(
      "load_data", [Parameter("path", default: .string("mnist.npz"))],
      doc: "MNIST's 70,000 handwritten digits, as Keras returns them: ((x_train, y_train), (x_test, y_test)) with images (n, 28, 28), pixel values 0..255, and labels 0..9. Nothing is downloaded: path is Keras's mnist.npz (looked for in the notebook's folder, then in ~/.keras/datasets/), another .npz with the arrays x_train, y_train, x_test, y_test, or a folder holding the four IDX files train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (gzipped or not). Example: (x_train, y_train), (x_test, y_test) = mnist.load_data()."
    ) { (args, ev) throws(RuntimeError) in
      let path = try args.string("path")
      return Value.loadedData(try EngineCall.run { try DatasetLoader.mnist(path: path, cancellation: ev.cancellation) })
    }
    let mnistDoc = "The MNIST data set of handwritten digits, as keras.datasets.mnist: mnist.load_data() reads Keras's own ~/.keras/datasets/mnist.npz, and mnist.load_data(path=...) an .npz file or a folder of the four IDX files."
    add(Constant(
      "mnist",
      .namespace(Namespace(name: "keras.datasets.mnist", doc: mnistDoc, members: [("load_data", .builtin(mnistLoad))])),
      doc: mnistDoc))

    add(Builtin(
      "savez", [Parameter("file"), Parameter("arrays", variadic: true)],
      doc: "Saves tensors in numpy's .npz format, as np.savez does with arrays given by position: the first is named arr_0, the next arr_1, and so on. numpy reads the file with np.load(file). Example: savez(\"maps.npz\", x, y)."
    ) { (args, ev) throws(RuntimeError) in
      let path = try args.string("file")
      var arrays: [NamedArray] = []
      for (i, value) in args.rest.enumerated() {
        try ev.checkCancellation()
        arrays.append(NamedArray(name: "arr_\(i)", tensor: try TensorValues.tensor(from: value, function: "savez")))
      }
      try EngineCall.run { try NPZFile.write(arrays, to: path) }
      return .none
    })
  }
}

extension Value {
  /// `((x_train, y_train), (x_test, y_test))`, the nesting every Keras `load_data` returns.
  static func loadedData(_ data: TrainTestData) -> Value {
    .tuple([
      .tuple([.tensor(data.trainImages, origin: .pixels(.bytes)), .tensor(data.trainLabels)]),
      .tuple([.tensor(data.testImages, origin: .pixels(.bytes)), .tensor(data.testLabels)]),
    ])
  }
}
