import CNNLang
import Datasets
import TensorEngine
import Testing

/// Every learner-facing sentence exists in Korean beside English: each diagnostic, hint, note
/// and engine refusal, and each help() paragraph of the registry.
@Suite struct KoreanMessageTests {
  /// One message and the values it carries, as they must appear in both languages.
  struct Sample {
    let message: DiagnosticMessage
    let values: [String]
    init(_ message: DiagnosticMessage, _ values: [String] = []) {
      self.message = message
      self.values = values
    }
  }

  /// The position of each case; a new case does not compile here until it gets a number,
  /// and `everyCaseHasASample` then asks for its sample.
  static func index(_ message: DiagnosticMessage) -> Int {
    switch message {
    case .unexpectedCharacter: 0
    case .unterminatedString: 1
    case .unterminatedTripleQuotedString: 2
    case .unclosedBracket: 3
    case .unmatchedClosingBracket: 4
    case .mismatchedBracket: 5
    case .inconsistentDedent: 6
    case .unexpectedIndent: 7
    case .expectedIndentedBlock: 8
    case .expected: 9
    case .invalidAssignmentTarget: 10
    case .invalidNumber: 11
    case .fstringEmptyExpression: 12
    case .fstringSingleClosingBrace: 13
    case .fstringUnclosedExpression: 14
    case .tooDeeplyNested: 15
    case .outsideFunction: 16
    case .outsideLoop: 17
    case .positionalAfterKeyword: 18
    case .repeatedKeyword: 19
    case .nonDefaultAfterDefault: 20
    case .tooLargeToCount: 21
    case .danglingClause: 22
    case .undefinedName: 23
    case .noAttribute: 24
    case .unsupportedOperands: 25
    case .unsupportedUnary: 26
    case .notCallable: 27
    case .notSubscriptable: 28
    case .notIterable: 29
    case .notComparable: 30
    case .indexNotWhole: 31
    case .argumentType: 32
    case .missingArgument: 33
    case .tooManyArguments: 34
    case .unexpectedKeyword: 35
    case .duplicateArgument: 36
    case .notAssignable: 37
    case .cannotUnpack: 38
    case .divisionByZero: 39
    case .notWholeNumber: 40
    case .invalidLiteral: 41
    case .emptySequence: 42
    case .rangeStepZero: 43
    case .sliceStepZero: 44
    case .unpackCount: 45
    case .invalidFormatSpec: 46
    case .valueNotFound: 47
    case .popFromEmpty: 48
    case .negativeValue: 49
    case .recursionLimit: 50
    case .numberTooLarge: 51
    case .invalidChoice: 52
    case .indexOutOfRange: 53
    case .assertionFailed: 54
    case .keyboardInterrupt: 55
    case .shapeMismatch: 56
    case .resourceLimit: 57
    case .engine: 58
    case .dataFile: 59
    case .raggedTensor: 60
    case .tensorElement: 61
    case .notExplainable: 62
    case .displayOption: 63
    case .layerInput: 64
    case .windowTooLarge: 65
    case .unequalShapes: 66
    case .layerFailure: 67
    case .handWeights: 68
    case .notPositive: 69
    case .unknownInputShape: 70
    case .notCalledYet: 71
    case .noSuchLayer: 72
    case .disconnectedModel: 73
    case .notSequential: 74
    case .keyNotFound: 75
    case .unhashable: 76
    case .unsupportedForm: 77
    case .readOnlyAttribute: 78
    case .training: 79
    case .noModule: 80
    case .notInModule: 81
    case .unknownMagic: 82
    case .ambiguousTruth: 83
    case .notOneValue: 84
    case .tensorProblem: 85
    case .axisIndexOutOfRange: 86
    case .kernelTooLarge: 87
    case .invertNumbers: 88
    }
  }
  static let caseCount = 89

  /// Values no sentence contains by accident, so finding them proves they were carried over.
  static let samples: [Sample] = [
    Sample(.unexpectedCharacter("§"), ["§"]),
    Sample(.unterminatedString),
    Sample(.unterminatedTripleQuotedString),
    Sample(.unclosedBracket(open: "[", line: 41, column: 17), ["[", "41", "17"]),
    Sample(.unmatchedClosingBracket("}"), ["}"]),
    Sample(.mismatchedBracket(close: ")", open: "[", line: 43, column: 19), [")", "[", "43", "19"]),
    Sample(.inconsistentDedent),
    Sample(.unexpectedIndent),
    Sample(.expectedIndentedBlock(after: BlockHeader("for", line: 37)), ["'for'", "37"]),
    Sample(.expected(.colonAfter(BlockHeader("Qkw", line: 29)), found: .name("Qname")), ["'Qkw'", "29", "':'", "'Qname'"]),
    Sample(.expected(.symbols(["Qa", "Qb"]), found: .keyword("Qkw")), ["'Qa'", "'Qb'", "'Qkw'"]),
    Sample(.invalidAssignmentTarget(.attribute("Qtarget")), ["Qtarget"]),
    Sample(.invalidNumber("12abc"), ["12abc"]),
    Sample(.fstringEmptyExpression),
    Sample(.fstringSingleClosingBrace),
    Sample(.fstringUnclosedExpression),
    Sample(.tooDeeplyNested),
    Sample(.outsideFunction("return"), ["return"]),
    Sample(.outsideLoop("break"), ["break"]),
    Sample(.positionalAfterKeyword),
    Sample(.repeatedKeyword("Qkw"), ["Qkw"]),
    Sample(.nonDefaultAfterDefault("Qparam"), ["Qparam"]),
    Sample(.tooLargeToCount(layer: "Dense 'Qlayer'"), ["Dense 'Qlayer'", "2**60"]),
    Sample(.danglingClause("elif"), ["elif", "if"]),
    Sample(.undefinedName("pirnt"), ["pirnt"]),
    Sample(.noAttribute(type: "Qtype", name: "Qattr"), ["Qtype", "Qattr"]),
    Sample(.unsupportedOperands(op: "@", left: "Qleft", right: "Qright"), ["@", "Qleft", "Qright"]),
    Sample(.unsupportedUnary(op: "~", type: "Qtype"), ["~", "Qtype"]),
    Sample(.notCallable("Qtype"), ["Qtype"]),
    Sample(.notSubscriptable("Qtype"), ["Qtype"]),
    Sample(.notIterable("Qtype"), ["Qtype"]),
    Sample(.notComparable(op: "<=", left: "Qleft", right: "Qright"), ["<=", "Qleft", "Qright"]),
    Sample(.indexNotWhole(type: "Qtype", got: .code("2.5")), ["Qtype", "2.5"]),
    Sample(.indexNotWhole(type: "Qtype", got: .indices(409)), ["Qtype", "409"]),
    Sample(.indexNotWhole(type: "Qtype", got: .type("Qother")), ["Qtype", "Qother"]),
    Sample(.argumentType(function: "Qf", parameter: "Qp", expected: .shape(example: "(419, 421)"), got: "Qgot"), ["Qf()", "Qp", "(419, 421)", "Qgot"]),
    Sample(.argumentType(function: "Qf", parameter: "Qp", expected: .number, got: "-2.5"), ["Qf()", "Qp", "-2.5"]),
    Sample(.missingArgument(function: "Qf", parameter: "Qp"), ["Qf()", "Qp"]),
    Sample(.tooManyArguments(function: "Qf", maximum: 3, given: 47), ["Qf()", "3", "47"]),
    Sample(.tooManyArguments(function: "Qf", maximum: 0, given: 47), ["Qf()", "47"]),
    Sample(.unexpectedKeyword(function: "Qf", keyword: "Qkw"), ["Qf()", "Qkw"]),
    Sample(.duplicateArgument(function: "Qf", parameter: "Qp"), ["Qf()", "Qp"]),
    Sample(.notAssignable(type: "Qtype"), ["Qtype"]),
    Sample(.cannotUnpack(type: "Qtype", count: 53), ["Qtype", "53"]),
    Sample(.divisionByZero),
    Sample(.notWholeNumber(function: "Qf", value: "2.75"), ["Qf()", "2.75"]),
    Sample(.invalidLiteral(function: "Qf", text: "'x9'"), ["Qf()", "'x9'"]),
    Sample(.emptySequence("Qf"), ["Qf()"]),
    Sample(.rangeStepZero, ["range()"]),
    Sample(.sliceStepZero),
    Sample(.unpackCount(expected: 59, got: 61), ["59", "61"]),
    Sample(.invalidFormatSpec(spec: ".Qz", type: "Qtype"), [".Qz", "Qtype"]),
    Sample(.valueNotFound("Qvalue"), ["Qvalue"]),
    Sample(.popFromEmpty, ["pop()"]),
    Sample(.negativeValue(function: "Qf", parameter: "Qp"), ["Qf()", "Qp"]),
    Sample(.recursionLimit(1000), ["1000"]),
    Sample(.numberTooLarge("Qf"), ["Qf()"]),
    Sample(.invalidChoice(function: "Qf", parameter: "Qp", got: "'Qgot'", choices: ["'Qa'", "'Qb'"]), ["Qf()", "Qp", "'Qgot'", "'Qa'", "'Qb'"]),
    Sample(.invalidChoice(function: "Qf", parameter: "Qp", got: "'Qgot'", choices: ["'Qa'"], described: [.imageFile]), ["Qf()", "Qp", "'Qgot'", "'Qa'", "PNG", "JPEG"]),
    Sample(.indexOutOfRange(type: "Qtype", index: 67, count: 71), ["Qtype", "67", "71"]),
    Sample(.assertionFailed("Qmessage"), ["Qmessage"]),
    Sample(.assertionFailed(nil)),
    Sample(.keyboardInterrupt),
    Sample(.shapeMismatch(context: "Qcontext", expected: "(73, 79)", got: "(83,)"), ["Qcontext", "(73, 79)", "(83,)"]),
    Sample(.resourceLimit(requested: .listOfItems(431), limit: 433), ["431", "433"]),
    Sample(.engine(.shapeMismatch(operation: "'+'", lhs: [2, 3], rhs: [4, 5])), ["'+'", "(2, 3)", "(4, 5)"]),
    Sample(.dataFile(.fileNotFound(path: "Qpath.png")), ["Qpath.png"]),
    Sample(.raggedTensor(function: "Qf", position: [89, 2], expected: 97, got: 101), ["Qf()", "[89][2]", "97", "101"]),
    Sample(.tensorElement(function: "Qf", position: [103], type: "Qtype"), ["Qf()", "[103]", "Qtype"]),
    Sample(.notExplainable(.notComputed), ["explain()", "conv2d", "Conv2D"]),
    Sample(.displayOption(.notAName(option: "Qmode", example: "Qgrid")), ["Qmode", "'Qgrid'"]),
    Sample(.displayOption(.unknownName(option: "Qcmap", name: "Qjet", known: ["Qgray", "Qviridis"])), ["Qcmap", "'Qjet'", "'Qgray'", "'Qviridis'"]),
    Sample(.displayOption(.unknownName(option: "scale", name: "Qwide", known: ["Qshared"])), ["'Qwide'", "'Qshared'", "(min, max)"]),
    Sample(.displayOption(.scaleForm), ["'shared'", "'per_channel'", "(min, max)"]),
    Sample(.displayOption(.scaleNumbers), ["scale=(min, max)"]),
    Sample(.displayOption(.invalidScale(low: "317", high: "-331")), ["317", "-331", "min < max"]),
    Sample(.displayOption(.channels), ["channels", "(first, stop)", "range(0, 32)"]),
    Sample(.displayOption(.classNames), ["class_names", "['cat', 'dog']"]),
    Sample(.layerInput(layer: "Dense 'Qlayer'", expected: .shape("(107,)"), got: "(109, 113)", fix: .reshape(to: "(439,)")), ["Dense 'Qlayer'", "(107,)", "(109, 113)", "reshape(x, (439,))"]),
    Sample(.layerInput(layer: "Dense 'Qlayer'", expected: .shape("(107,)"), got: "(109, 113)", fix: nil), ["Dense 'Qlayer'", "(107,)", "(109, 113)"]),
    Sample(.layerInput(layer: "Dense 'Qlayer'", expected: .atLeastOneInput, got: nil, fix: nil), ["Dense 'Qlayer'"]),
    Sample(.windowTooLarge(layer: "Qlayer", window: "127x131", input: "137x139", fix: .paddingSameOrSmaller(parameter: "Qsize")), ["Qlayer", "127x131", "137x139", "padding='same'", "Qsize"]),
    Sample(.unequalShapes(layer: "Qlayer", requirement: .equalExceptAxis(443), shapes: ["(149,)", "(151,)"]), ["Qlayer", "443", "(149,)", "(151,)"]),
    Sample(.layerFailure(layer: "Qlayer", kind: .value, detail: .invalidArgument(operation: "Qop", reason: .listedTwice(parameter: "Qdetail"))), ["Qlayer", "Qop", "Qdetail"]),
    Sample(.handWeights(layer: "Qlayer", expected: "(157, 163)", got: "(167,)"), ["Qlayer", "(157, 163)", "(167,)", "weights="]),
    Sample(.handWeights(layer: "Qlayer", expected: "(449,)", got: "(457,)", bias: true), ["Qlayer", "(449,)", "(457,)", "weights=", "bias"]),
    Sample(.notPositive(function: "Qf", parameter: "Qp"), ["Qf()", "Qp"]),
    Sample(.unknownInputShape(model: "Qmodel"), ["Qmodel", "input_shape="]),
    Sample(.notCalledYet(layer: "Qlayer"), ["Qlayer", "input_shape="]),
    Sample(.noSuchLayer(name: "Qname", model: "Qmodel"), ["Qname", "Qmodel"]),
    Sample(.disconnectedModel(model: "Qmodel"), ["Qmodel", "Input"]),
    Sample(.notSequential(model: "Qmodel"), ["Qmodel", "Model"]),
    Sample(.keyNotFound(key: "'Qkey'", known: ["'Qa'", "'Qb'"]), ["'Qkey'", "'Qa'", "'Qb'", "d.get(key)"]),
    Sample(.keyNotFound(key: "'Qkey'", known: []), ["'Qkey'"]),
    Sample(.unhashable("Qtype"), ["Qtype"]),
    Sample(.unsupportedForm(.setLiteral), ["{a, b}", "[a, b]"]),
    Sample(.unsupportedForm(.dictComprehension), ["d = {}", "d[key] = value"]),
    Sample(.unsupportedForm(.dictUnpacking), ["'**'", "d.copy()", "d.update(other)"]),
    Sample(.readOnlyAttribute(type: "Qtype", name: "Qattr"), ["Qtype", "Qattr"]),
    Sample(.noModule("Qpandas"), ["'Qpandas'", "numpy"]),
    Sample(.notInModule(module: "Qnp", name: "Qname", instead: .subplots), ["Qnp.Qname", "plt.subplot(rows, columns, i)", "plt.imshow(...)"]),
    Sample(.noModule("pandas"), ["'pandas'", "style.background_gradient"]),
    Sample(.notInModule(module: "Qnp", name: "Qname", instead: nil), ["Qnp.Qname", "help()"]),
    Sample(.unknownMagic("%Qmagic"), ["%Qmagic", "%time", "%timeit", "%matplotlib"]),
    Sample(.ambiguousTruth(shape: [307, 311]), ["(307, 311)", "95477", "all(...)", "any(...)", "allclose(a, b)", "array_equal(a, b)"]),
    Sample(.notOneValue(shape: [313]), ["item()", "(313,)", "x[0, 0]"]),
    Sample(.axisIndexOutOfRange(result: true, axis: 523, index: 541, count: 547), ["523", "541", "547"]),
    Sample(.kernelTooLarge(layer: "Dense 'Qlayer'", name: "Qname", shape: [557, 563], bytes: 4_000_000, limit: 1024), ["Dense 'Qlayer'", "Qname", "(557, 563)", "3.8 MiB", "1.0 KiB"]),
    Sample(.invertNumbers, ["'~'", "~(x > 0)"]),
    Sample(.tensorProblem(.axisOutOfRange(operation: "Qop", axis: 467, rank: 479)), ["Qop", "467", "479"]),
    Sample(.unsupportedForm(.tryStatement), ["'try'", "if key in d:"]),
    Sample(.unsupportedForm(.classDefinition), ["'class'", "Sequential([...])", "Model(inputs, outputs)", "def"]),
    Sample(.unsupportedForm(.withStatement), ["'with'"]),
    Sample(.unsupportedForm(.lambda), ["'lambda'", "def name(x): return ..."]),
    Sample(.unsupportedForm(.yield), ["'yield'", "return"]),
    Sample(.unsupportedForm(.del), ["'del'", "xs.pop(i)", "d.pop(key)"]),
    Sample(.unsupportedForm(.raise), ["'raise'", "assert condition, \"message\""]),
    Sample(.unsupportedForm(.nonlocal), ["'nonlocal'", "global"]),
    Sample(.unsupportedForm(.shellCommand), ["'!'", "IPython"]),
    Sample(.unsupportedForm(.starParameters), ["'*'", "'**'"]),
  ] + trainingSamples

  /// Every training problem, with the values its sentence must carry.
  static let trainingSamples: [Sample] = [
    Sample(.training(.notCompiled(model: "Qmodel", method: "Qfit")), ["Qfit()", "Qmodel.compile(", "Qmodel.Qfit(...)"]),
    Sample(.training(.unknownName(category: .optimizer, name: "Qadma", nearest: "Qadam", known: ["Qadam", "Qsgd"])), ["'Qadma'", "'Qadam'", "'Qsgd'"]),
    Sample(.training(.unknownName(category: .loss, name: "Qloss", nearest: nil, known: ["Qmse"])), ["'Qloss'", "'Qmse'"]),
    Sample(.training(.labelsDoNotFitLoss(loss: "Qloss", labels: .shape("(173, 3)"), output: "(None, 3)", fix: .classNumberLabels(classes: 461))), ["'Qloss'", "(173, 3)", "(None, 3)", "to_categorical(y, 461)"]),
    Sample(.training(.outputDoesNotMatchLabels(output: "(None, 179)", labels: .goingUpTo(463), fix: .moreOutputs(outputs: 179, classes: 464))), ["(None, 179)", "463", "Dense(464, activation=\"softmax\")"]),
    Sample(.training(.outputDoesNotMatchLabels(output: "(None, 179)", labels: .shape("(181,)"), fix: nil)), ["(None, 179)", "(181,)"]),
    Sample(.training(.lengthMismatch(x: 191, y: 193)), ["191", "193"]),
    Sample(.training(.emptyData(what: .x)), ["x"]),
    Sample(.training(.validationSplit(1.5)), ["validation_split", "1.5"]),
    Sample(.training(.interrupted(epoch: 197, epochs: 199, step: 211, steps: 223)), ["197/199", "211/223", "fit(...)"]),
    Sample(.training(.notTrainable(model: "Qmodel")), ["Qmodel", "trainable = False"]),
    Sample(.training(.weightCount(owner: "Qowner", expected: ["(241, 251)", "(257,)"], got: 263)), ["Qowner", "set_weights()", "(241, 251)", "(257,)", "263"]),
    Sample(.training(.weightShape(owner: "Qowner", given: "(269,)", expected: "(271,)")), ["Qowner", "(269,)", "(271,)"]),
    Sample(.training(.fileArrayCount(path: "Qpath", held: 277, expected: 281)), ["'Qpath'", "277", "281"]),
    Sample(.training(.fileArrayShape(path: "Qpath", name: "Qname", shape: "(283,)", expected: "(293,)")), ["'Qpath'", "'Qname'", "(283,)", "(293,)"]),
    Sample(.training(.fileUnreadable(path: "Qpath", reason: .invalidArgument(operation: "Qop", reason: .noGradient(parameter: "Qreason")))), ["'Qpath'", "Qop", "Qreason"]),
    Sample(.training(.notFinite(epoch: 227, step: 229)), ["227", "229", "255"]),
    Sample(.training(.batchTooLarge(batch: 233, bytes: 4_000_000, limit: 1024, fits: 239)), ["233", "3.8 MiB", "1.0 KiB", "batch_size=239"]),
  ]

  /// A new training problem does not compile here until it has a sample above.
  /// What to write instead of a module or member CNN Lab lacks, in both languages.
  @Test func everyModuleAdviceHasKoreanText() {
    let all: [ModuleAdvice] = [
      .tfData, .gradientTape, .seedArgument, .plotModel, .randomRand, .randomRandom, .randomRandn, .randomNormal,
      .randomRandint, .plotLines, .subplots, .histogram, .savefig, .pandas, .torch, .d2l, .openCV, .pillow,
      .scikitLearn, .seaborn,
    ]
    for advice in all {
      // A new case fails to compile here until it is listed above.
      switch advice {
      case .tfData, .gradientTape, .seedArgument, .plotModel, .randomRand, .randomRandom, .randomRandn, .randomNormal,
        .randomRandint, .plotLines, .subplots, .histogram, .savefig, .pandas, .torch, .d2l, .openCV, .pillow,
        .scikitLearn, .seaborn:
        break
      }
      expectTranslated(advice.text, advice.koreanText, keeping: Self.code(in: advice.text), "\(advice)")
    }
  }

  @Test func everyTrainingProblemHasASample() {
    func index(_ problem: TrainingProblem) -> Int {
      switch problem {
      case .notCompiled: 0
      case .unknownName: 1
      case .labelsDoNotFitLoss: 2
      case .outputDoesNotMatchLabels: 3
      case .lengthMismatch: 4
      case .emptyData: 5
      case .validationSplit: 6
      case .interrupted: 7
      case .notTrainable: 8
      case .weightCount: 9
      case .weightShape: 10
      case .fileArrayCount: 11
      case .fileArrayShape: 12
      case .fileUnreadable: 13
      case .notFinite: 14
      case .batchTooLarge: 15
      }
    }
    var covered = Set<Int>()
    for sample in Self.trainingSamples {
      if case .training(let problem) = sample.message { covered.insert(index(problem)) }
    }
    #expect(covered == Set(0...15))
  }

  @Test func everyCaseHasASample() {
    let covered = Set(Self.samples.map { Self.index($0.message) })
    let missing = (0..<Self.caseCount).filter { !covered.contains($0) }
    #expect(missing.isEmpty, "cases without a sample: \(missing)")
  }

  /// Hangul syllables: the text is written in Korean, not copied from the English.
  static func hasHangul(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
  }

  func expectTranslated(_ english: String, _ korean: String, keeping values: [String], _ what: String) {
    #expect(!korean.isEmpty, "\(what): empty Korean text")
    #expect(korean != english, "\(what): the Korean text is the English one")
    #expect(Self.hasHangul(korean), "\(what): no Korean in '\(korean)'")
    for value in values {
      #expect(english.contains(value), "\(what): the sample value '\(value)' is not in the English '\(english)'")
      #expect(korean.contains(value), "\(what): '\(korean)' lost '\(value)' (English: '\(english)')")
    }
  }

  @Test func everyMessageHasKoreanTextKeepingItsValues() {
    for sample in Self.samples {
      let english = sample.message.text(in: .english)
      let korean = sample.message.text(in: .korean)
      // Messages whose whole text is the learner's own (an assert's message) stay as given.
      if case .assertionFailed(.some) = sample.message {
        #expect(korean == english)
        continue
      }
      expectTranslated(english, korean, keeping: sample.values, "\(sample.message)")
    }
  }

  @Test func everyEngineRefusalHasKoreanText() {
    let samples: [(TensorError, [String])] = [
      (.shapeMismatch(operation: "Qop", lhs: [2, 3], rhs: [5]), ["Qop", "(2, 3)", "(5,)"]),
      (.invalidShape(operation: "Qop", shape: [7, 11], expected: .weight(name: "Qweight", shape: [13])), ["Qop", "(7, 11)", "Qweight", "(13,)"]),
      (.windowDoesNotFit(operation: "Qop", input: [2, 2], window: [3, 3]), ["Qop", "2x2", "3x3", "padding=\"same\""]),
      (.axisOutOfRange(operation: "Qop", axis: 5, rank: 3), ["Qop", "5", "3"]),
      (.indexOutOfRange(operation: "Qop", index: 13, size: 4), ["Qop", "13", "4"]),
      (.resourceLimit(operation: "Qop", shape: [1000, 1000], bytes: 4_000_000, limit: 1024), ["Qop", "(1000, 1000)", "3.8 MiB", "1.0 KiB"]),
      (.memoryHeld(operation: "Qop", bytes: 3 << 30, held: 7 << 30, limit: 8 << 30), ["Qop", "3.0 GiB", "7.0 GiB", "8.0 GiB"]),
      (.invalidArgument(operation: "Qop", reason: .notPositive(argument: "Qarg", value: 0.5)), ["Qop", "Qarg", "0.5"]),
      (.cancelled, []),
    ]
    for (error, values) in samples {
      expectTranslated(error.description, error.koreanText, keeping: values, "\(error)")
    }
    let files: [(DatasetError, [String])] = [
      (.fileNotFound(path: "Qp.png"), ["Qp.png"]),
      (.unreadable(path: "Qp.png", reason: .system("Qreason")), ["Qp.png", "Qreason"]),
      (.unsupportedFormat(path: "Qp.gif"), ["Qp.gif", "PNG", "JPEG"]),
      (.invalidIDX(path: "Qp.idx", reason: .shapeBeyondFile([487, 491])), ["Qp.idx", "(487, 491)", "IDX"]),
      (.invalidGzip(path: "Qp.gz", reason: .bytesAfterEnd(499)), ["Qp.gz", "499", "gzip"]),
      (.invalidNPZ(path: "Qp.npz", reason: .inEntry("Qentry", .checksumMismatch)), ["Qp.npz", "Qentry", ".npz", "CRC-32"]),
      (.invalidNPY(path: "Qp.npz", entry: "Qentry", reason: .text("<U7")), ["Qp.npz", "Qentry", "<U7"]),
      (.invalidNPY(path: "Qp.npy", entry: nil, reason: .npyVersion(major: 503, minor: 509)), ["Qp.npy", "503.509"]),
      (.missingArray(path: "Qp.npz", name: "Qname", available: ["Qa", "Qb"]), ["Qp.npz", "Qname", "'Qa'", "'Qb'"]),
      (.inconsistentDataset(path: "Qp", reason: .imagesNotStacked(training: false, shape: [521])), ["Qp", "(521,)", "(n, height, width)"]),
      (.datasetNotFound(.fashionMNIST, searched: ["Qdir1", "Qdir2"]), ["Fashion-MNIST", "Qdir1", "Qdir2", "dataset-fashion-mnist"]),
      (.datasetNotFound(.mnist, searched: ["Qdir"]), ["MNIST", "Qdir", "mnist.npz", "mnist.load_data(path=...)"]),
      (.incompleteDataset(.mnist, folder: "Qfolder", missing: ["Qfile"]), ["Qfolder", "MNIST", "Qfile"]),
      (.unwritable(path: "Qp", reason: .diskFull), ["Qp"]),
    ]
    for (error, values) in files {
      expectTranslated(error.description, error.koreanText, keeping: values, "\(error)")
    }
  }

  @Test func everyHintSuggestionAndNoteHasKoreanText() {
    let hints: [(Hint, [String])] = [
      (.closeBracket(")"), [")"]), (.indentBlock, ["4"]), (.useDoubleEqualsToCompare, ["=="]),
      (.wholeNumberIndex, ["int(...)"]), (.callHelp("Qname"), ["help(Qname)"]),
      (.callMethodHelp(type: "Qtype", name: "Qname"), ["help(\"Qtype.Qname\")"]), (.reshapeTo("(28, 28)"), ["reshape(x, (28, 28))"]),
    ]
    for (hint, values) in hints {
      expectTranslated(hint.text(in: .english), hint.text(in: .korean), keeping: values, "\(hint)")
    }
    let suggestions: [(Suggestion, [String])] = [
      (.didYouMean("print"), ["'print'"]),
      (.validKeywords(nearest: "padding", all: ["padding", "strides"]), ["'padding'", "'strides'"]),
      (.validKeywords(nearest: nil, all: ["padding"]), ["'padding'"]),
      (.validKeywords(nearest: nil, all: []), []),
    ]
    for (suggestion, values) in suggestions {
      expectTranslated(suggestion.text(in: .english), suggestion.text(in: .korean), keeping: values, "\(suggestion)")
    }
    let notes: [(Note, [String])] = [
      (.calledFrom(function: "Qf", file: "cell[3]", line: 4, column: 9), ["Qf()", "cell[3]:4:9"]),
      (.framesOmitted(12), ["12"]),
      (.errorsOmitted(7), ["7"]),
    ]
    for (note, values) in notes {
      expectTranslated(note.text(in: .english), note.text(in: .korean), keeping: values, "\(note)")
    }
  }

  /// What the parser names in a syntax error, in Korean; a new kind of part does not compile
  /// here until it is listed.
  @Test func everySyntaxPartHasKoreanText() {
    func listed(_ part: SyntaxPart) -> Bool {
      switch part {
      case .expression, .index, .functionName, .parameterName, .attributeNameAfterDot, .nameAfterGlobal,
        .fstringClosingBrace, .conditionalElse, .endOfLine, .endOfExpression, .endOfBlock, .endOfCell,
        .indentedLine, .number, .string, .symbols, .colonAfter, .name, .keyword, .colonBetweenKeyAndValue, .statementToTime, .nameToLookUp, .nameToImport,
        .moduleName, .nameAfterAs:
        return true
      }
    }
    let parts: [(SyntaxPart, [String])] = [
      (.expression, []), (.index, []), (.functionName, []), (.parameterName, []),
      (.attributeNameAfterDot, ["'.'"]), (.nameAfterGlobal, ["'global'"]), (.fstringClosingBrace, ["'}'", "f-string"]),
      (.conditionalElse, ["'else'", "'a if condition else b'"]), (.endOfLine, []), (.endOfExpression, []),
      (.endOfBlock, []), (.endOfCell, []), (.indentedLine, []), (.number, []), (.string, []),
      (.symbols([",", ")"]), ["','", "')'"]), (.colonAfter(BlockHeader("while", line: 12)), ["':'", "'while'", "12"]),
      (.name("Qn"), ["'Qn'"]), (.keyword("Qk"), ["'Qk'"]), (.colonBetweenKeyAndValue, ["':'"]), (.statementToTime, []), (.nameToLookUp, []), (.nameToImport, []),
      (.moduleName, []), (.nameAfterAs, ["'as'"]),
    ]
    for (part, values) in parts {
      #expect(listed(part))
      expectTranslated(part.text, part.koreanText, keeping: values, "\(part)")
    }
    // A missing ':' reads as Korean, with the particle that follows 콜론.
    let colon = DiagnosticMessage.expected(.colonAfter(BlockHeader("for", line: 1)), found: .endOfLine).koreanText
    #expect(colon == "1번째 줄 'for' 끝의 ':'이 와야 할 곳에 줄의 끝이 있습니다")
    let bracket = DiagnosticMessage.expected(.symbols([",", ")"]), found: .number).koreanText
    #expect(bracket == "',' 또는 ')'가 와야 할 곳에 숫자가 있습니다")
  }

  /// Every help() paragraph of the registry has its Korean paragraph, which keeps the English
  /// one's code: its quoted strings, its numbers and the calls in its examples.
  @Test func everyHelpParagraphHasKoreanText() {
    let registry = BuiltinRegistry.standard()
    var entries: [(KoreanHelp.Key, String)] = []
    for (name, f) in registry.functions { entries.append((.function(name), f.doc)) }
    for (name, c) in registry.constants {
      entries.append((.constant(name), c.doc))
      // A data set's module: its functions' paragraphs are keyed like methods.
      if case .namespace(let n) = c.value {
        for (member, value) in n.members {
          if case .builtin(let b) = value { entries.append((.method(type: name, name: member), b.doc)) }
        }
      }
    }
    for (type, methods) in registry.methods {
      for (name, m) in methods { entries.append((.method(type: type, name: name), m.doc)) }
    }
    for (type, properties) in registry.properties {
      for (name, p) in properties { entries.append((.property(type: type, name: name), p.doc)) }
    }
    for (type, doc) in registry.typeDocs { entries.append((.type(type), doc)) }
    #expect(entries.count > 100)
    for (key, english) in entries {
      guard let korean = KoreanHelp.text(for: key) else {
        Issue.record("no Korean help for \(key)")
        continue
      }
      expectTranslated(english, korean, keeping: Self.code(in: english), "\(key)")
    }
  }

  /// The parts of an English paragraph that are code or values: "quoted" strings, numbers,
  /// and `name(` calls.
  static func code(in text: String) -> [String] {
    var found: [String] = []
    var quoted: String?
    var word = ""
    func endWord(_ next: Character?) {
      if !word.isEmpty, word.first!.isNumber || next == "(" { found.append(word) }
      word = ""
    }
    for c in text {
      if c == "\"" {
        if let q = quoted { found.append("\"" + q + "\""); quoted = nil } else { quoted = "" }
        continue
      }
      if quoted != nil { quoted!.append(c); continue }
      if c.isLetter || c.isNumber || c == "_" || (c == "." && word.first?.isNumber == true) {
        word.append(c)
      } else {
        endWord(c)
      }
    }
    endWord(nil)
    return found.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
  }

  /// 이/가, 은/는, 을/를 follow the sound before them: digits as read in Korean (2 이, 3 삼),
  /// closing quotes and brackets silent.
  @Test func particlesFollowTheLastSound() {
    func index(_ i: Int) -> String { DiagnosticMessage.indexOutOfRange(type: "list", index: i, count: 1).koreanText }
    #expect(index(2).hasPrefix("인덱스 2는 "))
    #expect(index(3).hasPrefix("인덱스 3은 "))
    #expect(index(10).hasPrefix("인덱스 10은 "))
    #expect(index(-1).hasPrefix("인덱스 -1은 "))
    let shapes = TensorError.shapeMismatch(operation: "'+'", lhs: [2, 3], rhs: [4]).koreanText
    #expect(shapes.contains("모양 (2, 3)과 (4,)는"))
    let shapes2 = TensorError.shapeMismatch(operation: "'+'", lhs: [2, 4], rhs: [3]).koreanText
    #expect(shapes2.contains("모양 (2, 4)와 (3,)은"))
    #expect(DiagnosticMessage.repeatedKeyword("padding").koreanText.contains("'padding'이 "))
    #expect(DiagnosticMessage.repeatedKeyword("strides").koreanText.contains("'strides'가 "))
    #expect(DiagnosticMessage.tooManyArguments(function: "len", maximum: 1, given: 2).koreanText.hasPrefix("len()은 "))
    #expect(DiagnosticMessage.tooManyArguments(function: "print", maximum: 1, given: 2).koreanText.hasPrefix("print()는 "))
    // 이라는 after a consonant, 라는 after a vowel; the particle after a phrase follows its last syllable.
    let adma = TrainingProblem.unknownName(category: .optimizer, name: "adma", nearest: "adam", known: ["adam"]).koreanText
    #expect(adma.hasPrefix("'adma'라는 옵티마이저는 없습니다: 'adam'을 쓰려던 것인가요? "))
    let loss = TrainingProblem.unknownName(category: .loss, name: "hinge_loss_n", nearest: nil, known: ["mse"]).koreanText
    #expect(loss.hasPrefix("'hinge_loss_n'이라는 손실 함수는 없습니다: "))
  }

  @Test func aKoreanInterpreterSpeaksKoreanAndKeepsPythonsErrorNames() {
    let interpreter = Interpreter(language: .korean)
    let host = RecordingHost()
    guard case .failure(let error) = interpreter.run("x = 1\npirnt(x)", cellID: 3, host: host) else {
      Issue.record("the cell should fail")
      return
    }
    #expect(error.kind.name == "NameError")
    #expect(error.message == "'pirnt' 이름이 정의되지 않았습니다")
    let text = error.plainTraceback.joined(separator: "\n")
    #expect(text.hasPrefix("NameError: 'pirnt' 이름이 정의되지 않았습니다"))
    #expect(text.contains("--> cell[3]:2:1"))
    #expect(text.contains("= 도움말: 혹시 'print'인가요?"))
    // help() pages in Korean, with the signature as it is.
    _ = interpreter.run("help(conv2d)", cellID: 4, host: host)
    let page = host.pages.last ?? ""
    #expect(page.hasPrefix("conv2d(x, k, "))
    #expect(page.contains("교차 상관"))
    // An imported module's page and a data set's module page, in Korean too.
    _ = interpreter.run("import tensorflow as tf\nhelp(tf)", cellID: 5, host: host)
    let module = host.pages.last ?? ""
    #expect(module.hasPrefix("모듈 tensorflow: 멤버는 CNN Lab의 내장 함수입니다."))
    #expect(module.contains("GradientTape  (CNN Lab에 없음: model.compile(...)과 model.fit(...)으로 학습하세요)"))
    #expect(module.contains("keras  (모듈 tensorflow.keras)"))
    _ = interpreter.run("help(fashion_mnist)", cellID: 6, host: host)
    let data = host.pages.last ?? ""
    #expect(data.hasPrefix("모듈 keras.datasets.fashion_mnist"))
    #expect(data.contains("멤버:\n  .load_data()  Fashion-MNIST의 옷 사진 70,000장"))
    // The English interpreter is unchanged.
    guard case .failure(let english) = Interpreter().run("pirnt(1)", cellID: 1, host: host) else { return }
    #expect(english.message == "name 'pirnt' is not defined")
  }
}
