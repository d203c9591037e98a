/// What an operation wants of an operand's shape, as data: the phrase after "expects" in
/// `TensorError.invalidShape`. The English is in `description`; the language renders the same
/// cases in its other languages.
public enum ShapeExpectation: Equatable, Sendable, CustomStringConvertible {
  case image
  case imageWithPixel
  case sequence
  case atLeastOneAxis
  case valuePerChannel
  case denseWeights
  case conv2DKernel
  case conv1DKernel
  /// A 2-D kernel on an input of several channels.
  case oneChannel(kernel: [Int], channels: Int)
  /// `set_weights`: the weight named `name` and its shape.
  case weight(name: String, shape: [Int])
  case paddingGradient(rows: Int, columns: Int)
  case predictionsForOneSample
  case predictionsWithClassAxis
  /// Sparse labels: one class number per row of the predictions; `oneHot` when the labels
  /// given look one-hot.
  case classNumbers(perSample: [Int], predictions: [Int], oneHot: Bool)
  /// One-hot labels; `classNumbers` when the labels given look like class numbers.
  case oneHotLabels(predictions: [Int], classNumbers: Bool)
  case labelsLikePredictions([Int])

  public var description: String {
    switch self {
    case .image: return "an image (H, W), (H, W, C) or a batch (N, H, W, C)"
    case .imageWithPixel: return "an image with at least one pixel"
    case .sequence: return "a sequence (L), (L, C) or a batch (N, L, C)"
    case .atLeastOneAxis: return "at least one axis"
    case .valuePerChannel: return "at least one value per channel"
    case .denseWeights: return "weights (inputs, units)"
    case .conv2DKernel: return "a kernel (kh, kw) or (kh, kw, C_in / groups, C_out)"
    case .conv1DKernel: return "a kernel (k) or (k, C_in / groups, C_out)"
    case .oneChannel(let kernel, let channels):
      return "one channel for a \(formatShape(kernel)) filter; give a (kh, kw, C_in, C_out) kernel for \(channels) channels"
    case .weight(let name, let shape): return "\(name) of shape \(formatShape(shape))"
    case .paddingGradient(let rows, let columns): return "a gradient at least \(rows)x\(columns) for this padding"
    case .predictionsForOneSample: return "predictions for at least one sample"
    case .predictionsWithClassAxis: return "predictions with a class axis, such as (batch, classes)"
    case .classNumbers(let perSample, let predictions, let oneHot):
      return "labels of shape \(formatShape(perSample)), one class number for each row of the predictions \(formatShape(predictions))"
        + (oneHot ? " (one-hot labels go with categorical_crossentropy)" : "")
    case .oneHotLabels(let predictions, let classNumbers):
      return "one-hot labels of the predictions' shape \(formatShape(predictions))"
        + (classNumbers ? " (class numbers go with sparse_categorical_crossentropy)" : "")
    case .labelsLikePredictions(let predictions): return "labels of the predictions' shape \(formatShape(predictions))"
    }
  }
}
