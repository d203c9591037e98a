import Datasets
import TensorEngine

/// Everything that can go wrong in a cell. Each case carries the facts its text needs;
/// the words live in `DiagnosticMessage+Text.swift` and the category in `kind`.
public enum DiagnosticMessage: Sendable, Equatable {
  // Lexing and parsing.
  case unexpectedCharacter(String)
  case unterminatedString
  case unterminatedTripleQuotedString
  case unclosedBracket(open: String, line: Int, column: Int)
  case unmatchedClosingBracket(String)
  case mismatchedBracket(close: String, open: String, line: Int, column: Int)
  case inconsistentDedent
  case unexpectedIndent
  case expectedIndentedBlock(after: BlockHeader)
  case expected(SyntaxPart, found: SyntaxPart)
  case invalidAssignmentTarget(AssignmentTarget)
  case invalidNumber(String)
  case fstringEmptyExpression
  case fstringSingleClosingBrace
  case fstringUnclosedExpression
  case tooDeeplyNested
  case outsideFunction(String)
  case outsideLoop(String)
  case positionalAfterKeyword
  case repeatedKeyword(String)
  case nonDefaultAfterDefault(String)
  /// `%load_ext`, `%%writefile`, ...: an IPython magic CNN Lab does not have.
  case unknownMagic(String)
  /// A Python form the language leaves out, with what to write instead.
  case unsupportedForm(UnsupportedForm)
  case danglingClause(String)

  // Names and attributes.
  case undefinedName(String)
  /// `import pandas`: a module CNN Lab does not have.
  case noModule(String)
  /// `tf.keras.layers.Conv3D`, `from numpy.random import rand`: `module.name` is not in CNN Lab;
  /// `instead` says what to write, when the table knows.
  case notInModule(module: String, name: String, instead: ModuleAdvice?)
  case noAttribute(type: String, name: String)
  case readOnlyAttribute(type: String, name: String)

  // Types.
  case unsupportedOperands(op: String, left: String, right: String)
  case unsupportedUnary(op: String, type: String)
  /// `~x` on a tensor of numbers: `~` flips booleans, so compare first.
  case invertNumbers
  case notCallable(String)
  case notSubscriptable(String)
  case notIterable(String)
  case notComparable(op: String, left: String, right: String)
  case indexNotWhole(type: String, got: IndexGiven)
  /// `got` is the type name of the learner's value, or its repr.
  case argumentType(function: String, parameter: String, expected: ArgumentExpectation, got: String)
  case missingArgument(function: String, parameter: String)
  case tooManyArguments(function: String, maximum: Int, given: Int)
  case unexpectedKeyword(function: String, keyword: String)
  case duplicateArgument(function: String, parameter: String)
  case notAssignable(type: String)
  case cannotUnpack(type: String, count: Int)
  /// A list, dict or tensor used as a dict key.
  case unhashable(String)

  // Values.
  case divisionByZero
  case notWholeNumber(function: String, value: String)
  case invalidLiteral(function: String, text: String)
  case emptySequence(String)
  case rangeStepZero
  case sliceStepZero
  case unpackCount(expected: Int, got: Int)
  case invalidFormatSpec(spec: String, type: String)
  case valueNotFound(String)
  /// `if t == u:` for tensors of several values: numpy's "truth value is ambiguous".
  case ambiguousTruth(shape: [Int])
  /// `x.item()` on a tensor of several values.
  case notOneValue(shape: [Int])
  case popFromEmpty
  case negativeValue(function: String, parameter: String)
  case recursionLimit(Int)
  case numberTooLarge(String)
  /// `choices` are code (`'same'`, `1`); `described` follow them in words.
  case invalidChoice(function: String, parameter: String, got: String, choices: [String], described: [ArgumentExpectation] = [])

  // Indexing.
  case indexOutOfRange(type: String, index: Int, count: Int)
  /// An index past one axis of a tensor, or of `explain()`'s result when `result`.
  case axisIndexOutOfRange(result: Bool, axis: Int, index: Int, count: Int)
  /// `d[key]` for a key the dict does not have: the key's repr and the keys it has.
  case keyNotFound(key: String, known: [String])

  // Assertions and interrupts.
  case assertionFailed(String?)
  case keyboardInterrupt

  // Reserved for the tensor vocabulary; the engine's owner fills these in.
  case shapeMismatch(context: String, expected: String, got: String)
  /// A list, tuple, string or tensor of more than `limit` items.
  case resourceLimit(requested: SizeRequest, limit: Int)
  /// A layer whose parameters or MACs at these sizes would not fit in a whole number.
  case tooLargeToCount(layer: String)

  // The tensor vocabulary: engine failures keep the engine's own wording.
  case engine(TensorError)
  case tensorProblem(TensorProblem)
  case dataFile(DatasetError)
  /// `position` is the item's index in the nested lists: `[0][2]`.
  case raggedTensor(function: String, position: [Int], expected: Int, got: Int)
  case tensorElement(function: String, position: [Int], type: String)
  case notExplainable(ExplainRefusal)
  case displayOption(ShowOptionProblem)
  // Layers and models. `layer` reads like "Dense 'dense_1'".
  /// `got` is the input's shape, or the number of inputs; nil when there was none.
  case layerInput(layer: String, expected: LayerExpectation, got: String?, fix: LayerFix?)
  case windowTooLarge(layer: String, window: String, input: String, fix: LayerFix)
  case unequalShapes(layer: String, requirement: ShapeRequirement, shapes: [String])
  case layerFailure(layer: String, kind: ErrorKind, detail: TensorError)
  /// `bias` when the shape is the bias's rather than the kernel's.
  case handWeights(layer: String, expected: String, got: String, bias: Bool = false)
  case notPositive(function: String, parameter: String)
  case unknownInputShape(model: String)
  case notCalledYet(layer: String)
  /// A kernel larger than the memory budget, refused before it is drawn.
  case kernelTooLarge(layer: String, name: String, shape: [Int], bytes: Int, limit: Int)
  case noSuchLayer(name: String, model: String)
  case disconnectedModel(model: String)
  case notSequential(model: String)
  // Training: compile, fit, evaluate, weights.
  case training(TrainingProblem)

  /// The category, and so Jupyter's `ename`.
  public var kind: ErrorKind {
    switch self {
    case .unexpectedCharacter, .unterminatedString, .unterminatedTripleQuotedString, .unclosedBracket,
      .unmatchedClosingBracket, .mismatchedBracket, .inconsistentDedent, .unexpectedIndent,
      .expectedIndentedBlock, .expected, .invalidAssignmentTarget, .invalidNumber,
      .fstringEmptyExpression, .fstringSingleClosingBrace, .fstringUnclosedExpression, .tooDeeplyNested,
      .outsideFunction, .outsideLoop, .positionalAfterKeyword, .repeatedKeyword, .nonDefaultAfterDefault,
      .unsupportedForm, .unknownMagic, .danglingClause:
      return .syntax
    case .undefinedName:
      return .name
    case .noModule, .notInModule:
      return .import
    case .noAttribute, .readOnlyAttribute, .unsupportedOperands, .unsupportedUnary, .invertNumbers, .notCallable, .notSubscriptable, .notIterable,
      .notComparable, .indexNotWhole, .argumentType, .missingArgument, .tooManyArguments, .unexpectedKeyword,
      .duplicateArgument, .notAssignable, .cannotUnpack, .unhashable:
      return .type
    case .divisionByZero, .notWholeNumber, .invalidLiteral, .emptySequence, .rangeStepZero, .sliceStepZero,
      .unpackCount, .invalidFormatSpec, .valueNotFound, .popFromEmpty, .negativeValue, .recursionLimit,
      .numberTooLarge, .invalidChoice, .ambiguousTruth, .notOneValue:
      return .value
    case .indexOutOfRange, .axisIndexOutOfRange:
      return .index
    case .keyNotFound:
      return .key
    case .assertionFailed:
      return .assertion
    case .keyboardInterrupt:
      return .keyboardInterrupt
    case .shapeMismatch, .layerInput, .windowTooLarge, .unequalShapes:
      return .shape
    case .layerFailure(_, let kind, _):
      return kind
    case .handWeights, .notPositive, .unknownInputShape, .notCalledYet, .noSuchLayer, .disconnectedModel:
      return .value
    case .notSequential:
      return .type
    case .training(let problem):
      return problem.kind
    case .resourceLimit, .tooLargeToCount, .kernelTooLarge:
      return .resource
    case .engine(let error):
      return error.kind
    case .tensorProblem(let problem):
      return problem.kind
    case .dataFile(.tooLarge):
      return .resource
    case .dataFile, .raggedTensor, .notExplainable, .displayOption:
      return .value
    case .tensorElement:
      return .type
    }
  }
}
