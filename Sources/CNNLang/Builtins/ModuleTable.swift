/// The one table of which names each importable module has. `import numpy as np` binds a
/// module whose members are CNN Lab's built-ins, so the chapters' and tutorials' code runs:
/// `np.argmax` is `argmax`, `tf.keras.layers.Conv2D` is `Conv2D`.
///
/// A member names a built-in by its registered name and is looked up when it is used, so a
/// built-in added later (an optimizer, a data set) works through its module at once; until
/// it exists the member says it is not in CNN Lab. `keras` is `tensorflow.keras`. Extend the
/// table by adding a row; `docs/language-reference.md` lists it for learners.
enum ModuleMember: Sendable, Equatable {
  /// The built-in function or constant of this name.
  case builtin(String)
  /// A submodule, by its full dotted name.
  case module(String)
  /// A value: `np.newaxis` is None, `np.float32` is the string "float32".
  case constant(ModuleConstant)
  /// A name tutorials use that CNN Lab does not have: the advice says what to write instead.
  case instead(ModuleAdvice)
}

enum ModuleConstant: Sendable, Equatable {
  case none
  case number(Double)
  case string(String)
}

enum ModuleTable {
  /// Names spelled as the built-in of the same name.
  private static func same(_ names: [String]) -> [String: ModuleMember] {
    Dictionary(uniqueKeysWithValues: names.map { ($0, .builtin($0)) })
  }

  private static func merged(_ parts: [String: ModuleMember]...) -> [String: ModuleMember] {
    parts.reduce(into: [:]) { table, part in table.merge(part) { _, new in new } }
  }

  static let layerNames = [
    "Input", "Conv2D", "Conv1D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D",
    "GlobalMaxPooling2D", "Flatten", "Dense", "Activation", "ReLU", "Softmax", "ZeroPadding2D",
    "Dropout", "BatchNormalization", "Add", "Concatenate", "Reshape", "Rescaling", "LeakyReLU",
  ]

  static let modules: [String: [String: ModuleMember]] = [
    "tensorflow": merged(
      same(["zeros", "ones", "reshape", "transpose", "concat", "argmax", "argmin", "abs", "round",
            "expand_dims", "squeeze", "clip_by_value"]),
      [
        "keras": .module("tensorflow.keras"), "nn": .module("tensorflow.nn"), "math": .module("tensorflow.math"),
        "constant": .builtin("tensor"), "convert_to_tensor": .builtin("tensor"), "fill": .builtin("full"),
        "range": .builtin("arange"), "reduce_sum": .builtin("sum"), "reduce_mean": .builtin("mean"),
        "reduce_max": .builtin("max"), "reduce_min": .builtin("min"),
        "float32": .constant(.string("float32")), "uint8": .constant(.string("uint8")), "int32": .constant(.string("int32")),
        "data": .instead(.tfData),
        "GradientTape": .instead(.gradientTape),
        "random": .module("tensorflow.random"),
      ]),
    "tensorflow.random": [
      "uniform": .builtin("random"), "normal": .builtin("randn"),
      "set_seed": .instead(.seedArgument),
    ],
    "tensorflow.nn": merged(
      same(["relu", "sigmoid", "tanh", "softmax", "leaky_relu", "conv2d"]),
      ["max_pool2d": .builtin("max_pool"), "avg_pool2d": .builtin("avg_pool")]),
    "tensorflow.math": merged(
      same(["abs", "round", "sigmoid", "tanh", "argmax", "argmin"]),
      ["reduce_sum": .builtin("sum"), "reduce_mean": .builtin("mean"), "reduce_max": .builtin("max"), "reduce_min": .builtin("min")]),
    "tensorflow.keras": merged(
      same(["Sequential", "Model", "Input"]),
      [
        "layers": .module("tensorflow.keras.layers"), "models": .module("tensorflow.keras.models"),
        "datasets": .module("tensorflow.keras.datasets"), "optimizers": .module("tensorflow.keras.optimizers"),
        "losses": .module("tensorflow.keras.losses"), "callbacks": .module("tensorflow.keras.callbacks"),
        "activations": .module("tensorflow.keras.activations"), "utils": .module("tensorflow.keras.utils"),
        "applications": .module("tensorflow.keras.applications"),
      ]),
    "tensorflow.keras.layers": merged(
      same(layerNames),
      ["MaxPool2D": .builtin("MaxPooling2D"), "AvgPool2D": .builtin("AveragePooling2D"),
       "GlobalAvgPool2D": .builtin("GlobalAveragePooling2D"), "GlobalMaxPool2D": .builtin("GlobalMaxPooling2D")]),
    "tensorflow.keras.models": same(["Sequential", "Model", "load_model"]),
    "tensorflow.keras.datasets": same(["mnist", "fashion_mnist", "cifar10"]),
    "tensorflow.keras.optimizers": same(["SGD", "Adam", "RMSprop", "AdamW"]),
    "tensorflow.keras.losses": same([
      "SparseCategoricalCrossentropy", "CategoricalCrossentropy", "BinaryCrossentropy", "MeanSquaredError",
      "MeanAbsoluteError", "sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy",
    ]),
    "tensorflow.keras.callbacks": same(["EarlyStopping", "ModelCheckpoint"]),
    "tensorflow.keras.activations": same(["relu", "sigmoid", "tanh", "softmax"]),
    "tensorflow.keras.utils": merged(
      same(["to_categorical"]),
      ["plot_model": .instead(.plotModel)]),
    "tensorflow.keras.applications": same(["VGG16", "ResNet50"]),
    "numpy": merged(
      same(["zeros", "ones", "full", "arange", "reshape", "transpose", "expand_dims", "squeeze", "argmax",
            "argmin", "max", "min", "sum", "mean", "std", "var", "abs", "round", "clip", "pad", "all", "any",
            "allclose", "isclose", "array_equal"]),
      [
        "array": .builtin("tensor"), "asarray": .builtin("tensor"), "concatenate": .builtin("concat"),
        "amax": .builtin("max"), "amin": .builtin("min"),
        "newaxis": .constant(.none), "pi": .constant(.number(Double.pi)), "e": .constant(.number(2.718281828459045)),
        "inf": .constant(.number(Double.infinity)), "nan": .constant(.number(Double.nan)),
        "float32": .constant(.string("float32")), "float64": .constant(.string("float64")),
        "uint8": .constant(.string("uint8")), "int32": .constant(.string("int32")), "int64": .constant(.string("int64")),
        "random": .module("numpy.random"),
      ]),
    "numpy.random": [
      "rand": .instead(.randomRand),
      "random": .instead(.randomRandom),
      "randn": .instead(.randomRandn),
      "normal": .instead(.randomNormal),
      "seed": .instead(.seedArgument),
      "randint": .instead(.randomRandint),
    ],
    "matplotlib": ["pyplot": .module("matplotlib.pyplot"), "cm": .module("matplotlib.cm")],
    "matplotlib.pyplot": merged(
      Dictionary(uniqueKeysWithValues: Pyplot.functionNames.map { ($0, .builtin("plt." + $0)) }),
      [
        "cm": .module("matplotlib.cm"),
        "plot": .instead(.plotLines),
        "subplots": .instead(.subplots),
        "hist": .instead(.histogram),
        "savefig": .instead(.savefig),
      ]),
    "matplotlib.cm": [
      "gray": .constant(.string("gray")), "binary": .constant(.string("binary")), "viridis": .constant(.string("viridis")),
      "magma": .constant(.string("magma")), "RdBu": .constant(.string("RdBu")), "coolwarm": .constant(.string("coolwarm")),
    ],
  ]

  /// `keras...` is `tensorflow.keras...`: Keras 3 and tf.keras name the same things.
  static func canonical(_ dotted: String) -> String {
    if dotted == "keras" || dotted.hasPrefix("keras.") { return "tensorflow." + dotted }
    return dotted
  }

  /// What to use instead of the libraries tutorials import beside Keras.
  static let absentModules: [String: ModuleAdvice] = [
    "pandas": .pandas,
    "torch": .torch,
    "torchvision": .torch,
    "d2l": .d2l,
    "cv2": .openCV,
    "PIL": .pillow,
    "sklearn": .scikitLearn,
    "seaborn": .seaborn,
  ]

  /// The modules a learner can import, as they are usually written.
  static let importable = ["tensorflow (import tensorflow as tf)", "keras", "numpy (import numpy as np)", "matplotlib.pyplot (import matplotlib.pyplot as plt)"]
}
