import TensorEngine

// The one place where the words of every error live: short sentences in a learner's words,
// identifiers quoted '…'.

extension DiagnosticMessage {
  /// The sentence after `ErrorKind:`; also Jupyter's `evalue`.
  public var text: String {
    switch self {
    case .ambiguousTruth(let shape):
      let count = shape.reduce(1, *)
      return "a tensor of shape \(formatShape(shape)) holds \(count) values, so it is not one True or False: write all(...) for 'every value is true', any(...) for 'at least one', allclose(a, b) to compare within rounding, or array_equal(a, b) for exactly equal"
    case .notOneValue(let shape):
      return "item() needs a tensor of exactly one value, but this one has shape \(formatShape(shape)): index one value first, such as x[0, 0]"
    case .argumentType(let f, let p, let expected, let got):
      return "\(f)() needs \(expected.text) for '\(p)', but got \(article(got))"
    case .assertionFailed(let message):
      return message ?? "the assertion is false"
    case .danglingClause(let keyword):
      return "'\(keyword)' must come right after an 'if' block, at the same indentation as its 'if'"
    case .cannotUnpack(let type, let count):
      return "cannot unpack \(article(type)) into \(count) names: it needs a list or tuple of \(count) values"
    case .divisionByZero:
      return "division by zero"
    case .duplicateArgument(let f, let p):
      return "\(f)() got two values for '\(p)'"
    case .engine(let error):
      return error.description
    case .tensorProblem(let problem):
      return problem.text
    case .training(let problem):
      return problem.text
    case .readOnlyAttribute(let type, let name):
      return "the attribute '\(name)' of \(article(type)) cannot be assigned: it can only be read"
    case .dataFile(let error):
      return error.description
    case .displayOption(let problem):
      return problem.text
    case .emptySequence(let f):
      return "\(f)() needs at least one value, but the sequence is empty"
    case .expected(let what, let found):
      return "expected \(what.text), but found \(found.text)"
    case .expectedIndentedBlock(let after):
      return "expected an indented block after \(after.text)"
    case .fstringEmptyExpression:
      return "an f-string has an empty '{}': put an expression inside, or write '{{' for a brace"
    case .fstringSingleClosingBrace:
      return "a single '}' is not allowed in an f-string: write '}}' for a brace"
    case .fstringUnclosedExpression:
      return "an f-string '{' is never closed by '}'"
    case .inconsistentDedent:
      return "this line's indentation does not match any block above it"
    case .indexNotWhole(let type, let got):
      return "\(type) indices must be whole numbers, not \(got.text)"
    case .indexOutOfRange(let type, let index, let count):
      return "index \(index) is out of range for a \(type) of length \(count)"
    case .axisIndexOutOfRange(let result, let axis, let index, let count):
      return "index \(index) is out of range for a \(result ? "result" : "tensor") axis \(axis) of length \(count)"
    case .keyNotFound(let key, let known):
      if known.isEmpty { return "\(key) is not a key of this dict: it is empty" }
      let shown = known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", ..." : "")
      return "\(key) is not a key of this dict; its keys are \(shown). d.get(key) gives None instead of an error"
    case .invalidAssignmentTarget(let what):
      return "cannot assign to \(what.text)"
    case .invalidChoice(let f, let p, let got, let choices, let described):
      return "\(f)() does not know \(p)=\(got); choose one of \((choices + described.map(\.text)).joined(separator: ", "))"
    case .invalidFormatSpec(let spec, let type):
      return "format '\(spec)' cannot be used with \(article(type))"
    case .invalidLiteral(let f, let text):
      return "\(f)() cannot read \(text) as a number"
    case .invalidNumber(let text):
      return "'\(text)' is not a valid number"
    case .keyboardInterrupt:
      return "the cell was interrupted"
    case .layerInput(let layer, let expected, let got, let fix):
      return "\(layer) expects \(expected.text); got \(got ?? "none")" + (fix.map { ": " + $0.text } ?? "")
    case .windowTooLarge(let layer, let window, let input, let fix):
      return "\(layer): the \(window) window does not fit in \(input): \(fix.text)"
    case .unequalShapes(let layer, let requirement, let shapes):
      return "\(layer) needs \(requirement.text): got \(shapes.joined(separator: " and "))"
    case .layerFailure(let layer, _, let detail):
      return "\(layer): \(detail.description)"
    case .handWeights(let layer, let expected, let got, let bias):
      return "\(layer) needs weights= of shape \(expected)\(bias ? " for the bias" : ""), but got \(got)"
    case .notPositive(let f, let p):
      return "\(f)() needs '\(p)' to be at least 1"
    case .unknownInputShape(let model):
      return "model '\(model)' does not know its input shape yet: give input_shape= to its first layer, or call it on a tensor"
    case .kernelTooLarge(let layer, let name, let shape, let bytes, let limit):
      return "\(layer): " + TensorError.resourceLimit(operation: "the kernel of \(name)", shape: shape, bytes: bytes, limit: limit).description
    case .notCalledYet(let layer):
      return "layer '\(layer)' is not built yet: give it input_shape=, use it in a model, or call it on a tensor"
    case .noSuchLayer(let name, let model):
      return "model '\(model)' has no layer named '\(name)'"
    case .notSequential(let model):
      return "model '\(model)' is functional: add layers by calling them on its output and making a new Model"
    case .disconnectedModel(let model):
      return "the outputs of model '\(model)' do not come from its inputs: build them by calling layers on the Input"
    case .mismatchedBracket(let close, let open, let line, let column):
      return "closing '\(close)' does not match '\(open)' opened at \(line):\(column)"
    case .missingArgument(let f, let p):
      return "\(f)() is missing the argument '\(p)'"
    case .negativeValue(let f, let p):
      return "\(f)() needs '\(p)' to be zero or more"
    case .noAttribute(let type, let name):
      return "\(article(type)) has no attribute '\(name)'"
    case .nonDefaultAfterDefault(let name):
      return "parameter '\(name)' needs a default value because the one before it has one"
    case .notAssignable(let type):
      return "\(article(type)) cannot be changed by assigning to an index"
    case .notCallable(let type):
      return "\(article(type)) cannot be called like a function"
    case .notComparable(let op, let left, let right):
      return "'\(op)' cannot compare \(article(left)) with \(article(right))"
    case .notIterable(let type):
      return "\(article(type)) cannot be looped over"
    case .notSubscriptable(let type):
      return "\(article(type)) cannot be indexed with [ ]"
    case .notWholeNumber(let f, let value):
      return "\(f)() needs a whole number, but got \(value)"
    case .notExplainable(let what):
      return "explain() shows how one value of a conv2d, max_pool, avg_pool or min_pool result (or of a Conv2D or pooling layer's output) was computed; \(what.text)"
    case .numberTooLarge(let f):
      return "\(f)() got a number too large to use"
    case .outsideFunction(let what):
      return "'\(what)' can only be used inside a def"
    case .outsideLoop(let what):
      return "'\(what)' can only be used inside a for or while loop"
    case .popFromEmpty:
      return "pop() from an empty list"
    case .positionalAfterKeyword:
      return "a positional argument cannot follow a keyword argument"
    case .rangeStepZero:
      return "range() step cannot be zero"
    case .raggedTensor(let f, let position, let expected, let got):
      return "\(f)() needs rows of equal length: \(itemText(position)) has \(got) value\(got == 1 ? "" : "s") where \(expected) \(expected == 1 ? "was" : "were") expected"
    case .recursionLimit(let depth):
      return "too many nested calls (\(depth) deep): does a function call itself without stopping?"
    case .repeatedKeyword(let name):
      return "keyword argument '\(name)' is given twice"
    case .resourceLimit(let requested, let limit):
      return "this needs \(requested.text), more than the limit of \(limit) items"
    case .tooLargeToCount(let layer):
      return "this needs \(layer) at these sizes (over 2**60 parameters or MACs), more than the limit of 2**60"
    case .shapeMismatch(let context, let expected, let got):
      return "\(context) expects \(expected), got \(got)"
    case .sliceStepZero:
      return "slice step cannot be zero"
    case .tensorElement(let f, let position, let type):
      return "\(f)() needs numbers, but \(itemText(position)) is \(article(type))"
    case .tooDeeplyNested:
      return "this expression is nested too deeply"
    case .tooManyArguments(let f, let maximum, let given):
      let takes = maximum == 0 ? "takes no positional arguments" : "takes at most \(maximum) positional argument\(maximum == 1 ? "" : "s")"
      return "\(f)() \(takes), but \(given) \(given == 1 ? "was" : "were") given"
    case .unclosedBracket(let open, let line, let column):
      return "'\(open)' opened at \(line):\(column) is never closed"
    case .noModule(let name):
      if let advice = ModuleTable.absentModules[String(name.split(separator: ".").first ?? "")] {
        return "CNN Lab has no module '\(name)': \(advice.text)"
      }
      return "CNN Lab has no module '\(name)': the modules it has are \(ModuleTable.importable.joined(separator: ", ")), and their members are CNN Lab's built-ins"
    case .notInModule(let module, let name, let instead):
      if let instead { return "\(module).\(name) is not in CNN Lab: \(instead.text)" }
      return "\(module).\(name) is not in CNN Lab: help() on the module lists what it has"
    case .undefinedName(let name):
      return "name '\(name)' is not defined"
    case .unexpectedCharacter(let c):
      return "unexpected character '\(c)'"
    case .unexpectedIndent:
      return "unexpected indent"
    case .unexpectedKeyword(let f, let keyword):
      return "\(f)() has no parameter named '\(keyword)'"
    case .unmatchedClosingBracket(let close):
      return "unmatched '\(close)'"
    case .unpackCount(let expected, let got):
      return "cannot unpack \(got) value\(got == 1 ? "" : "s") into \(expected) name\(expected == 1 ? "" : "s")"
    case .unhashable(let type):
      return "\(article(type)) cannot be a dict key because it can change: use a str, a number or a tuple"
    case .unsupportedOperands(let op, let left, let right):
      return "'\(op)' is not supported between \(article(left)) and \(article(right))"
    case .unknownMagic(let magic):
      return "\(magic) is an IPython magic that CNN Lab does not have: it has %time, %timeit, %%time, %%timeit and %matplotlib (which changes nothing: pictures are always inline)"
    case .unsupportedForm(let form):
      return form.text
    case .unsupportedUnary(let op, let type):
      return "'\(op)' cannot be applied to \(article(type))"
    case .invertNumbers:
      return "'~' cannot be applied to a tensor of numbers (compare first: ~(x > 0))"
    case .unterminatedString:
      return "this string is never closed"
    case .unterminatedTripleQuotedString:
      return "this triple-quoted string is never closed"
    case .valueNotFound(let what):
      return "\(what) is not in the list"
    }
  }
}

extension ModuleAdvice {
  public var text: String {
    switch self {
    case .tfData: return "slice tensors directly, for example x[:32] for a batch"
    case .gradientTape: return "train with model.compile(...) and model.fit(...)"
    case .seedArgument: return "give seed= to random(shape, seed=...) and randn(shape, seed=...) instead"
    case .plotModel: return "summary(model) shows every layer, its output shape and its parameters"
    case .randomRand: return "write random((rows, columns), seed=0): uniform numbers in 0..1, the same on every run"
    case .randomRandom: return "write random(shape, seed=0): uniform numbers in 0..1, the same on every run"
    case .randomRandn: return "write randn((rows, columns), seed=0): normal numbers, the same on every run"
    case .randomNormal: return "write randn(shape, seed=0) * scale + mean"
    case .randomRandint: return "write round(random(shape, seed=0) * (high - low - 1)) + low"
    case .plotLines: return "CNN Lab draws pictures, not line charts: print the values, or show(tensor(values))"
    case .subplots: return "write plt.subplot(rows, columns, i) before each plt.imshow(...)"
    case .histogram: return "CNN Lab draws pictures, not histograms: print(min(x), max(x), mean(x)) summarises the values"
    case .savefig: return "pictures are part of the notebook's output: save the notebook"
    case .pandas: return "show(x) draws a small 2-D tensor as a table of its values with a gray gradient, as style.background_gradient does"
    case .torch: return "CNN Lab speaks Keras: tf.keras.layers.Conv2D, Sequential, Model"
    case .d2l: return "the layers and models are built in (tf.keras.layers, tf.keras.models), and summary(model) shows every shape"
    case .openCV: return "image(path) reads PNG and JPEG files, and conv2d(x, filter(\"sobel_x\")) filters them"
    case .pillow: return "image(path) reads PNG and JPEG files"
    case .scikitLearn: return "digits(n) is a built-in data set; mean(pred == y) is an accuracy"
    case .seaborn: return "show(x) draws tensors; print(...) writes numbers"
    }
  }
}

extension UnsupportedForm {
  public var text: String {
    switch self {
    case .setLiteral:
      return "sets like {a, b} are not part of this language: use a list [a, b], or a dict {key: value}"
    case .dictComprehension:
      return "dict comprehensions are not part of this language: start with d = {} and set d[key] = value inside a for loop"
    case .dictUnpacking:
      return "'**' inside a dict is not part of this language: copy it with d.copy() and add the other's items with d.update(other)"
    case .tryStatement:
      return "'try' is not part of this language: an error stops the cell and says what went wrong; check first with if instead (for example: if key in d:)"
    case .classDefinition:
      return "'class' is not part of this language: build models from layers with Sequential([...]) or Model(inputs, outputs), and write functions with def"
    case .withStatement:
      return "'with' is not part of this language: write the statements of its block without it (there are no files, devices or gradient tapes to open and close)"
    case .lambda:
      return "'lambda' is not part of this language: write def name(x): return ... and use name"
    case .yield:
      return "'yield' is not part of this language: collect the values in a list and return the list"
    case .del:
      return "'del' is not part of this language: assign a new value to the name, or remove an item with xs.pop(i) or d.pop(key)"
    case .raise:
      return "'raise' is not part of this language: write assert condition, \"message\" to stop with a message"
    case .nonlocal:
      return "'nonlocal' is not part of this language: return the new value from the function, or use global"
    case .shellCommand:
      return "'!' runs a shell command in IPython; this kernel runs CNN Lab cells, not a shell: run the command in a terminal"
    case .starParameters:
      return "'*' and '**' parameters are not part of this language: give each parameter a name, or pass a list"
    }
  }
}

extension Suggestion {
  /// The text after `= help: `.
  public var text: String {
    switch self {
    case .didYouMean(let name):
      return "did you mean '\(name)'?"
    case .validKeywords(let nearest, let all):
      let list = all.isEmpty ? "no keyword arguments" : all.map { "'\($0)'" }.joined(separator: ", ")
      if let nearest { return "did you mean '\(nearest)'? valid names: \(list)" }
      return "valid names: \(list)"
    case .hint(let hint):
      return hint.text
    }
  }
}

extension Hint {
  public var text: String {
    switch self {
    case .callHelp(let name): return "help(\(name)) shows how to call it"
    case .callMethodHelp(let type, let name): return "help(\"\(type).\(name)\") shows how to call it"
    case .closeBracket(let c): return "add '\(c)'"
    case .reshapeTo(let shape): return "use reshape(x, \(shape))"
    case .indentBlock: return "indent the lines of the block, for example by 4 spaces"
    case .useDoubleEqualsToCompare: return "to compare two values, use '=='"
    case .wholeNumberIndex: return "use int(...) to turn a number into a whole index"
    case .pythonInternals: return "CNN Lab values have no Python internals: type(x) names a value's type, and a layer shows its kind when printed"
    }
  }
}

extension Note {
  public var text: String {
    switch self {
    case .calledFrom(let function, let file, let line, let column):
      return "in \(function)(), called from \(file):\(line):\(column)"
    case .framesOmitted(let n):
      return "... \(n) more call\(n == 1 ? "" : "s") ..."
    }
  }
}

/// `item [0][2]`: where a value sits in nested lists.
func itemText(_ position: [Int]) -> String { "item " + position.map { "[\($0)]" }.joined() }

/// "a list", "an int", "None": type names read as nouns in messages; a value's repr (`'cat'`,
/// `2.5`, `-1`) stays as it is.
func article(_ type: String) -> String {
  if type == "None" || type.hasPrefix("'") || type.first?.isNumber == true { return type }
  if type.first == "-", type.dropFirst().first?.isNumber == true { return type }
  let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
  guard let first = type.first?.lowercased().first else { return type }
  return (vowels.contains(first) ? "an " : "a ") + type
}
