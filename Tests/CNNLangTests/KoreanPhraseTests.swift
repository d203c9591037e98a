import CNNLang
import Datasets
import Foundation
import TensorEngine
import Testing

/// The phrases callers put inside a message (what an argument should be, a layer's fix, which
/// labels, ...) exist in both languages, so a Korean sentence carries no English phrase.
@Suite struct KoreanPhraseTests {
  /// Hangul syllables: the phrase is written in Korean.
  static func hasHangul(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
  }

  /// Checks every listed case of one phrase enum; `index` must name each case (a new case
  /// does not compile there until it has a number) and `count` how many there are, so that
  /// `allCases` cannot leave one out. Phrases that are code alone (`x`, a shape) are the same
  /// in both languages and listed in `code`.
  func expectEveryCase<Phrase: LearnerText & Equatable>(
    _ all: [Phrase], count: Int, index: (Phrase) -> Int, code: [Phrase] = [], _ what: String
  ) {
    #expect(Set(all.map(index)) == Set(0..<count), "\(what): allCases leaves out a case")
    for phrase in all {
      #expect(!phrase.text.isEmpty && !phrase.koreanText.isEmpty, "\(what) \(phrase): empty text")
      if code.contains(phrase) {
        #expect(phrase.text == phrase.koreanText, "\(what) \(phrase): code reads the same in both languages")
        continue
      }
      #expect(phrase.text != phrase.koreanText, "\(what) \(phrase): the Korean is the English")
      #expect(Self.hasHangul(phrase.koreanText), "\(what) \(phrase): no Korean in '\(phrase.koreanText)'")
      #expect(Self.englishRuns(in: phrase.koreanText, learnerNames: []).isEmpty, "\(what) \(phrase): English in '\(phrase.koreanText)'")
    }
  }

  @Test func everyArgumentExpectationHasKoreanText() {
    func index(_ e: ArgumentExpectation) -> Int {
      switch e {
      case .number: 0
      case .string: 1
      case .boolean: 2
      case .wholeNumbers: 3
      case .tensor: 4
      case .tensorWithAxis: 5
      case .tensorOrNestedList: 6
      case .numberOrNestedLists: 7
      case .tensorNotModel: 8
      case .tensorList: 9
      case .layer: 10
      case .layers: 11
      case .model: 12
      case .modelOrLayer: 13
      case .modelOrBuiltBlock: 14
      case .layerWithKernel: 15
      case .layerWithFilters: 16
      case .kernelOrKernelAndBias: 17
      case .weightArrays: 18
      case .symbolicTensor: 19
      case .oneSymbolicTensor: 20
      case .dict: 21
      case .dictOrPairs: 22
      case .sized: 23
      case .strings: 24
      case .names: 25
      case .stream: 26
      case .shape: 27
      case .shapeOfWholeNumbers: 28
      case .shapeOfPositiveNumbers: 29
      case .tupleOfWholeNumbers: 30
      case .wholeNumberOrPair: 31
      case .numberOrPair: 32
      case .numberOrPairs: 33
      case .zeroPadding: 34
      case .paddingName: 35
      case .position: 36
      case .dtype: 37
      case .activation: 38
      case .optimizer: 39
      case .loss: 40
      case .metricNames: 41
      case .oneMetricName: 42
      case .callbacks: 43
      case .validationPair: 44
      case .subplotPosition: 45
      case .labels: 46
      case .classNumbers: 47
      case .classNumbersOrProbabilities: 48
      case .positiveWholeNumber: 49
      case .pairOfThem: 50
      case .dropoutRate: 51
      case .nonEmptyString: 52
      case .somePosition: 53
      case .imageFile: 54
      case .function: 55
      case .widget: 56
      case .widgetValuePair: 57
      case .nonEmptyOptions: 58
      case .widgets: 59
      case .nonEmptyChoices: 60
      case .increasingRange: 61
      case .positiveStepRange: 62
      case .modelWithMaps: 63
      }
    }
    expectEveryCase(ArgumentExpectation.allCases, count: 64, index: index, "ArgumentExpectation")
  }

  @Test func everyLayerPhraseHasKoreanText() {
    func expectation(_ e: LayerExpectation) -> Int {
      switch e {
      case .shape: 0
      case .shapeOrBatch: 1
      case .batch: 2
      case .vector: 3
      case .atLeastOneInput: 4
      case .oneInput: 5
      case .channelsDivisibleByGroups: 6
      }
    }
    expectEveryCase(LayerExpectation.allCases, count: 7, index: expectation, code: [.shape("(H, W, C)")], "LayerExpectation")
    func fix(_ f: LayerFix) -> Int {
      switch f {
      case .reshapeToImage: 0
      case .reshapeToSequence: 1
      case .flattenBeforeDense: 2
      case .flattenOrBatchOfVectors: 3
      case .reshape: 4
      case .pad: 5
      case .newLayerForNewShape: 6
      case .paddingSameOrSmaller: 7
      }
    }
    expectEveryCase(LayerFix.allCases, count: 8, index: fix, "LayerFix")
    func requirement(_ r: ShapeRequirement) -> Int {
      switch r {
      case .equalShapes: 0
      case .sameRank: 1
      case .equalExceptAxis: 2
      }
    }
    expectEveryCase(ShapeRequirement.allCases, count: 3, index: requirement, "ShapeRequirement")
  }

  @Test func everyValuePhraseHasKoreanText() {
    func size(_ s: SizeRequest) -> Int {
      switch s {
      case .listOfNumbers: 0
      case .listOfItems: 1
      case .tupleOfItems: 2
      case .stringOfBytes: 3
      case .tensorOfValues: 4
      }
    }
    expectEveryCase(SizeRequest.allCases, count: 5, index: size, "SizeRequest")
    func target(_ t: AssignmentTarget) -> Int {
      switch t {
      case .functionCall: 0
      case .literal: 1
      case .attribute: 2
      case .comparison: 3
      case .expression: 4
      case .severalNames: 5
      case .severalNamesWith: 6
      }
    }
    expectEveryCase(AssignmentTarget.allCases, count: 7, index: target, "AssignmentTarget")
    func refusal(_ r: ExplainRefusal) -> Int {
      switch r {
      case .notComputed: 0
      case .comparison: 1
      }
    }
    expectEveryCase(ExplainRefusal.allCases, count: 2, index: refusal, "ExplainRefusal")
    func given(_ g: IndexGiven) -> Int {
      switch g {
      case .code: 0
      case .indices: 1
      case .type: 2
      }
    }
    expectEveryCase(IndexGiven.allCases, count: 3, index: given, code: [.code("0.5")], "IndexGiven")
    func problem(_ p: TensorProblem) -> Int {
      switch p {
      case .ellipsisTwice: 0
      case .nestedPositions: 1
      case .oneAdvancedIndex: 2
      case .nestedTooDeep: 3
      case .labelAboveClasses: 4
      case .axisOutOfRange: 5
      case .axisNotOne: 6
      case .notAnImage: 7
      case .maskShape: 8
      }
    }
    expectEveryCase(TensorProblem.allCases, count: 9, index: problem, "TensorProblem")
  }

  @Test func everyTrainingPhraseHasKoreanText() {
    func fix(_ f: TrainingFix) -> Int {
      switch f {
      case .oneHotLabels: 0
      case .classNumberLabels: 1
      case .binaryNeedsOneOutput: 2
      case .wholeNumberLabels: 3
      case .moreOutputs(let outputs, _): outputs == 1 ? 4 : 5
      }
    }
    expectEveryCase(TrainingFix.allCases, count: 6, index: fix, "TrainingFix")
    func labels(_ l: LabelDescription) -> Int {
      switch l {
      case .shape: 0
      case .withValue: 1
      case .goingUpTo: 2
      }
    }
    expectEveryCase(LabelDescription.allCases, count: 3, index: labels, "LabelDescription")
    func part(_ p: DataPart) -> Int {
      switch p {
      case .x: 0
      case .validationSplit: 1
      case .trainingPart: 2
      }
    }
    expectEveryCase(DataPart.allCases, count: 3, index: part, code: [.x], "DataPart")
    func category(_ c: TrainingNameCategory) -> Int {
      switch c {
      case .optimizer: 0
      case .loss: 1
      case .metric: 2
      }
    }
    expectEveryCase(TrainingNameCategory.allCases, count: 3, index: category, "TrainingNameCategory")
  }

  @Test func everyFileDefectHasKoreanText() {
    func index(_ d: FileDefect) -> Int {
      switch d {
      case .system: 0
      case .isFolder: 1
      case .isPipe: 2
      case .isDevice: 3
      case .isSocket: 4
      case .notRegularFile: 5
      case .permissionDenied: 6
      case .folderMissing: 7
      case .isFolderForWriting: 8
      case .diskFull: 9
      case .noJPEGDecoder: 10
      case .pixelsBeyondBytes: 11
      case .notGzip: 12
      case .zlibStart: 13
      case .gzipCutShort: 14
      case .deflateCutShort: 15
      case .compressedDataDamaged: 16
      case .bytesAfterEnd: 17
      case .encrypted: 18
      case .localHeaderDamaged: 19
      case .dataPastEnd: 20
      case .storedSizesDiffer: 21
      case .compressionMethod: 22
      case .centralDirectoryMissing: 23
      case .notZip: 24
      case .splitArchive: 25
      case .zip64EndDamaged: 26
      case .directoryPastEnd: 27
      case .tooManyEntries: 28
      case .directoryDamaged: 29
      case .zip64SizesDamaged: 30
      case .entryOutsideData: 31
      case .moreBytesThanRecorded: 32
      case .fewerBytesThanRecorded: 33
      case .checksumMismatch: 34
      case .expandsTooMuch: 35
      case .inEntry: 36
      case .shorterThanIDXHeader: 37
      case .noIDXMagic: 38
      case .unknownIDXType: 39
      case .noDimensions: 40
      case .headerCutShort: 41
      case .shapeBeyondFile: 42
      case .fewerValuesThanShape: 43
      case .moreDataThanShape: 44
      case .noNPYMagic: 45
      case .npyVersion: 46
      case .headerTooLong: 47
      case .headerNotDictionary: 48
      case .structuredArray: 49
      case .noElementType: 50
      case .noFortranOrder: 51
      case .noShape: 52
      case .shapeNotWhole: 53
      case .fortranOrder: 54
      case .emptyElementType: 55
      case .pythonObjects: 56
      case .text: 57
      case .complexNumbers: 58
      case .dates: 59
      case .unknownElementType: 60
      case .imagesNotStacked: 61
      case .labelsDoNotMatchImages: 62
      case .emptyArrayName: 63
      case .repeatedArrayName: 64
      case .valuesDoNotFillShape: 65
      case .archiveTooLarge: 66
      }
    }
    let all: [FileDefect] = [
    .system("Input/output error"),
    .isFolder,
    .isPipe,
    .isDevice,
    .isSocket,
    .notRegularFile,
    .permissionDenied,
    .folderMissing,
    .isFolderForWriting,
    .diskFull,
    .noJPEGDecoder,
    .pixelsBeyondBytes(width: 20000, height: 20000, bytes: 64),
    .notGzip,
    .zlibStart(code: -2),
    .gzipCutShort,
    .deflateCutShort,
    .compressedDataDamaged(detail: "incorrect data check"),
    .bytesAfterEnd(3),
    .encrypted,
    .localHeaderDamaged,
    .dataPastEnd,
    .storedSizesDiffer,
    .compressionMethod(12),
    .centralDirectoryMissing,
    .notZip,
    .splitArchive,
    .zip64EndDamaged,
    .directoryPastEnd,
    .tooManyEntries(70000),
    .directoryDamaged,
    .zip64SizesDamaged(entry: "x.npy"),
    .entryOutsideData(entry: "x.npy"),
    .moreBytesThanRecorded(recorded: 80),
    .fewerBytesThanRecorded(held: 40, recorded: 80),
    .checksumMismatch,
    .expandsTooMuch(from: 10, to: 1000000),
    .inEntry("x.npy", .checksumMismatch),
    .shorterThanIDXHeader,
    .noIDXMagic,
    .unknownIDXType(0x0a),
    .noDimensions,
    .headerCutShort,
    .shapeBeyondFile([3, 3]),
    .fewerValuesThanShape([4]),
    .moreDataThanShape([2]),
    .noNPYMagic,
    .npyVersion(major: 4, minor: 0),
    .headerTooLong(length: 200000, maximum: 10000),
    .headerNotDictionary,
    .structuredArray,
    .noElementType,
    .noFortranOrder,
    .noShape,
    .shapeNotWhole,
    .fortranOrder,
    .emptyElementType(""),
    .pythonObjects,
    .text("<U7"),
    .complexNumbers("<c16"),
    .dates("<M8[D]"),
    .unknownElementType("<V8"),
    .imagesNotStacked(training: true, shape: [3, 4]),
    .labelsDoNotMatchImages(training: false, images: 3, labels: [2]),
    .emptyArrayName,
    .repeatedArrayName("a"),
    .valuesDoNotFillShape(name: "a", count: 3, shape: [2, 2]),
    .archiveTooLarge,
    ]
    expectEveryCase(all, count: 67, index: index, "FileDefect")
  }

  /// The engine's refusals: what a shape should be, why an argument cannot be used.
  @Test func everyEnginePhraseHasKoreanText() {
    func indexShapeExpectation(_ e: ShapeExpectation) -> Int {
      switch e {
      case .image: 0
      case .imageWithPixel: 1
      case .sequence: 2
      case .atLeastOneAxis: 3
      case .valuePerChannel: 4
      case .denseWeights: 5
      case .conv2DKernel: 6
      case .conv1DKernel: 7
      case .oneChannel: 8
      case .weight: 9
      case .paddingGradient: 10
      case .predictionsForOneSample: 11
      case .predictionsWithClassAxis: 12
      case .classNumbers: 13
      case .oneHotLabels: 14
      case .labelsLikePredictions: 15
      }
    }
    let allShapeExpectation: [ShapeExpectation] = [
      .image,
      .imageWithPixel,
      .sequence,
      .atLeastOneAxis,
      .valuePerChannel,
      .denseWeights,
      .conv2DKernel,
      .conv1DKernel,
      .oneChannel(kernel: [3, 3], channels: 3),
      .weight(name: "dense/kernel", shape: [4, 2]),
      .paddingGradient(rows: 2, columns: 2),
      .predictionsForOneSample,
      .predictionsWithClassAxis,
      .classNumbers(perSample: [32], predictions: [32, 10], oneHot: true),
      .oneHotLabels(predictions: [32, 10], classNumbers: true),
      .labelsLikePredictions([32, 1]),
    ]
    expectEveryCase(allShapeExpectation, count: 16, index: indexShapeExpectation, "ShapeExpectation")
    func indexArgumentProblem(_ e: ArgumentProblem) -> Int {
      switch e {
      case .negativePadding: 0
      case .poolSizeAndStrides: 1
      case .poolPadding: 2
      case .stridesAndDilation: 3
      case .groups: 4
      case .noFilters: 5
      case .dropoutRate: 6
      case .noInput: 7
      case .noTensor: 8
      case .piecesDoNotMakeAxis: 9
      case .negativeSize: 10
      case .emptyReduction: 11
      case .notAShape: 12
      case .notAnOrdering: 13
      case .tooManyIndices: 14
      case .stepZero: 15
      case .learningRate: 16
      case .clipBoth: 17
      case .notPositive: 18
      case .momentum: 19
      case .listedTwice: 20
      case .noGradient: 21
      case .labelNotWhole: 22
      case .labelNotClass: 23
      case .unexpected: 24
      }
    }
    let allArgumentProblem: [ArgumentProblem] = [
      .negativePadding,
      .poolSizeAndStrides,
      .poolPadding,
      .stridesAndDilation,
      .groups(0),
      .noFilters(kernel: [3, 3, 1, 0]),
      .dropoutRate(1.5),
      .noInput,
      .noTensor,
      .piecesDoNotMakeAxis(sizes: [2, 3], axis: 6),
      .negativeSize([2, -1]),
      .emptyReduction(name: "max"),
      .notAShape([2, -5]),
      .notAnOrdering(permutation: [0, 0], rank: 2),
      .tooManyIndices(given: 3, rank: 2),
      .stepZero,
      .learningRate(.nan),
      .clipBoth,
      .notPositive(argument: "clipnorm", value: -1),
      .momentum(1.5),
      .listedTwice(parameter: "dense/bias"),
      .noGradient(parameter: "dense/bias"),
      .labelNotWhole(label: 2.5, sample: 0, classes: 10),
      .labelNotClass(label: 10, sample: 1, classes: 10),
      .unexpected("Qbug"),
    ]
    expectEveryCase(allArgumentProblem, count: 25, index: indexArgumentProblem, "ArgumentProblem")
  }

  // MARK: Real cells under the Korean kernel

  /// Runs of two or more English words in a Korean reply, outside code. What counts as code:
  /// - text in backticks or in single or double quotes (`'dense_1'`, `"same"`);
  /// - a word with a character prose does not have: a digit or one of `( ) [ ] { } = _ . * / < >`
  ///   (`Flatten()`, `input_shape=`, `(28, 28, 1)`, `model.fit`);
  /// - Python's keywords and built-in type names (`True`, `None`, `list`, `str`), and the
  ///   streams `stdout` and `stderr`;
  /// - the learner's own names, every identifier of the cell (`model`, `x_train`);
  /// - the product's name, `CNN Lab`.
  /// A Korean particle or ending written onto a word (`tensor인데`, `list나`) is not part of it.
  /// A run is two words of Latin letters alone, one right after the other with one space and
  /// no punctuation between them (`a number`, `a tensor인데`); a list such as
  /// `Conv2D, Conv1D, Dense` names things and is not a run.
  static func englishRuns(in text: String, learnerNames: Set<String>) -> [String] {
    var prose = text.replacingOccurrences(of: "CNN Lab", with: "§")
    for quote in ["`", "'", "\""] {
      // Non-greedy: each quoted span becomes a mark that breaks runs.
      while let open = prose.range(of: quote),
        let close = prose.range(of: quote, range: open.upperBound..<prose.endIndex)
      {
        prose.replaceSubrange(open.lowerBound..<close.upperBound, with: "§")
      }
    }
    let codeCharacters = Set("()[]{}=_.*/<>0123456789")
    let words = prose.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    func isEnglishWord(_ word: String) -> Bool {
      // The word without the Korean written onto its end.
      let stem = String(word.prefix { !hasHangul(String($0)) })
      return !stem.isEmpty && !learnerNames.contains(stem) && !pythonNames.contains(stem)
        && !word.contains(where: { codeCharacters.contains($0) }) && stem.allSatisfy { $0.isASCII && $0.isLetter }
    }
    var runs: [String] = []
    for (first, second) in zip(words, words.dropFirst()) where isEnglishWord(first) && isEnglishWord(second) {
      // A word that ends in Korean or punctuation ends the run.
      if first.last?.isASCII == true && first.last?.isLetter == true {
        runs.append(first + " " + second)
      }
    }
    return runs
  }

  static let pythonNames: Set<String> = [
    "True", "False", "None", "and", "or", "not", "in", "is", "if", "elif", "else", "for", "while", "def", "return",
    "import", "from", "as", "global", "assert", "break", "continue", "pass", "list", "tuple", "dict", "str", "int",
    "float", "bool", "range", "stdout", "stderr",
  ]

  /// The identifiers of a cell: the learner's names.
  static func identifiers(in code: String) -> Set<String> {
    var names = Set<String>()
    var word = ""
    for c in code + " " {
      if c.isLetter || c.isNumber || c == "_" {
        word.append(c)
      } else {
        if let first = word.first, !first.isNumber { names.insert(word) }
        word = ""
      }
    }
    return names
  }

  /// The prose of a traceback: the error's sentence (after `TypeError: `), its notes and its
  /// help, without the location and the learner's source line under it.
  static func prose(of error: LanguageError) -> [String] {
    error.plainTraceback.enumerated().compactMap { (i, line) in
      if i == 0 { return line.split(separator: ":", maxSplits: 1).last.map { String($0) } }
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("= ") { return String(trimmed.dropFirst(2)) }
      return nil
    }
  }

  /// Cells that fail through the phrases above, each with words its Korean sentence must hold.
  static let badCells: [(code: String, expected: [String])] = [
    ("conv2d(\"abc\", filter(\"vertical_edge\"))", ["텐서"]),
    ("m = Sequential([Conv2D(4, 3, input_shape=(8, 8, 1)), Dense(10)])", ["Flatten()", "넣으세요"]),
    ("m = Sequential([MaxPooling2D(5, input_shape=(3, 3, 1))])", ["padding='same'", "pool_size"]),
    ("x = [[1, 2], [3]]\ny = tensor(x)", ["[1]", "길이"]),
    ("m = Sequential([Dense(2, input_shape=(4,))])\nm.compile(optimizer=3, loss=\"mse\")", ["옵티마이저"]),
    ("m = Sequential([Dense(3, activation=\"softmax\", input_shape=(4,))])\n"
      + "m.compile(optimizer=\"sgd\", loss=\"sparse_categorical_crossentropy\")\n"
      + "m.fit(ones((2, 4)), tensor([0, 7]), epochs=1, verbose=0)", ["7까지", "Dense(8, activation=\"softmax\")"]),
    ("m = Sequential([Dense(3, activation=\"softmax\", input_shape=(4,))])\n"
      + "m.compile(optimizer=\"sgd\", loss=\"categorical_crossentropy\")\n"
      + "m.fit(ones((2, 4)), tensor([0, 2]), epochs=1, verbose=0)", ["클래스 번호", "to_categorical(y, 3)"]),
    ("explain(ones((3, 3)) + 1, at=(0, 0))", ["계산 기록"]),
    ("xs = [1, 2]\nxs[1.5]", ["1.5", "int(...)"]),
    ("f(x) = 3", ["함수 호출"]),
    ("x = zeros((4, 4))\nx[1, 2, 3]", ["인덱스가 3개"]),
    ("x = zeros((4, 4))\nx[0, 9]", ["텐서의 축 1"]),
    ("x = zeros((4, 4))\ny = x[ones((3,)) > 0]", ["불리언 마스크"]),
    ("x = zeros((4, 4))\ny = ~x", ["~(x > 0)"]),
    ("m = Sequential([Flatten(input_shape=(100000, 100000, 3)), Dense(1000)])\nshow_filters(m.layers[1])", ["dense의 커널"]),
    ("y = conv2d(zeros((4,)), filter(\"vertical_edge\"))", ["이미지 (H, W)"]),
    ("y = Dropout(0.5)(ones((3, 3)))\nz = reshape(y, (2, -5))", ["(2, -5)"]),
    ("x = zeros((4, 4))\nx[[[0, 1]]]", ["x[[0, 3, 5]]"]),
    ("y = expand_dims(zeros((2, 2)), 5)", ["축 5는"]),
    ("xs = list(range(10**9))", ["1000000000", "10000000"]),
    ("d = Dropout(1.5)", ["0 이상 1 미만"]),
    ("def f(*args):\n    return 1", ["'*'", "매개변수"]),
    ("layer = Dense(2, weights=[ones((4, 2)), ones((3,))])\ny = layer(ones((4,)))", ["편향", "(2,)"]),
    ("m = Sequential([Dense(2, input_shape=(4,))])\nm.compile(optimizer=\"sgd\", loss=\"mse\")\n"
      + "m.fit(ones((1, 4)), ones((1, 2)), epochs=1, validation_split=0.5, verbose=0)", ["비어"]),
  ]

  @Test func badCellsSpeakKoreanWithoutEnglishPhrases() {
    for (code, expected) in Self.badCells {
      let interpreter = Interpreter(language: .korean)
      let host = RecordingHost()
      guard case .failure(let error) = interpreter.run(code, cellID: 1, host: host) else {
        Issue.record("the cell should fail: \(code)")
        continue
      }
      let prose = Self.prose(of: error)
      let text = prose.joined(separator: "\n")
      #expect(Self.hasHangul(error.message), "no Korean in '\(error.message)' for \(code)")
      for word in expected {
        #expect(text.contains(word), "'\(word)' is not in '\(text)' for \(code)")
      }
      let runs = prose.flatMap { Self.englishRuns(in: $0, learnerNames: Self.identifiers(in: code)) }
      #expect(runs.isEmpty, "English \(runs) in '\(text)' for \(code)")
    }
  }

  /// Every golden program that ends in an error, run on the Korean interpreter: its sentence,
  /// notes and help hold no English phrase. The learner's names are the identifiers of the
  /// program's code, without its comments and strings.
  @Test func goldenErrorsSpeakKoreanWithoutEnglishPhrases() throws {
    let root = try #require(GoldenProgramTests.root)
    var failing = 0
    for name in GoldenProgramTests.programs {
      let source = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
      guard source.contains("# error:") else { continue }
      failing += 1
      guard case .failure(let error) = Interpreter(language: .korean).run(source, cellID: 1, host: RecordingHost()) else {
        Issue.record("\(name) should fail")
        continue
      }
      let code = source.split(separator: "\n", omittingEmptySubsequences: false)
        .map { line in line.prefix { $0 != "#" } }.joined(separator: "\n")
      let runs = Self.prose(of: error).flatMap { Self.englishRuns(in: $0, learnerNames: Self.identifiers(in: Self.withoutStrings(code))) }
      #expect(runs.isEmpty, "\(name): English \(runs) in '\(Self.prose(of: error).joined(separator: " | "))'")
    }
    #expect(failing > 100)
  }

  /// Code without its string literals, whose words are text rather than names.
  static func withoutStrings(_ code: String) -> String {
    var result = ""
    var quote: Character?
    for c in code {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "'" || c == "\"" {
        quote = c
      } else {
        result.append(c)
      }
    }
    return result
  }

  /// The definition of a run finds English prose, and leaves code and names alone.
  @Test func englishRunsAreFoundOutsideCode() {
    #expect(Self.englishRuns(in: "conv2d()에 필요한 것은 a tensor인데", learnerNames: []) == ["a tensor인데"])
    #expect(Self.englishRuns(in: "필요한 것은 텐서인데", learnerNames: []).isEmpty)
    #expect(Self.englishRuns(in: "True나 False, list나 tuple, stdout이나 stderr", learnerNames: []).isEmpty)
    #expect(Self.englishRuns(in: "use reshape to make it", learnerNames: []).count == 4)
    #expect(Self.englishRuns(in: "'the value' `add this` \"or that\" Flatten() input_shape=", learnerNames: []).isEmpty)
    #expect(Self.englishRuns(in: "list, tuple, range, str, dict 중 하나", learnerNames: []).isEmpty)
    #expect(Self.englishRuns(in: "my model 모델", learnerNames: ["my", "model"]).isEmpty)
    #expect(Self.englishRuns(in: "CNN Lab에는 없습니다: add Flatten()", learnerNames: []) == [])
    #expect(Self.englishRuns(in: "then add Flatten", learnerNames: []) == ["then add", "add Flatten"])
  }
}
