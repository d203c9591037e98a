import Datasets
import TensorEngine

// The Korean words of every error, beside the English ones in `DiagnosticMessage+Text.swift`:
// one exhaustive switch, so a new message does not compile until it has its Korean sentence.
// Identifiers, code and values stay as they are ('Conv2D', reshape, (28, 28)). The phrases a
// message carries (what an argument should be, a layer's fix, which labels) are enums with a
// Korean rendering each (`ArgumentExpectation`, `LayerFix`, ...), so no English reaches these
// sentences; a particle after a value is chosen by `KoreanParticle`.

extension DiagnosticMessage {
  /// The sentence after `ErrorKind:` for the Korean kernel.
  public var koreanText: String {
    switch self {
    case .argumentType(let f, let p, let expected, let got):
      return "\(f)()의 '\(p)'에 필요한 것은 \(expected.koreanText)인데, 들어온 값은 \(got)입니다"
    case .assertionFailed(let message):
      return message ?? "assert의 조건이 거짓입니다"
    case .danglingClause(let keyword):
      return "'\(keyword)' 절은 'if' 블록 바로 뒤에, 그 'if'와 같은 들여쓰기로 와야 합니다"
    case .cannotUnpack(let type, let count):
      return "\(type) 값은 이름 \(count)개로 나누어 담을 수 없습니다: 값이 \(count)개 든 list나 tuple이어야 합니다"
    case .divisionByZero:
      return "0으로 나눌 수 없습니다"
    case .duplicateArgument(let f, let p):
      return "\(f)()에 '\(p)' 값이 두 번 주어졌습니다"
    case .engine(let error):
      return error.koreanText
    case .tensorProblem(let problem):
      return problem.koreanText
    case .training(let problem):
      return problem.koreanText
    case .readOnlyAttribute(let type, let name):
      return "\(type)의 속성 '\(name)'에는 값을 넣을 수 없습니다: 읽기만 할 수 있습니다"
    case .keyNotFound(let key, let known):
      if known.isEmpty { return "\(k(key, .topic)) 이 dict의 키가 아닙니다: dict가 비어 있습니다" }
      let shown = known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", ..." : "")
      return "\(k(key, .topic)) 이 dict의 키가 아닙니다. 키는 \(shown)입니다. 오류 대신 None을 받으려면 d.get(key)를 쓰세요"
    case .unhashable(let type):
      return "\(type) 값은 바뀔 수 있어서 dict의 키가 될 수 없습니다: str, 숫자, tuple을 쓰세요"
    case .unsupportedForm(let form):
      return form.koreanText
    case .ambiguousTruth(let shape):
      return "모양이 \(formatShape(shape))인 텐서에는 값이 \(shape.reduce(1, *))개 있어서 True나 False 하나가 아닙니다: "
        + "'모든 값이 참'은 all(...), '하나라도 참'은 any(...), 반올림 오차 안에서 같은지는 allclose(a, b), 정확히 같은지는 array_equal(a, b)로 쓰세요"
    case .notOneValue(let shape):
      return "item()에는 값이 꼭 하나인 텐서가 필요한데, 이 텐서의 모양은 \(formatShape(shape))입니다: x[0, 0]처럼 값 하나를 먼저 고르세요"
    case .unknownMagic(let magic):
      return "\(magic)은(는) CNN Lab에 없는 IPython 매직입니다: 있는 것은 %time, %timeit, %%time, %%timeit, %matplotlib(아무것도 바꾸지 않습니다: 그림은 늘 노트북 안에 나옵니다)입니다"
    case .noModule(let name):
      if let advice = ModuleTable.absentModules[String(name.split(separator: ".").first ?? "")] {
        return "CNN Lab에는 '\(name)' 모듈이 없습니다: \(advice.koreanText)"
      }
      return "CNN Lab에는 '\(name)' 모듈이 없습니다: 있는 모듈은 \(ModuleTable.importable.joined(separator: ", "))이고, 그 멤버는 CNN Lab의 내장 함수입니다"
    case .notInModule(let module, let name, let instead):
      if let instead { return "\(module).\(name)은(는) CNN Lab에 없습니다: \(instead.koreanText)" }
      return "\(module).\(name)은(는) CNN Lab에 없습니다: 모듈에 help()를 쓰면 무엇이 있는지 보여 줍니다"
    case .dataFile(let error):
      return error.koreanText
    case .displayOption(let problem):
      return problem.koreanText
    case .emptySequence(let f):
      return "\(f)()에는 값이 하나 이상 있어야 하는데, 시퀀스가 비어 있습니다"
    case .expected(let what, let found):
      return "\(k(what.koreanText, .subject)) 와야 할 곳에 \(k(found.koreanText, .subject)) 있습니다"
    case .expectedIndentedBlock(let after):
      return "\(after.koreanText) 다음에는 들여 쓴 블록이 와야 합니다"
    case .fstringEmptyExpression:
      return "f-string에 빈 '{}'가 있습니다: 안에 식을 쓰거나, 중괄호 자체를 쓰려면 '{{'라고 쓰세요"
    case .fstringSingleClosingBrace:
      return "f-string에는 '}'를 하나만 쓸 수 없습니다: 중괄호 자체를 쓰려면 '}}'라고 쓰세요"
    case .fstringUnclosedExpression:
      return "f-string에서 연 '{'가 '}'로 닫히지 않았습니다"
    case .inconsistentDedent:
      return "이 줄의 들여쓰기가 위에 있는 어느 블록과도 맞지 않습니다"
    case .indexNotWhole(let type, let got):
      return "\(type)의 인덱스는 정수여야 하는데 \(got.koreanText)입니다"
    case .axisIndexOutOfRange(let result, let axis, let index, let count):
      return "인덱스 \(k(String(index), .topic)) 길이가 \(count)인 \(result ? "결과" : "텐서")의 축 \(axis) 범위를 벗어났습니다"
    case .indexOutOfRange(let type, let index, let count):
      return "인덱스 \(k(String(index), .topic)) 길이가 \(count)인 \(type)의 범위를 벗어났습니다"
    case .invalidAssignmentTarget(let what):
      return "\(what.koreanText)에는 값을 대입할 수 없습니다"
    case .invalidChoice(let f, let p, let got, let choices, let described):
      return "\(f)()의 \(p)에는 \(got) 값을 쓸 수 없습니다. 다음 중 하나를 고르세요: \((choices + described.map(\.koreanText)).joined(separator: ", "))"
    case .invalidFormatSpec(let spec, let type):
      return "서식 \(k("'\(spec)'", .topic)) \(type) 값에 쓸 수 없습니다"
    case .invalidLiteral(let f, let text):
      return "\(k("\(f)()", .subject)) \(k(text, .object)) 숫자로 읽을 수 없습니다"
    case .invalidNumber(let text):
      return "\(k("'\(text)'", .topic)) 올바른 숫자가 아닙니다"
    case .keyboardInterrupt:
      return "셀 실행이 중단되었습니다"
    case .layerInput(let layer, let expected, let got, let fix):
      let received = got.map { "들어온 것은 \($0)입니다" } ?? "들어온 입력이 없습니다"
      return "\(layer)에 필요한 입력은 \(expected.koreanText)인데, \(received)" + (fix.map { ": " + $0.koreanText } ?? "")
    case .windowTooLarge(let layer, let window, let input, let fix):
      return "\(layer): \(window) 창이 \(input) 안에 들어가지 않습니다: \(fix.koreanText)"
    case .unequalShapes(let layer, let requirement, let shapes):
      return "\(layer)에 필요한 것은 \(requirement.koreanText)인데, 들어온 모양은 \(shapes.joined(separator: ", "))입니다"
    case .layerFailure(let layer, _, let detail):
      return "\(layer)에서 문제가 생겼습니다: \(detail.koreanText)"
    case .handWeights(let layer, let expected, let got, let bias):
      return "\(layer)에는 \(bias ? "편향(bias)의 " : "")모양이 \(expected)인 weights=가 필요한데, 들어온 것은 \(got)입니다"
    case .notPositive(let f, let p):
      return "\(f)()의 '\(p)' 값은 1 이상이어야 합니다"
    case .unknownInputShape(let model):
      return "'\(model)' 모델은 아직 입력 모양을 모릅니다: 첫 층에 input_shape=를 주거나, 텐서를 넣어 모델을 호출하세요"
    case .kernelTooLarge(let layer, let name, let shape, let bytes, let limit):
      return "\(layer): " + TensorError.resourceLimit(operation: "\(name)의 커널", shape: shape, bytes: bytes, limit: limit).koreanText
    case .notCalledYet(let layer):
      return "'\(layer)' 층은 아직 만들어지지 않았습니다: input_shape=를 주거나, 모델 안에서 쓰거나, 텐서를 넣어 호출하세요"
    case .noSuchLayer(let name, let model):
      return "'\(model)' 모델에는 이름이 '\(name)'인 층이 없습니다"
    case .notSequential(let model):
      return "'\(model)' 모델은 함수형(functional) 모델입니다: 출력에 층을 호출해 이어 붙이고 새 Model을 만드세요"
    case .disconnectedModel(let model):
      return "'\(model)' 모델의 출력이 입력에서 이어지지 않습니다: Input에 층을 차례로 호출해서 출력을 만드세요"
    case .mismatchedBracket(let close, let open, let line, let column):
      return "닫는 괄호 '\(close)'의 짝이 맞지 않습니다: \(line):\(column)에서 연 괄호는 '\(open)'입니다"
    case .missingArgument(let f, let p):
      return "\(f)()에 인자 \(k("'\(p)'", .subject)) 빠졌습니다"
    case .negativeValue(let f, let p):
      return "\(f)()의 '\(p)' 값은 0 이상이어야 합니다"
    case .noAttribute(let type, let name):
      return "\(type) 값에는 '\(name)' 속성이 없습니다"
    case .nonDefaultAfterDefault(let name):
      return "앞의 매개변수에 기본값이 있으므로 매개변수 '\(name)'에도 기본값이 있어야 합니다"
    case .notAssignable(let type):
      return "\(type) 값은 인덱스에 대입해서 바꿀 수 없습니다"
    case .notCallable(let type):
      return "\(type) 값은 함수처럼 호출할 수 없습니다"
    case .notComparable(let op, let left, let right):
      return "'\(op)' 연산자로 \(left) 값과 \(right) 값을 비교할 수 없습니다"
    case .notIterable(let type):
      return "\(type) 값은 for 문으로 하나씩 꺼낼 수 없습니다"
    case .notSubscriptable(let type):
      return "\(type) 값에는 [ ]로 인덱스를 쓸 수 없습니다"
    case .notWholeNumber(let f, let value):
      return "\(f)()에는 정수가 필요한데 \(value)입니다"
    case .notExplainable(let what):
      return "explain()은 conv2d, max_pool, avg_pool, min_pool 결과(또는 Conv2D나 풀링 층의 출력)에서 값 하나가 어떻게 계산되었는지 보여 줍니다; \(what.koreanText)"
    case .numberTooLarge(let f):
      return "\(f)()에 너무 큰 수가 들어왔습니다"
    case .outsideFunction(let what):
      return "'\(what)' 문은 def 안에서만 쓸 수 있습니다"
    case .outsideLoop(let what):
      return "'\(what)' 문은 for나 while 반복문 안에서만 쓸 수 있습니다"
    case .popFromEmpty:
      return "빈 list에서는 pop()을 할 수 없습니다"
    case .positionalAfterKeyword:
      return "위치 인자는 키워드 인자 뒤에 올 수 없습니다"
    case .rangeStepZero:
      return "range()의 step은 0일 수 없습니다"
    case .raggedTensor(let f, let position, let expected, let got):
      return "\(f)()에는 길이가 같은 행이 필요합니다: 항목 \(position.map { "[\($0)]" }.joined())에는 값이 \(got)개 있는데, \(expected)개여야 합니다"
    case .recursionLimit(let depth):
      return "함수 호출이 너무 깊이 겹쳤습니다 (\(depth)단계): 함수가 멈추지 않고 자기 자신을 부르고 있지 않나요?"
    case .repeatedKeyword(let name):
      return "키워드 인자 \(k("'\(name)'", .subject)) 두 번 주어졌습니다"
    case .resourceLimit(let requested, let limit):
      return "이 작업에는 \(k(requested.koreanText, .subject)) 필요한데, 한도인 항목 \(limit)개보다 큽니다"
    case .tooLargeToCount(let layer):
      return "이 크기의 \(layer)에는 파라미터나 MAC이 2**60개를 넘게 필요해서 한도(2**60)보다 큽니다"
    case .shapeMismatch(let context, let expected, let got):
      return "\(context)에 필요한 것은 \(expected)인데, 들어온 것은 \(got)입니다"
    case .sliceStepZero:
      return "슬라이스의 step은 0일 수 없습니다"
    case .tensorElement(let f, let position, let type):
      return "\(f)()에는 숫자가 필요한데 항목 \(position.map { "[\($0)]" }.joined())의 값은 \(type)입니다"
    case .tooDeeplyNested:
      return "이 식은 너무 깊이 중첩되어 있습니다"
    case .tooManyArguments(let f, let maximum, let given):
      let takes = maximum == 0 ? "위치 인자를 받지 않는데" : "위치 인자를 \(maximum)개까지 받는데"
      return "\(k("\(f)()", .topic)) \(takes) \(given)개가 주어졌습니다"
    case .unclosedBracket(let open, let line, let column):
      return "\(line):\(column)에서 연 '\(open)' 괄호가 닫히지 않았습니다"
    case .undefinedName(let name):
      return "'\(name)' 이름이 정의되지 않았습니다"
    case .unexpectedCharacter(let c):
      return "여기에 올 수 없는 문자입니다: '\(c)'"
    case .unexpectedIndent:
      return "들여쓰기가 필요 없는 곳에서 들여 썼습니다"
    case .unexpectedKeyword(let f, let keyword):
      return "\(f)()에는 이름이 '\(keyword)'인 매개변수가 없습니다"
    case .unmatchedClosingBracket(let close):
      return "짝이 없는 닫는 괄호입니다: '\(close)'"
    case .unpackCount(let expected, let got):
      return "값 \(got)개를 이름 \(expected)개에 나누어 담을 수 없습니다"
    case .unsupportedOperands(let op, let left, let right):
      return "'\(op)' 연산은 \(left) 값과 \(right) 값 사이에 쓸 수 없습니다"
    case .invertNumbers:
      return "'~' 연산은 수의 텐서에 쓸 수 없습니다 (먼저 비교하세요: ~(x > 0))"
    case .unsupportedUnary(let op, let type):
      return "'\(op)' 연산은 \(type) 값에 쓸 수 없습니다"
    case .unterminatedString:
      return "문자열이 닫히지 않았습니다"
    case .unterminatedTripleQuotedString:
      return "세 따옴표(\"\"\") 문자열이 닫히지 않았습니다"
    case .valueNotFound(let what):
      return "list에 없는 값입니다: \(what)"
    }
  }
}

extension Suggestion {
  /// The text after `= 도움말: `.
  public var koreanText: String {
    switch self {
    case .didYouMean(let name):
      return "혹시 '\(name)'인가요?"
    case .validKeywords(let nearest, let all):
      let list = all.isEmpty ? "키워드 인자가 없습니다" : all.map { "'\($0)'" }.joined(separator: ", ")
      if let nearest { return "혹시 '\(nearest)'인가요? 쓸 수 있는 이름: \(list)" }
      return "쓸 수 있는 이름: \(list)"
    case .hint(let hint):
      return hint.koreanText
    }
  }
}

extension Hint {
  public var koreanText: String {
    switch self {
    case .callHelp(let name): return "사용법은 help(\(name))로 볼 수 있습니다"
    case .callMethodHelp(let type, let name): return "사용법은 help(\"\(type).\(name)\")로 볼 수 있습니다"
    case .closeBracket(let c): return "닫는 괄호를 덧붙이세요: '\(c)'"
    case .reshapeTo(let shape): return "reshape(x, \(shape))로 모양을 바꾸세요"
    case .indentBlock: return "블록의 줄을 들여 쓰세요 (예: 공백 4칸)"
    case .useDoubleEqualsToCompare: return "두 값을 비교하려면 '=='를 쓰세요"
    case .wholeNumberIndex: return "int(...)로 수를 정수 인덱스로 바꾸세요"
    case .pythonInternals: return "CNN Lab의 값에는 Python 내부 속성이 없습니다: type(x)가 값의 종류를 알려 주고, 층은 print하면 종류를 보여 줍니다"
    }
  }
}

extension Note {
  public var koreanText: String {
    switch self {
    case .calledFrom(let function, let file, let line, let column):
      return "\(function)() 안에서 일어났습니다. \(file):\(line):\(column)에서 호출했습니다"
    case .framesOmitted(let n):
      return "... 호출 \(n)개 생략 ..."
    }
  }
}

extension TensorError {
  /// The engine's refusals in Korean; `description` holds the English.
  public var koreanText: String {
    switch self {
    case .shapeMismatch(let operation, let lhs, let rhs):
      return "\(operation): 모양 \(k(formatShape(lhs), .and)) \(k(formatShape(rhs), .topic)) 서로 맞지 않습니다"
    case .invalidShape(let operation, let shape, let expected):
      return "\(operation)에 필요한 것은 \(expected.koreanText)인데, 들어온 모양은 \(formatShape(shape))입니다"
    case .windowDoesNotFit(let operation, let input, let window):
      return "\(operation): \(Self.size(window)) 창이 \(Self.size(input)) 입력 안에 들어가지 않습니다; "
        + "창을 줄이거나 padding=\"same\"을 쓰세요"
    case .axisOutOfRange(let operation, let axis, let rank):
      return "\(operation): 차원이 \(rank)개인 텐서에는 축 \(k(String(axis), .subject)) 없습니다"
    case .indexOutOfRange(let operation, let index, let size):
      return "\(operation): 인덱스 \(k(String(index), .topic)) 크기가 \(size)인 차원의 범위를 벗어났습니다"
    case .resourceLimit(let operation, let shape, let bytes, let limit):
      return "\(operation): 모양이 \(formatShape(shape))인 결과에 필요한 메모리(\(formatBytes(bytes)))가 "
        + "한도(\(formatBytes(limit)))보다 큽니다"
    case .invalidArgument(let operation, let reason):
      return "\(operation)에 쓸 수 없는 인자입니다: \(reason.koreanText)"
    case .cancelled:
      return "중단되었습니다"
    }
  }

  /// `6x6`, as the English text writes a window or an image size.
  private static func size(_ dimensions: [Int]) -> String { dimensions.map(String.init).joined(separator: "x") }
}

extension DatasetError {
  public var koreanText: String {
    switch self {
    case .invalidGzip(let path, let reason): return "'\(path)' 파일은 올바른 gzip 파일이 아닙니다: \(reason.koreanText)"
    case .invalidNPZ(let path, let reason): return "'\(path)' 파일은 올바른 .npz 파일이 아닙니다: \(reason.koreanText)"
    case .invalidNPY(let path, let entry, let reason):
      let what = entry.map { "'\(path)' 안의 배열 '\($0)'" } ?? "'\(path)'"
      return "\(k(what, .object)) 읽을 수 없습니다: \(reason.koreanText)"
    case .missingArray(let path, let name, let available):
      let list = available.isEmpty ? "배열이 하나도 없습니다" : "들어 있는 배열은 " + available.map { "'\($0)'" }.joined(separator: ", ") + "입니다"
      return "'\(path)'에는 \(k("'\(name)'", .named)) 배열이 없습니다. \(list)"
    case .inconsistentDataset(let path, let reason): return "'\(path)'에는 쓸 수 있는 데이터 세트가 없습니다: \(reason.koreanText)"
    case .datasetNotFound(let dataset, let searched):
      return "\(dataset.displayName) 데이터가 이 컴퓨터에 없습니다 (찾아본 곳: \(searched.joined(separator: ", "))). " + dataset.koreanRemedy
    case .incompleteDataset(let dataset, let folder, let missing):
      return "'\(folder)' 폴더에는 \(dataset.displayName)의 일부만 있습니다: \(missing.joined(separator: ", ")) 파일이 없습니다"
    case .unwritable(let path, let reason): return "'\(path)'에 쓸 수 없습니다: \(reason.koreanText)"
    case .fileNotFound(let path): return "'\(path)' 파일이 없습니다 (경로는 노트북이 있는 폴더를 기준으로 합니다)"
    case .unreadable(let path, let reason): return "'\(path)' 파일을 읽을 수 없습니다: \(reason.koreanText)"
    case .unsupportedFormat(let path): return "'\(path)' 파일은 PNG도 JPEG도 아닙니다"
    case .invalidIDX(let path, let reason): return "'\(path)' 파일은 올바른 IDX 파일이 아닙니다: \(reason.koreanText)"
    case .tooLarge(let path, let bytes, let limit):
      return "'\(path)' 파일은 \(formatBytes(bytes))로, 메모리 한도 \(formatBytes(limit))보다 커서 읽을 수 없습니다"
    }
  }
}

extension KerasDataset {
  /// What to install or where to put the files, in Korean.
  var koreanRemedy: String {
    switch self {
    case .fashionMNIST:
      return "Debian 패키지 dataset-fashion-mnist를 설치하거나(sudo apt-get install dataset-fashion-mnist), "
        + "파일 네 개 \(KerasDataset.idxFiles.map { $0 + ".gz" }.joined(separator: ", "))를 ~/.keras/datasets/fashion-mnist/에 넣으세요."
    case .mnist:
      return "Keras의 mnist.npz(배열 x_train, y_train, x_test, y_test)를 ~/.keras/datasets/에 넣거나, "
        + "mnist.load_data(path=...)에 .npz 파일이나 \(KerasDataset.idxFiles.joined(separator: ", ")) 네 파일이 든 폴더(gzip이든 아니든)를 주세요."
    }
  }
}

extension UnsupportedForm {
  public var koreanText: String {
    switch self {
    case .setLiteral:
      return "{a, b} 같은 집합(set)은 이 언어에 없습니다: list [a, b]나 dict {key: value}를 쓰세요"
    case .dictComprehension:
      return "dict 컴프리헨션은 이 언어에 없습니다: d = {}로 시작해 for 반복문 안에서 d[key] = value로 넣으세요"
    case .dictUnpacking:
      return "dict 안의 '**'는 이 언어에 없습니다: d.copy()로 복사한 뒤 d.update(other)로 다른 dict의 항목을 더하세요"
    case .tryStatement:
      return "'try'는 이 언어에 없습니다: 오류가 나면 셀이 멈추고 무엇이 잘못됐는지 알려 줍니다. 대신 if로 먼저 확인하세요 (예: if key in d:)"
    case .classDefinition:
      return "'class'는 이 언어에 없습니다: 모델은 층으로 Sequential([...])이나 Model(inputs, outputs)로 만들고, 함수는 def로 쓰세요"
    case .withStatement:
      return "'with'는 이 언어에 없습니다: 블록 안의 문장을 with 없이 쓰세요 (열고 닫을 파일, 장치, gradient tape가 없습니다)"
    case .lambda:
      return "'lambda'는 이 언어에 없습니다: def name(x): return ...으로 함수를 만들어 name을 쓰세요"
    case .yield:
      return "'yield'는 이 언어에 없습니다: 값들을 list에 모아 그 list를 return하세요"
    case .del:
      return "'del'은 이 언어에 없습니다: 이름에 새 값을 넣거나, xs.pop(i)나 d.pop(key)로 항목을 지우세요"
    case .raise:
      return "'raise'는 이 언어에 없습니다: 메시지와 함께 멈추려면 assert condition, \"message\"라고 쓰세요"
    case .nonlocal:
      return "'nonlocal'은 이 언어에 없습니다: 함수에서 새 값을 return하거나 global을 쓰세요"
    case .shellCommand:
      return "'!'는 IPython에서 셸 명령을 실행합니다. 이 커널은 셸이 아니라 CNN Lab 셀을 실행합니다: 명령은 터미널에서 실행하세요"
    case .starParameters:
      return "'*'와 '**' 매개변수는 이 언어에 없습니다: 매개변수마다 이름을 붙이거나, list를 넘기세요"
    }
  }
}

extension ModuleAdvice {
  public var koreanText: String {
    switch self {
    case .tfData: return "텐서를 바로 잘라 쓰세요. 예: 배치 하나는 x[:32]"
    case .gradientTape: return "model.compile(...)과 model.fit(...)으로 학습하세요"
    case .seedArgument: return "대신 random(shape, seed=...)와 randn(shape, seed=...)에 seed=를 주세요"
    case .plotModel: return "summary(model)이 모든 층과 출력 모양, 파라미터를 보여 줍니다"
    case .randomRand: return "random((rows, columns), seed=0)이라고 쓰세요: 0..1의 균등분포 수이고, 실행할 때마다 같습니다"
    case .randomRandom: return "random(shape, seed=0)이라고 쓰세요: 0..1의 균등분포 수이고, 실행할 때마다 같습니다"
    case .randomRandn: return "randn((rows, columns), seed=0)이라고 쓰세요: 정규분포 수이고, 실행할 때마다 같습니다"
    case .randomNormal: return "randn(shape, seed=0) * scale + mean이라고 쓰세요"
    case .randomRandint: return "round(random(shape, seed=0) * (high - low - 1)) + low라고 쓰세요"
    case .plotLines: return "CNN Lab은 선 그래프가 아니라 그림을 그립니다: 값을 print하거나 show(tensor(values))를 쓰세요"
    case .subplots: return "plt.imshow(...) 앞마다 plt.subplot(rows, columns, i)를 쓰세요"
    case .histogram: return "CNN Lab은 히스토그램이 아니라 그림을 그립니다: print(min(x), max(x), mean(x))로 값을 요약하세요"
    case .savefig: return "그림은 노트북 출력의 일부입니다: 노트북을 저장하세요"
    case .pandas: return "show(x)는 작은 2차원 텐서를 style.background_gradient처럼 회색 그라데이션이 있는 값 표로 그립니다"
    case .torch: return "CNN Lab은 Keras의 말을 씁니다: tf.keras.layers.Conv2D, Sequential, Model"
    case .d2l: return "층과 모델은 내장되어 있고(tf.keras.layers, tf.keras.models), summary(model)가 모든 모양을 보여 줍니다"
    case .openCV: return "image(path)는 PNG와 JPEG 파일을 읽고, conv2d(x, filter(\"sobel_x\"))가 필터를 적용합니다"
    case .pillow: return "image(path)는 PNG와 JPEG 파일을 읽습니다"
    case .scikitLearn: return "digits(n)은 내장 데이터 세트이고, mean(pred == y)가 정확도입니다"
    case .seaborn: return "show(x)는 텐서를 그리고, print(...)는 수를 씁니다"
    }
  }
}
