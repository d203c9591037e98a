import Datasets
import TensorEngine

// A model's weights as a list, and in a file: what `get_weights`, `set_weights`,
// `save_weights`, `load_weights` and the checkpoints read and write.
extension Model {
  /// Each layer's `get_weights()`, in the model's layer order.
  func getWeights() throws(RuntimeError) -> [[Tensor]] {
    var weights: [[Tensor]] = []
    for layer in layers { weights.append(try layer.weightTensors()) }
    return weights
  }

  func setWeights(_ weights: [[Tensor]]) throws(RuntimeError) {
    for (layer, tensors) in zip(layers, weights) { try layer.setWeightTensors(tensors) }
  }
}

/// Weights in an `.npz` file, which numpy reads with `np.load`: one array per weight in the
/// model's layer order, named `layer/index` (`conv2d/0` the kernel, `conv2d/1` the bias).
/// Loading goes by order, as Keras 3's `load_weights` does, and checks every shape first,
/// so a file for another model changes nothing.
enum WeightsFile {
  static func save(_ model: Model, to path: String, evaluator: Evaluator) throws(RuntimeError) {
    guard model.graph != nil else { throw RuntimeError(.unknownInputShape(model: model.name)) }
    var arrays: [NamedArray] = []
    for (layer, tensors) in zip(model.layers, try model.getWeights()) {
      for (i, t) in tensors.enumerated() { arrays.append(NamedArray(name: "\(layer.name)/\(i)", tensor: t)) }
    }
    do {
      try NPZFile.write(arrays, to: path)
    } catch {
      throw RuntimeError(.dataFile(error))
    }
  }

  static func load(_ model: Model, from path: String, evaluator: Evaluator) throws(RuntimeError) {
    guard model.graph != nil else { throw RuntimeError(.unknownInputShape(model: model.name)) }
    let arrays: [NamedArray]
    do {
      arrays = try NPZFile.read(path: path, cancellation: evaluator.cancellation)
    } catch let error as DatasetError {
      throw RuntimeError(.dataFile(error))
    } catch let error as TensorError {
      throw RuntimeError(.training(.fileUnreadable(path: path, reason: error)))
    } catch {
      throw RuntimeError(.training(.fileUnreadable(path: path, reason: .invalidArgument(operation: "load_weights", reason: .unexpected("\(error)")))))
    }
    let current = try model.getWeights()
    let expected = current.flatMap { $0 }
    guard arrays.count == expected.count else {
      throw RuntimeError(.training(.fileArrayCount(path: path, held: arrays.count, expected: expected.count)))
    }
    for (array, tensor) in zip(arrays, expected) where array.values.count != tensor.count {
      throw RuntimeError(.training(.fileArrayShape(path: path, name: array.name, shape: ShapeText.plain(array.shape), expected: ShapeText.plain(tensor.shape))))
    }
    var cursor = arrays.makeIterator()
    let grouped = current.map { layerWeights in layerWeights.compactMap { _ in cursor.next()?.tensor } }
    try model.setWeights(grouped)
  }
}
