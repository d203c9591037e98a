/// What an argument should have been, as data: the noun phrase after "needs" in a TypeError
/// (`conv2d() needs a tensor for 'x', but got a str`) and the described choices of a
/// ValueError. Each case has its English and its Korean phrase, so neither language carries
/// the other's words. Code inside a phrase (`(28, 28, 1)`, `Input(...)`) stays as it is.
public enum ArgumentExpectation: Sendable, Equatable, CaseIterable {
  case number
  case string
  case boolean
  case wholeNumbers
  case tensor
  case tensorWithAxis
  case tensorOrNestedList
  case numberOrNestedLists
  case tensorNotModel
  case tensorList
  case layer
  case layers
  case model
  case modelOrLayer
  case modelOrBuiltBlock
  case layerWithKernel
  case layerWithFilters
  case kernelOrKernelAndBias
  case weightArrays
  case symbolicTensor
  case oneSymbolicTensor
  case dict
  case dictOrPairs
  case sized
  case strings
  case names
  case stream
  /// `(28, 28, 1)`: a shape, with an example of the rank the function wants.
  case shape(example: String)
  case shapeOfWholeNumbers
  case shapeOfPositiveNumbers
  case tupleOfWholeNumbers
  case wholeNumberOrPair
  case numberOrPair
  case numberOrPairs
  case zeroPadding
  case paddingName
  case position
  case dtype
  case activation
  case optimizer
  case loss
  case metricNames
  case oneMetricName
  case callbacks
  case validationPair
  case subplotPosition
  case labels
  case classNumbers(upTo: Int)
  case classNumbersOrProbabilities
  // Described choices of a ValueError, beside the quoted ones.
  case positiveWholeNumber
  case pairOfThem
  case dropoutRate
  case nonEmptyString
  case somePosition
  case imageFile
  case function
  case widget
  case widgetValuePair
  case nonEmptyOptions
  case widgets
  case nonEmptyChoices
  case increasingRange
  case positiveStepRange
  case modelWithMaps

  /// One of each case, for the tests that ask every phrase for both languages.
  public static let allCases: [ArgumentExpectation] = [
    .number, .string, .boolean, .wholeNumbers, .tensor, .tensorWithAxis, .tensorOrNestedList, .numberOrNestedLists,
    .tensorNotModel, .tensorList, .layer, .layers, .model, .modelOrLayer, .modelOrBuiltBlock, .layerWithKernel,
    .layerWithFilters, .kernelOrKernelAndBias, .weightArrays, .symbolicTensor, .oneSymbolicTensor, .dict, .dictOrPairs,
    .sized, .strings, .names, .stream, .shape(example: "(28, 28, 1)"), .shapeOfWholeNumbers, .shapeOfPositiveNumbers,
    .tupleOfWholeNumbers, .wholeNumberOrPair, .numberOrPair, .numberOrPairs, .zeroPadding, .paddingName, .position,
    .dtype, .activation, .optimizer, .loss, .metricNames, .oneMetricName, .callbacks, .validationPair,
    .subplotPosition, .labels, .classNumbers(upTo: 9), .classNumbersOrProbabilities,
    .positiveWholeNumber, .pairOfThem, .dropoutRate, .nonEmptyString, .somePosition, .imageFile,
    .function, .widget, .widgetValuePair, .nonEmptyOptions, .widgets, .nonEmptyChoices, .increasingRange, .positiveStepRange, .modelWithMaps,
  ]
}

extension ArgumentExpectation: LearnerText {
  public var text: String {
    switch self {
    case .number: return "a number"
    case .string: return "a str"
    case .boolean: return "True or False"
    case .wholeNumbers: return "whole numbers"
    case .tensor: return "a tensor"
    case .tensorWithAxis: return "a tensor with at least one axis"
    case .tensorOrNestedList: return "a tensor or a nested list of numbers of one shape"
    case .numberOrNestedLists: return "a number or nested lists of numbers"
    case .tensorNotModel: return "a tensor (to use a model inside another, build both with layers)"
    case .tensorList: return "a list of tensors, such as [a, b]"
    case .layer: return "a layer"
    case .layers: return "a list of layers"
    case .model: return "a model"
    case .modelOrLayer: return "a model or a layer"
    case .modelOrBuiltBlock: return "a model, or a block such as InceptionModule(...) once it is built"
    case .layerWithKernel: return "a Conv2D, Conv1D or Dense layer"
    case .layerWithFilters: return "a layer with filters, such as model.layers[0], or True"
    case .kernelOrKernelAndBias: return "a kernel, or a list [kernel, bias]"
    case .weightArrays: return "a list of arrays, as get_weights() gives"
    case .symbolicTensor: return "a symbolic tensor made from Input(...)"
    case .oneSymbolicTensor: return "one symbolic tensor"
    case .dict: return "a dict"
    case .dictOrPairs: return "a dict or a list of (key, value) pairs"
    case .sized: return "a list, tuple, range, str or dict"
    case .strings: return "a sequence of strings"
    case .names: return "a list of names"
    case .stream: return "stdout or stderr"
    case .shape(let example): return "a shape such as \(example)"
    case .shapeOfWholeNumbers: return "a shape of whole numbers"
    case .shapeOfPositiveNumbers: return "a shape of whole numbers of at least 1, such as (28, 28, 1)"
    case .tupleOfWholeNumbers: return "a tuple of whole numbers"
    case .wholeNumberOrPair: return "a whole number or a pair (height, width)"
    case .numberOrPair: return "a number or a pair (height, width)"
    case .numberOrPairs: return "a number or pairs of numbers"
    case .zeroPadding: return "a whole number, (rows, columns) or ((top, bottom), (left, right))"
    case .paddingName: return "\"valid\", \"same\" or a number"
    case .position: return "a position such as (0, 0)"
    case .dtype: return "a type name such as \"float32\" or \"uint8\""
    case .activation: return "an activation name such as \"relu\""
    case .optimizer: return "an optimizer name such as \"adam\", or Adam(...)"
    case .loss: return "a loss name such as \"sparse_categorical_crossentropy\", or a loss object"
    case .metricNames: return "a list of metric names, such as [\"accuracy\"]"
    case .oneMetricName: return "a list with one metric name, such as [\"accuracy\"]"
    case .callbacks: return "a list of callbacks, such as [EarlyStopping(patience=2)]"
    case .validationPair: return "a pair (x_val, y_val)"
    case .subplotPosition: return "(rows, columns, index) with index from 1 to rows * columns"
    case .labels: return "whole-number labels from 0"
    case .classNumbers(let last): return "class numbers from 0 to \(last)"
    case .classNumbersOrProbabilities: return "class numbers 0, 1, 2, ... or rows of probabilities"
    case .positiveWholeNumber: return "a whole number of at least 1"
    case .pairOfThem: return "a pair of them"
    case .dropoutRate: return "a number from 0 up to (not including) 1"
    case .nonEmptyString: return "a non-empty string"
    case .somePosition: return "a position"
    case .imageFile: return "a PNG or JPEG file"
    case .function: return "a function"
    case .widget: return "a widget"
    case .widgetValuePair: return "a pair (widget, \"value\")"
    case .nonEmptyOptions: return "a list of at least one option"
    case .widgets: return "a list of widgets"
    case .nonEmptyChoices: return "a non-empty list of choices"
    case .increasingRange: return "a range (min, max) with min < max"
    case .positiveStepRange: return "a range (min, max, step) with a positive step"
    case .modelWithMaps: return "a model with a layer whose output is a map (H, W, C)"
    }
  }

  /// Noun phrases, so that the sentences around them can end them with 인데 or 입니다.
  public var koreanText: String {
    switch self {
    case .number: return "수"
    case .string: return "문자열(str)"
    case .boolean: return "True나 False"
    case .wholeNumbers: return "정수"
    case .tensor: return "텐서"
    case .tensorWithAxis: return "축이 하나 이상인 텐서"
    case .tensorOrNestedList: return "텐서, 또는 모양이 고른 수의 중첩 list"
    case .numberOrNestedLists: return "수, 또는 수의 중첩 list"
    case .tensorNotModel: return "텐서(모델을 다른 모델 안에서 쓰려면 둘 다 층으로 만드세요)"
    case .tensorList: return "[a, b] 같은 텐서의 list"
    case .layer: return "층"
    case .layers: return "층의 list"
    case .model: return "모델"
    case .modelOrLayer: return "모델이나 층"
    case .modelOrBuiltBlock: return "모델, 또는 한 번 만들어진 InceptionModule(...) 같은 블록"
    case .layerWithKernel: return "Conv2D, Conv1D, Dense 층"
    case .layerWithFilters: return "model.layers[0]처럼 필터가 있는 층, 또는 True"
    case .kernelOrKernelAndBias: return "커널, 또는 [kernel, bias] 꼴의 list"
    case .weightArrays: return "get_weights()가 주는 것 같은 배열의 list"
    case .symbolicTensor: return "Input(...)으로 만든 심볼릭 텐서"
    case .oneSymbolicTensor: return "심볼릭 텐서 하나"
    case .dict: return "dict(사전)"
    case .dictOrPairs: return "dict, 또는 (key, value) 쌍의 list"
    case .sized: return "list, tuple, range, str, dict 중 하나"
    case .strings: return "문자열의 시퀀스"
    case .names: return "이름의 list"
    case .stream: return "stdout이나 stderr"
    case .shape(let example): return "\(example) 같은 모양"
    case .shapeOfWholeNumbers: return "정수로 된 모양"
    case .shapeOfPositiveNumbers: return "(28, 28, 1)처럼 1 이상의 정수로 된 모양"
    case .tupleOfWholeNumbers: return "정수의 tuple"
    case .wholeNumberOrPair: return "정수, 또는 (height, width) 쌍"
    case .numberOrPair: return "수, 또는 (height, width) 쌍"
    case .numberOrPairs: return "수, 또는 수의 쌍"
    case .zeroPadding: return "정수, (rows, columns), ((top, bottom), (left, right)) 중 하나"
    case .paddingName: return "\"valid\", \"same\", 수 중 하나"
    case .position: return "(0, 0) 같은 위치"
    case .dtype: return "\"float32\"나 \"uint8\" 같은 타입 이름"
    case .activation: return "\"relu\" 같은 활성화 함수 이름"
    case .optimizer: return "\"adam\" 같은 옵티마이저 이름, 또는 Adam(...)"
    case .loss: return "\"sparse_categorical_crossentropy\" 같은 손실 함수 이름, 또는 손실 객체"
    case .metricNames: return "[\"accuracy\"] 같은 지표 이름의 list"
    case .oneMetricName: return "[\"accuracy\"]처럼 지표 이름 하나가 든 list"
    case .callbacks: return "[EarlyStopping(patience=2)] 같은 콜백의 list"
    case .validationPair: return "(x_val, y_val) 쌍"
    case .subplotPosition: return "(rows, columns, index)이고, index는 1부터 rows * columns까지"
    case .labels: return "0부터 시작하는 정수 정답"
    case .classNumbers(let last): return "0부터 \(last)까지의 클래스 번호"
    case .classNumbersOrProbabilities: return "클래스 번호 0, 1, 2, ..., 또는 확률의 행"
    case .positiveWholeNumber: return "1 이상의 정수"
    case .pairOfThem: return "그런 수의 쌍"
    case .dropoutRate: return "0 이상 1 미만의 수"
    case .nonEmptyString: return "비어 있지 않은 문자열"
    case .somePosition: return "위치"
    case .imageFile: return "PNG나 JPEG 파일"
    case .function: return "함수"
    case .widget: return "위젯"
    case .widgetValuePair: return "(widget, \"value\") 쌍"
    case .nonEmptyOptions: return "선택지가 하나 이상 든 list"
    case .widgets: return "위젯의 list"
    case .nonEmptyChoices: return "비어 있지 않은 선택지 list"
    case .increasingRange: return "min < max인 범위 (min, max)"
    case .positiveStepRange: return "step이 양수인 범위 (min, max, step)"
    case .modelWithMaps: return "출력이 (H, W, C) 맵인 층이 있는 모델"
    }
  }
}
