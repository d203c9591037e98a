/// The Korean paragraphs of help() pages and Shift-Tab, beside the English ones that the
/// registry's entries carry. Signatures, names and code in the examples stay as they are.
/// A test walks the registry and fails when an entry has no Korean paragraph here.
public enum KoreanHelp {
  /// What a paragraph documents: a global function or constant, a method or a property of
  /// a value type (by `Value.typeName`), or the type itself.
  public enum Key: Hashable, Sendable {
    case function(String)
    case constant(String)
    case method(type: String, name: String)
    case property(type: String, name: String)
    case type(String)
  }

  public static func text(for key: Key) -> String? {
    switch key {
    case .function(let name): return functions[name] ?? widgetFunctions[name]
    case .constant(let name): return constants[name]
    case .method(let type, let name): return methods[type + "." + name]
    case .property(let type, let name): return properties[type + "." + name] ?? widgetProperties[type + "." + name]
    case .type(let name): return types[name] ?? widgetTypes[name]
    }
  }

  static let functions: [String: String] = [
    "Activation":
      "이름으로 고른 활성화 함수를 적용합니다: \"relu\", \"tanh\", \"sigmoid\", \"softmax\", \"leaky_relu\", \"linear\". 예: Activation(\"relu\").",
    "Add":
      "모양이 같은 텐서들을 더합니다. 잔차 연결(residual connection)이 하는 일입니다: Add()([y, x]). 심볼릭 텐서에서 y + x라고 쓴 것과 같습니다.",
    "AlexNet":
      "AlexNet(Krizhevsky 외, 2012), 입력 227x227x3. 타워 하나로 만들면 파라미터 62,378,344개이고, AlexNet(groups=2)는 conv2, conv4, conv5를 원래처럼 두 타워로 나눕니다(60,965,224개).",
    "AveragePooling2D":
      "풀링 층: 각 특성 맵의 pool_size 창을 그 평균 하나로 바꿉니다. strides=None이면 풀 크기만큼 움직이므로, MaxPooling2D()는 높이와 너비를 절반으로 줄입니다. 예: AveragePooling2D(2).",
    "BatchNormalization":
      "채널마다 이동 평균과 이동 분산으로 정규화한 뒤 gamma를 곱하고 beta를 더합니다(채널마다 파라미터 2개; 이동 통계량은 세지 않습니다). 새로 만든 층은 평균 0, 분산 1, gamma 1, beta 0입니다.",
    "Concatenate":
      "텐서들을 한 축을 따라 이어 붙입니다(기본은 채널 축). 인셉션 모듈이 가지들을 합치는 방식입니다: Concatenate()([a, b, c]).",
    "Conv1D":
      "시퀀스 (L, C)에 대한 1차원 합성곱 층: 길이가 kernel_size인 커널 filters개가 (L', filters)를 만듭니다. 예: Conv1D(4, 3).",
    "Conv2D":
      "2차원 합성곱 층: 크기가 kernel_size(숫자 하나 또는 (kh, kw))인 커널 filters개가 이미지 (H, W, C) 위를 미끄러지며 특성 맵 묶음 (H', W', filters)를 만듭니다. padding=\"same\"이면 스트라이드 1에서 크기가 그대로입니다. weights=로 커널을 직접 정할 수 있습니다: 채널 하나에 필터 하나면 (kh, kw) 리스트, 아니면 (kh, kw, C_in, filters). 예: Conv2D(8, 3, activation=\"relu\", input_shape=(28, 28, 1)).",
    "Dense":
      "완전 연결 층(fully connected): 출력 하나하나가 모든 입력의 가중합에 편향을 더한 값입니다. 벡터 (n,)를 받으므로 합성곱 뒤에는 Flatten()을 먼저 두세요. weights=로 (n, units) 커널을 직접 정할 수 있습니다. 예: Dense(10, activation=\"softmax\").",
    "Dropout":
      "학습할 때는 값의 rate 비율을 무작위로 0으로 만들고, 여기처럼 모델을 실행만 할 때는 값을 그대로 통과시킵니다.",
    "Flatten":
      "모든 값을 벡터 하나로 펼칩니다: (5, 5, 16)은 (400,)이 되어 Dense에 넣을 수 있습니다.",
    "GlobalAveragePooling2D":
      "특성 맵 하나 전체의 평균: (H, W, C)가 (C,)가 됩니다. 마지막 Dense 앞에서 Flatten 대신 자주 씁니다.",
    "GlobalMaxPooling2D":
      "특성 맵 하나 전체의 최댓값: (H, W, C)가 (C,)가 됩니다.",
    "GoogLeNet":
      "GoogLeNet(Szegedy 외, 2014), 입력 224x224x3: 인셉션 모듈 아홉 개, 보조 분류기는 없습니다. 파라미터 6,998,552개.",
    "InceptionModule":
      "GoogLeNet의 블록: 네 가지(1x1; 1x1 뒤 3x3; 1x1 뒤 5x5; 3x3 최대 풀링 뒤 1x1)를 나란히 두고 채널 축으로 이어 붙입니다. 층처럼 씁니다: InceptionModule(64, 96, 128, 16, 32, 32)(x).",
    "Input":
      "함수형 모델의 입력(배치 크기는 빼고): x = Input((28, 28, 1)). 여기에 층을 차례로 호출해 그래프를 만든 뒤 Model(x, y)로 모델을 만듭니다.",
    "LeNet5":
      "LeNet-5(LeCun 외, 1998), 입력 32x32x1: 평균 풀링을 곁들인 합성곱 두 번, 세 번째 합성곱, 그리고 Dense 84와 10. 파라미터 61,706개.",
    "MaxPooling2D":
      "풀링 층: 각 특성 맵의 pool_size 창을 그 최댓값 하나로 바꿉니다. strides=None이면 풀 크기만큼 움직이므로, MaxPooling2D()는 높이와 너비를 절반으로 줄입니다. 예: MaxPooling2D(2).",
    "MinPooling2D":
      "풀링 층: 각 특성 맵의 pool_size 창을 그 최솟값 하나로 바꿉니다. strides=None이면 풀 크기만큼 움직이므로, MaxPooling2D()는 높이와 너비를 절반으로 줄입니다. 예: MinPooling2D(2).",
    "Model":
      "Input 텐서에서 시작해 층을 호출해 만든 출력까지의 함수형 모델: x = Input((32, 32, 3)); y = Conv2D(8, 3, padding=\"same\")(x); m = Model(x, Add()([x, y])) ...",
    "ReLU":
      "모든 값에 max(0, x): 음수는 0이 됩니다.",
    "ResNet18":
      "ResNet-18(He 외, 2015), 입력 224x224x3: 배치 정규화를 곁들인 3x3 합성곱 두 개짜리 잔차 블록 여덟 개. 파라미터 11,689,512개.",
    "ResNet50":
      "ResNet-50, 입력 224x224x3: 병목(bottleneck) 블록(1x1, 3x3, 1x1) 열여섯 개. 파라미터 25,557,032개.",
    "ResidualBlock":
      "ResNet의 블록: 배치 정규화를 곁들인 3x3 합성곱 두 개(bottleneck=True이면 1x1, 3x3, 1x1)의 결과를 지름길(shortcut)에 더합니다. 지름길은 입력 그대로이거나, 스트라이드나 채널 수가 바뀔 때는 1x1 합성곱입니다. 층처럼 씁니다: ResidualBlock(64)(x).",
    "Sequential":
      "층을 차례로 하나씩 실행하는 모델: Sequential([Conv2D(8, 3, input_shape=(28, 28, 1)), MaxPooling2D(), Flatten(), Dense(10)]). 첫 층에 input_shape=가 있으면 모양을 바로 확인하고, 없으면 처음 호출할 때 확인합니다.",
    "Softmax":
      "마지막 축을 더해서 1이 되는 확률로 바꿉니다.",
    "VGG16":
      "VGG-16(Simonyan과 Zisserman, 2014), 입력 224x224x3: 다섯 블록에 3x3 합성곱 열세 개, 그다음 Dense 4096, 4096, 1000. 파라미터 138,357,544개. 가중치는 실행할 때에야 만들어집니다.",
    "ZeroPadding2D":
      "각 특성 맵 둘레에 0으로 된 행과 열을 덧붙입니다: 모든 변에 같은 수, (행, 열), 또는 ((위, 아래), (왼쪽, 오른쪽)).",
    "abs":
      "부호를 뗀 수의 크기입니다. 텐서라면 값마다 적용합니다. 예: abs(-5)는 5.",
    "all":
      "모든 항목이 참이면 True입니다(빈 리스트도 True). 텐서라면 모든 값이 0이 아닐 때 True이고, axis를 주면 그 축을 따라 판단한 결과(불리언 텐서)입니다. 예: all(conv2d(x, k) == y)는 두 결과가 모든 위치에서 같은지 묻습니다.",
    "any":
      "참인 항목이 하나라도 있으면 True입니다. 예: any([0, 0, 1])은 True.",
    "arange":
      "start부터 stop 직전까지 step씩 세는 1차원 텐서입니다. arange(n)은 0, 1, ..., n-1. 예: arange(4)는 [0, 1, 2, 3].",
    "argmax":
      "가장 큰 값의 위치입니다(같으면 첫 번째). 축을 주지 않으면 모든 값을 행 순서로 세고, axis를 주면 그 축을 따라 찾습니다. 예: argmax(tensor([0.1, 0.7, 0.2]))는 1, 곧 예측한 클래스입니다.",
    "avg_pool":
      "pool_size 창마다 평균을 남기고, strides만큼 움직입니다(None이면 풀 크기). padding=\"same\"이면 출력이 ceil(size / stride)개이고, 덧붙인 칸은 세지 않습니다. 예: avg_pool(x, 2)는 4x4 이미지를 2x2로 줄입니다.",
    "bool":
      "Python의 규칙에 따른 True 또는 False: 0, 빈 문자열, 빈 리스트, None은 False이고 나머지는 모두 True입니다.",
    "clear_output":
      "이 셀의 출력을 지웁니다. wait=True이면 새 출력이 올 때까지 이전 출력을 남겨 두므로, 그림을 다시 그리는 반복문에서 화면이 깜빡이지 않습니다.",
    "concat":
      "텐서 리스트를 axis를 따라 이어 붙입니다(기본은 마지막 축, 곧 채널). 나머지 크기는 같아야 합니다. 예: concat([zeros((4, 4, 2)), ones((4, 4, 3))]).shape는 (4, 4, 5).",
    "conv1d":
      "필터 k를 시퀀스 x를 따라 미끄러뜨리며 위치마다 곱의 합을 구합니다. x는 (L) 또는 (L, C), k는 (k) 또는 (k, C_in, C_out)입니다. 예: conv1d(tensor([1, 2, 3, 4]), tensor([1, -1]))은 [-1, -1, -1].",
    "conv2d":
      "필터 k를 이미지 x 위로 미끄러뜨리며 위치마다 곱의 합을 구합니다(딥러닝 라이브러리가 계산하는 교차 상관, cross-correlation). k는 흑백 이미지면 (kh, kw), 아니면 (kh, kw, C_in, C_out)입니다. padding은 \"valid\", \"same\" 또는 덧붙일 0의 행·열 수이고, strides와 dilation은 숫자 하나나 쌍입니다. bias와 activation(\"relu\", \"tanh\", \"sigmoid\")은 선택입니다. 예: 6x6 이미지에 conv2d(x, filter(\"vertical_edge\"))를 하면 4x4가 되고, explain(y, at=(0, 0))이 계산 과정을 보여 줍니다.",
    "count_params":
      "모델이나 층의 파라미터(가중치와 편향) 수를 모양만으로 셉니다: count_params(VGG16())은 138357544.",
    "digits":
      "CNN Lab이 직접 그린 손글씨 모양 숫자 n개의 데이터셋(내려받기 없음): 튜플 (images, labels)이고, images는 모양 (n, 28, 28, 1)에 픽셀 값 0..255, labels는 모양 (n,)에 0..9입니다. seed가 같으면 같은 숫자가 나옵니다. 예: images, labels = digits(8, seed=1).",
    "enumerate":
      "항목마다 위치를 짝지어 (index, item) 튜플의 리스트를 만듭니다. 이런 반복문에 씁니다: for i, x in enumerate(values):",
    "explain":
      "conv2d나 풀링 결과(또는 Conv2D나 풀링 층의 출력)의 값 하나가 어떻게 계산되었는지 보여 줍니다: 입력 창(덧붙인 0 표시), 필터, 곱 하나하나, 그 합, 그리고 편향과 활성화. 풀링이면 창과, 뽑힌 칸 또는 평균을 보여 줍니다. at은 (행, 열)이고, 필터가 여럿이면 (행, 열, 필터)입니다. channel=로 필터를, sample=로 배치의 이미지를 고릅니다. 예: explain(conv2d(x, filter(\"vertical_edge\")), at=(0, 0)).",
    "features":
      "모델을 x에 실행하고 모든 층의 출력을 차례대로 리스트로 돌려줍니다: maps = features(model, image(\"digit9\")).",
    "filter":
      "이름으로 고르는 고전적인 3x3 필터: \"vertical_edge\", \"horizontal_edge\", \"sobel_x\", \"sobel_y\", \"scharr_x\", \"scharr_y\", \"laplacian\", \"blur\", \"gaussian\", \"sharpen\", \"identity\". 예: filter(\"vertical_edge\")는 [[1, 0, -1], [1, 0, -1], [1, 0, -1]].",
    "flatten":
      "모든 값을 한 줄로: 모양 (n,). 예: flatten(zeros((28, 28))).shape는 (784,).",
    "float":
      "숫자나 \"2.5\", \"1e-3\", \"inf\" 같은 문자열에서 얻은 수입니다. 여기서는 숫자가 원래 모두 부동소수점이라 float(3)은 그냥 3입니다.",
    "full":
      "주어진 모양의 모든 값을 value로 채운 텐서입니다. 예: full((2, 2), 7).",
    "global_avg_pool":
      "채널마다 이미지 전체의 평균: (H, W, C)는 (C,)가 되고, 배치 (N, H, W, C)는 (N, C)가 됩니다. 예: global_avg_pool(zeros((7, 7, 512))).shape는 (512,).",
    "global_max_pool":
      "채널마다 이미지 전체의 최댓값: (H, W, C)는 (C,)가 되고, 배치 (N, H, W, C)는 (N, C)가 됩니다. 예: global_max_pool(zeros((7, 7, 512))).shape는 (512,).",
    "help":
      "내장 함수, 함수, 값의 설명을 페이저에 보여 줍니다. help(print)나 help(\"print\")는 print를 설명하고, help()는 모든 내장 함수를 보여 줍니다.",
    "image":
      "그림을 픽셀 값 0..255의 텐서로 돌려줍니다: 흑백은 (H, W), 컬러는 (H, W, 3). 내장 예제 이름 \"digit9\"(손글씨 9, 28x28 흑백, MNIST 숫자처럼), \"letter_d\"(손글씨 소문자 d, 10x10 흑백, 1장), \"vertical_edge_6x6\"(6x6: 왼쪽 세 열은 10, 오른쪽 세 열은 0), \"horizontal_edge_6x6\"(6x6: 위 세 행은 10, 아래 세 행은 0), \"checkerboard\"(32x32 흑백: 4x4 픽셀 크기의 검은 칸과 흰 칸), \"house\"(사진 같은 장면, 120x160 RGB: 집, 나무, 해), \"rgb_circles\"(64x64 RGB: 겹친 빨강, 초록, 파랑 원)나, 노트북 폴더를 기준으로 한 PNG 또는 JPEG 파일의 경로를 주세요. gray=True이면 컬러를 흑백으로 바꿉니다. 예: x = image(\"digit9\") / 255.",
    "int":
      "정수: 수의 소수 부분을 (0 쪽으로) 버리거나, 숫자로 된 문자열을 읽습니다. 예: int(3.9)는 3, int(\"12\")는 12.",
    "leaky_relu":
      "양수는 그대로 두고 음수에는 alpha(Keras처럼 0.3)를 곱합니다. 예: leaky_relu(tensor([-10, 5]))는 [-3, 5].",
    "len":
      "list, tuple, range, 문자열의 항목 수입니다. 텐서라면 첫 번째 축의 크기입니다. 예: len([3, 0, 1])은 3.",
    "list":
      "tuple, range, 문자열, list의 항목으로 새 list를 만듭니다. 예: list(range(3))은 [0, 1, 2].",
    "load_idx":
      "MNIST 데이터셋의 IDX 형식 파일(예: train-images-idx3-ubyte)을 노트북 폴더를 기준으로 읽습니다. 이미지는 (n, 28, 28, 1), 레이블은 (n,)으로 돌려줍니다. 예: x = load_idx(\"t10k-images-idx3-ubyte\").",
    "macs":
      "이미지 한 장에 대한 가중치의 곱셈-누산(multiply-accumulate) 횟수입니다(편향은 세지 않습니다). 합성곱 출력 하나는 kh·kw·C_in/groups, Dense 출력 하나는 입력 수만큼입니다. 모델에도, 모델의 층 하나에도 쓸 수 있습니다.",
    "max":
      "여러 값 중, 또는 list 하나의 항목 중 가장 큰 값입니다. 텐서 하나라면 모든 값의 최댓값(수 하나)이나, axis를 따른 최댓값(텐서)입니다. 예: max(3, 7, 5)는 7; 텐서 x에는 max(x).",
    "max_pool":
      "pool_size 창마다 가장 큰 값을 남기고, strides만큼 움직입니다(None이면 풀 크기). padding=\"same\"이면 출력이 ceil(size / stride)개이고, 덧붙인 칸은 세지 않습니다. 예: max_pool(x, 2)는 4x4 이미지를 2x2로 줄입니다.",
    "mean":
      "텐서 값들의 평균(수 하나), 또는 axis를 따른 평균(텐서)입니다. 수의 list에도 쓸 수 있습니다. 예: mean(tensor([1, 2, 3, 6]))은 3.",
    "min":
      "여러 값 중, 또는 list 하나의 항목 중 가장 작은 값입니다. 텐서 하나라면 모든 값의 최솟값(수 하나)이나, axis를 따른 최솟값(텐서)입니다. 예: min(3, 7, 5)는 3; 텐서 x에는 min(x).",
    "min_pool":
      "pool_size 창마다 가장 작은 값을 남기고, strides만큼 움직입니다(None이면 풀 크기). padding=\"same\"이면 출력이 ceil(size / stride)개이고, 덧붙인 칸은 세지 않습니다. 예: min_pool(x, 2)는 4x4 이미지를 2x2로 줄입니다.",
    "ones":
      "주어진 모양을 1로 채운 텐서입니다. 예: ones((2, 3))의 모양은 (2, 3).",
    "pad":
      "이미지 둘레에 value(기본 0)로 된 행과 열을 p개씩 덧붙입니다. p는 숫자 하나, 쌍 (행, 열), 또는 ((위, 아래), (왼쪽, 오른쪽))입니다. 예: pad(x, 1)은 6x6을 8x8로 만듭니다.",
    "print":
      "값들을 sep으로 띄우고 끝에 end를 붙여 글자로 stdout에 씁니다(file=stderr이면 stderr에). 문자열은 따옴표 없이 씁니다. 예: print(\"shape\", (28, 28))은 shape (28, 28)을 씁니다.",
    "randn":
      "표준 정규분포(평균 0, 퍼짐 1)를 따르는 난수 텐서입니다. seed가 같으면 같은 수가 나옵니다. 예: randn((3, 3), seed=2).",
    "random":
      "0과 1 사이의 균등 난수 텐서입니다. seed가 같으면 언제나 같은 수가 나옵니다. 예: random((4, 4), seed=1).",
    "range":
      "start부터 stop 직전까지 step씩 센 정수들입니다. range(n)은 0, 1, ..., n-1. 예: list(range(2, 10, 3))은 [2, 5, 8].",
    "relu":
      "양수는 그대로 두고 음수는 0으로 만듭니다. 예: relu(tensor([-2, 3]))은 [0, 3].",
    "repr":
      "셀이 값을 보여 줄 때의 글자입니다: 문자열은 따옴표 안에, 리스트는 대괄호 안에. 예: repr(\"a\")는 \"'a'\".",
    "reshape":
      "값의 개수는 그대로 두고 모양만 바꿉니다. 크기 하나는 -1로 두면 알아서 계산합니다. 예: reshape(arange(6), (2, 3)).",
    "reversed":
      "항목을 거꾸로 늘어놓은 새 list입니다. 예: reversed([1, 2, 3])은 [3, 2, 1].",
    "round":
      "소수점 아래 ndigits자리로 반올림합니다(기본은 정수로). 텐서라면 값마다 적용합니다. Python처럼 딱 절반이면 짝수 쪽으로 갑니다: round(2.5)는 2, round(3.5)는 4, round(3.14159, 2)는 3.14.",
    "show":
      "셀이 끝나기를 기다리지 않고 값을 바로 셀 출력에 보여 줍니다. 옵션: title(위에 붙는 제목), cmap(\"gray\" 같은 컬러맵 이름), mode, scale(\"shared\", \"per_channel\" 또는 (min, max) 쌍; 사진의 픽셀은 0..255나 0..1을 그대로 쓰고, 그 밖의 값은 자기 범위로 그립니다), channels(어느 특성 맵을: 숫자 하나, (first, stop) 쌍, 또는 range), class_names(확률 벡터의 이름표). 예: show(x, title=\"input\").",
    "show_filters":
      "합성곱 층의 커널을 필터마다 작은 그림 하나씩, 격자로 보여 줍니다(부호 있는 가중치는 양쪽으로 갈라지는 컬러맵으로).",
    "sigmoid":
      "값마다 1 / (1 + exp(-x)), 0과 1 사이입니다. 예: sigmoid(0)은 0.5.",
    "sleep":
      "주어진 초만큼 기다립니다(소수도 됩니다). 중단(interrupt)하면 바로 멈춥니다. 예: sleep(0.5).",
    "softmax":
      "점수를 axis(기본은 마지막 축)를 따라 더해서 1이 되는 확률로 바꿉니다: exp(x) / sum(exp(x)). 예: softmax(tensor([1, 1]))은 [0.5, 0.5].",
    "sorted":
      "항목을 작은 것부터(reverse=True이면 큰 것부터) 늘어놓은 새 list입니다. 예: sorted([3, 1, 2])는 [1, 2, 3].",
    "str":
      "print가 쓰는 대로의 값의 글자입니다. 예: str(3) + \" filters\"는 \"3 filters\".",
    "sum":
      "list, tuple, range의 항목을 start부터 더합니다. 텐서라면 모든 값의 합(수 하나), 또는 axis를 따른 합(텐서)입니다. 예: sum([1, 2, 3])은 6; sum(ones((2, 3)), axis=0)은 [2, 2, 2].",
    "summary":
      "모델의 표: 층마다 이름과 종류, 출력 모양(None은 배치), 파라미터 수와 그 계산식, MACs(이미지 한 장당 곱셈-누산 횟수), 그리고 합계. 예: summary(LeNet5()).",
    "tanh":
      "값마다 쌍곡탄젠트, -1과 1 사이입니다. 예: tanh(0)은 0.",
    "tensor":
      "중첩된 수의 리스트로 만든 텐서입니다. 행들의 길이가 같아야 합니다. 예: tensor([[3, 0, 1], [1, 5, 8]])의 모양은 (2, 3).",
    "transpose":
      "축의 순서를 바꿉니다(axes가 None이면 거꾸로): 행이 열이 됩니다. 예: transpose(zeros((2, 3))).shape는 (3, 2).",
    "tuple":
      "list, range, 문자열의 항목으로 만든 tuple입니다. 모양은 tuple입니다: tuple([28, 28, 1])은 (28, 28, 1).",
    "type":
      "값의 타입 이름을 문자열로: \"number\", \"str\", \"bool\", \"None\", \"list\", \"tuple\", \"range\", \"function\". 예: type(3.5)는 \"number\".",
    "zeros":
      "주어진 모양을 0으로 채운 텐서입니다. 예: zeros((2, 3))의 모양은 (2, 3).",
    "zip":
      "여러 시퀀스를 나란히 걸으며 튜플의 list를 만듭니다. 길이는 가장 짧은 것에 맞춥니다. 예: zip([1, 2], [\"a\", \"b\"])는 [(1, 'a'), (2, 'b')].",
    "Adam":
      "Keras의 기본값과 갱신식을 따르는 Adam: m과 v는 기울기와 그 제곱의 이동 평균이고, w -= lr * sqrt(1 - beta_2^t) / (1 - beta_1^t) * m / (sqrt(v) + epsilon)입니다. 예: Adam(learning_rate=0.001).",
    "AdamW":
      "가중치 감쇠(weight decay)를 분리한 Adam으로, Keras와 같이 Adam 한 걸음 전에 w -= w * weight_decay * learning_rate를 합니다. 예: AdamW(learning_rate=0.001, weight_decay=0.004).",
    "BinaryCrossentropy":
      "예/아니오 출력의 교차 엔트로피: -(y log p + (1 - y) log(1 - p))의 평균입니다. 마지막 층에 softmax나 sigmoid가 없으면 from_logits=True로 씁니다.",
    "CategoricalCrossentropy":
      "원-핫(one-hot) 정답에 대한 교차 엔트로피: 배치에 대한 -sum(y * log(p))의 평균입니다. 마지막 층에 softmax나 sigmoid가 없으면 from_logits=True로 씁니다.",
    "EarlyStopping":
      "`monitor`가 `patience` epoch 동안 나아지지 않으면 fit을 멈춥니다. restore_best_weights=True이면 가장 좋았던 epoch의 가중치로 되돌립니다. 예: fit(..., callbacks=[EarlyStopping(patience=2)]).",
    "MeanAbsoluteError":
      "|y - prediction|의 평균입니다.",
    "MeanSquaredError":
      "(y - prediction)**2의 평균입니다.",
    "ModelCheckpoint":
      "epoch가 끝날 때마다 가중치를 model.save_weights(filepath)처럼 저장합니다(save_best_only=True이면 `monitor`가 나아졌을 때만).",
    "RMSprop":
      "Keras와 같은 RMSprop: 기울기 제곱의 이동 평균으로 걸음을 나눕니다. w -= lr * g / (sqrt(mean) + epsilon). 예: RMSprop(learning_rate=0.001).",
    "SGD":
      "Keras와 같은 확률적 경사하강법(stochastic gradient descent): velocity = momentum * velocity - learning_rate * g; w += velocity (nesterov=True이면 한 걸음 앞을 봅니다). 예: model.compile(optimizer=SGD(learning_rate=0.1, momentum=0.9), ...).",
    "SparseCategoricalCrossentropy":
      "클래스 번호(0, 1, 2, ...)로 된 정답에 대한 교차 엔트로피: 맞는 클래스에 준 확률의 -log를 배치에 대해 평균합니다. 마지막 층에 softmax나 sigmoid가 없으면 from_logits=True로 씁니다.",
    "confusion_matrix":
      "각 클래스(행)가 각 클래스(열)로 몇 번 예측되었는지 세어, 이름이 붙은 히트맵으로 보여 줍니다: confusion_matrix(y_test, model.predict(x_test), class_names=class_names). y_pred는 클래스 번호여도, 확률이어도(가장 큰 것을 고릅니다) 됩니다. .counts는 개수를 담은 텐서입니다.",
    "dict":
      "새 dict를 만듭니다: 빈 dict, 다른 dict의 복사본, 또는 (key, value) 쌍들로 만든 dict. 예: dict([(\"a\", 1), (\"b\", 2)])는 {'a': 1, 'b': 2}입니다.",
    "savez":
      "텐서들을 numpy의 .npz 형식으로 저장합니다. np.savez에 배열을 위치로 주었을 때처럼 첫 번째는 arr_0, 다음은 arr_1, ... 이라는 이름이 붙습니다. numpy에서는 np.load(file)로 읽습니다. 예: savez(\"maps.npz\", x, y).",
    "show_mistakes":
      "모델이 틀린 이미지를 n장까지, 정답과 모델의 답(그리고 얼마나 확신했는지)과 함께 보여 줍니다: show_mistakes(model, x_test, y_test, n=16, class_names=class_names).",
    "to_categorical":
      "원-핫 정답: to_categorical([0, 2], 3)은 [[1, 0, 0], [0, 0, 1]]입니다. categorical_crossentropy에 씁니다. sparse_categorical_crossentropy는 클래스 번호를 그대로 받습니다.",
    "std":
      "텐서 값들의 표준편차(numpy처럼 n으로 나눈 값)로, 수 하나입니다. axis를 주면 그 축을 따른 표준편차(텐서)입니다. 예: std(tensor([3, 1, 2])).",
    "argmin":
      "가장 작은 값의 위치입니다(같으면 첫 번째). 텐서 전체에서는 수 하나이고, axis를 주면 그 축을 따라 찾은 위치(텐서)입니다. 예: argmin(tensor([3, 1, 2])).",
    "plt.figure":
      "새 그림(figure)을 시작합니다. 그 전에 그린 그림의 이미지들을 먼저 보여 줍니다. figsize는 받기는 하지만 아무것도 바꾸지 않습니다: CNN Lab은 이미지 크기를 스스로 정합니다.",
    "array_equal":
      "a와 b의 모양이 같고 값도 정확히 같으면 True입니다. 예: array_equal(max_pool(x, 2), [[6, 5], [7, 9]]).",
    "plt.title":
      "현재 패널의 제목으로, 그 이미지 위에 표시됩니다.",
    "plt.grid":
      "호출할 수는 있지만 아무것도 바꾸지 않습니다: CNN Lab의 이미지에는 격자선(grid line)이 없습니다.",
    "plt.axis":
      "호출할 수는 있지만 아무것도 바꾸지 않습니다: CNN Lab의 이미지에는 축(axis)이 없습니다.",
    "plt.yticks":
      "호출할 수는 있지만 아무것도 바꾸지 않습니다: CNN Lab의 이미지에는 눈금(tick)이 없습니다.",
    "plt.show":
      "그림(figure)의 이미지들을 지금 바로 보여 주고, 빈 그림을 새로 시작합니다.",
    "plt.xlabel":
      "호출할 수는 있지만 아무것도 바꾸지 않습니다: CNN Lab의 이미지에는 축 이름표(axis label)가 없습니다.",
    "plt.suptitle":
      "그림(figure) 전체의 제목으로, 그 이미지들 위에 적힙니다.",
    "plt.imshow":
      "X(이미지, 특성 맵, 중첩 list)의 이미지를 현재 패널에 넣습니다. plt.show()를 부르거나 셀이 끝나면 CNN Lab의 이미지로 보여 줍니다. cmap은 컬러맵(colormap) 이름입니다(CNN Lab에 없는 컬러맵이면 기본 컬러맵을 씁니다). vmin과 vmax는 값의 범위를 고정합니다. 그 밖의 matplotlib 키워드는 받기는 하지만 아무것도 바꾸지 않습니다.",
    "plt.subplot":
      "rows x columns 그림에서 index번째 패널(1부터 셈)을 고릅니다: plt.subplot(1, 3, 2) 또는 plt.subplot(132). CNN Lab은 패널들을 격자로 배치하지 않고 차례로 하나씩 보여 줍니다.",
    "var":
      "텐서 값들의 분산(numpy처럼 n으로 나눈 값)으로, 수 하나입니다. axis를 주면 그 축을 따른 분산(텐서)입니다. 예: var(tensor([3, 1, 2])).",
    "clip":
      "a의 모든 값을 a_min..a_max 범위로 제한합니다(None이면 그쪽으로는 제한이 없습니다). 예: clip(x, 0, 1).",
    "isclose":
      "값마다, a와 b가 반올림 오차 안에서 같은지를 allclose와 같은 기준으로 비교합니다: 결과는 불리언(boolean) 텐서입니다.",
    "squeeze":
      "크기가 1인 축들을 뺀 텐서입니다(axis를 주면 그 축만 빼며, 그 축의 크기는 1이어야 합니다).",
    "display":
      "IPython의 display()와 같습니다: show(value)처럼 값을 하나씩 바로 보여 줍니다. 예: display(x, y).",
    "plt.colorbar":
      "호출할 수는 있지만 아무것도 바꾸지 않습니다: CNN Lab의 이미지에는 컬러 막대(colour bar)가 없습니다. 대신 작은 2-D 텐서는 값을 표로 보여 줍니다.",
    "plt.xticks":
      "호출할 수는 있지만 아무것도 바꾸지 않습니다: CNN Lab의 이미지에는 눈금(tick)이 없습니다.",
    "plt.ylabel":
      "호출할 수는 있지만 아무것도 바꾸지 않습니다: CNN Lab의 이미지에는 축 이름표(axis label)가 없습니다.",
    "expand_dims":
      "axis 위치에 크기 1인 새 축을 넣은 텐서입니다: expand_dims(x, 0)은 이미지 하나를 크기 1인 배치로 만들고, expand_dims(x, -1)은 채널 축을 덧붙입니다.",
    "allclose":
      "값의 모든 쌍이 반올림 오차 안에서 같으면 True입니다: 브로드캐스팅한 뒤 |a - b| <= atol + rtol * |b|인지 봅니다. 결과를 기대한 수와 비교해 확인할 때 씁니다. 예: allclose(mean(x, axis=1), [8 / 3, 10 / 3]).",
    "plt.tight_layout":
      "호출할 수는 있지만 아무것도 바꾸지 않습니다: CNN Lab은 이미지 배치를 스스로 정합니다.",
    "exit":
      "IPython에서처럼 jupyter console 세션을 끝냅니다(노트북에서는 무시됩니다). 괄호 없이 exit만 써도 되고, keep_kernel=True이면 커널은 계속 실행됩니다.",
    "quit":
      "IPython에서처럼 jupyter console 세션을 끝냅니다(노트북에서는 무시됩니다). 괄호 없이 quit만 써도 되고, keep_kernel=True이면 커널은 계속 실행됩니다.",
  ]

  static let constants: [String: String] = [
    "stderr":
      "표준 오류 스트림: print(..., file=stderr)가 여기에 쓰고, 대부분의 노트북은 빨간색으로 보여 줍니다.",
    "stdout":
      "표준 출력 스트림, print(file=...)의 기본값입니다.",
    "fashion_mnist":
      "Zalando의 Fashion-MNIST 데이터 세트(MIT 라이선스)로, keras.datasets.fashion_mnist와 같습니다: fashion_mnist.load_data()는 ((x_train, y_train), (x_test, y_test))를 돌려주고, fashion_mnist.class_names는 레이블 순서대로 된 열 가지 클래스 이름입니다: 'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'.",
    "mnist":
      "손글씨 숫자 데이터 세트 MNIST로, keras.datasets.mnist와 같습니다: mnist.load_data()는 Keras의 ~/.keras/datasets/mnist.npz를 읽고, mnist.load_data(path=...)는 .npz 파일이나 IDX 파일 네 개가 든 폴더를 읽습니다.",
  ]

  static let methods: [String: String] = [
    "fashion_mnist.load_data":
      "Fashion-MNIST의 옷 사진 70,000장(회색, 28x28)을 Keras가 돌려주는 모양 그대로 돌려줍니다: ((x_train, y_train), (x_test, y_test))이며, x_train의 모양은 (60000, 28, 28), x_test는 (10000, 28, 28), 픽셀 값은 0..255, 레이블은 0..9입니다(fashion_mnist.class_names가 그 이름입니다). 데비안 패키지 dataset-fashion-mnist나 Keras의 캐시 폴더 ~/.keras/datasets/fashion-mnist/에서 읽습니다. 예: (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data().",
    "mnist.load_data":
      "손글씨 숫자 70,000장을 Keras가 돌려주는 모양 그대로 돌려줍니다: ((x_train, y_train), (x_test, y_test))이며, 이미지는 (n, 28, 28), 픽셀 값은 0..255, 레이블은 0..9입니다. 아무것도 내려받지 않습니다: path는 Keras의 mnist.npz(노트북 폴더에서 먼저, 그다음 ~/.keras/datasets/에서 찾습니다), 배열 x_train, y_train, x_test, y_test가 든 다른 .npz, 또는 IDX 파일 네 개 train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte(gzip으로 압축했든 아니든)가 든 폴더입니다. 예: (x_train, y_train), (x_test, y_test) = mnist.load_data().",
    "layer.count_params":
      "층의 파라미터 수입니다.",
    "list.append":
      "list 끝에 값을 하나 덧붙입니다.",
    "list.clear":
      "항목을 모두 지웁니다.",
    "list.copy":
      "같은 항목을 가진 새 list입니다. 하나를 바꿔도 다른 하나는 바뀌지 않습니다.",
    "list.count":
      "value와 같은 항목이 몇 개인지 셉니다.",
    "list.extend":
      "다른 시퀀스의 항목을 모두 list 끝에 덧붙입니다.",
    "list.index":
      "value와 같은 첫 항목의 위치입니다.",
    "list.insert":
      "주어진 위치 앞에 값을 넣습니다.",
    "list.pop":
      "index 위치(기본은 마지막)의 항목을 빼내 돌려줍니다.",
    "list.remove":
      "value와 같은 첫 항목을 지웁니다.",
    "list.reverse":
      "list를 그 자리에서 거꾸로 뒤집습니다.",
    "list.sort":
      "list를 그 자리에서 작은 것부터(reverse=True이면 큰 것부터) 정렬합니다.",
    "model.add":
      "Sequential 끝에 층을 붙입니다: model.add(Dense(10)). 모델이 입력 모양을 알면 모양을 바로 확인합니다.",
    "model.count_params":
      "모양만으로 센 파라미터 수입니다(가중치를 만들지 않습니다).",
    "model.get_layer":
      "이 이름의 층입니다: model.get_layer(\"conv1\").",
    "model.predict":
      "배치에 대한 모델의 출력을 batch_size개씩 나누어 계산합니다: p = model.predict(x_test[:5])는 이미지마다 클래스 확률 한 줄을 줍니다. 이미지 한 장 (28, 28, 1)을 주면 model(x)처럼 배치 축 없이 출력을 돌려줍니다.",
    "model.summary":
      "summary(model)과 같은 표입니다.",
    "str.endswith":
      "글자가 suffix로 끝나면 True입니다.",
    "str.format":
      "{}마다 다음 값을 f-string 필드처럼 서식에 맞춰 넣은 글자입니다: \"{} has {:,} weights\".format(name, n). {0}, {1}은 위치로 값을 고릅니다.",
    "str.join":
      "문자열들 사이에 이 글자를 넣어 잇습니다: \", \".join([\"a\", \"b\"])는 \"a, b\".",
    "str.lower":
      "소문자로 바꾼 글자입니다.",
    "str.replace":
      "old 부분을 모두 new로 바꾼 글자입니다.",
    "str.split":
      "sep 사이사이의 조각들의 list입니다(기본은 연속된 공백으로 나눔).",
    "str.startswith":
      "글자가 prefix로 시작하면 True입니다.",
    "str.strip":
      "양 끝의 공백과 줄바꿈을 없앤 글자입니다.",
    "str.upper":
      "대문자로 바꾼 글자입니다.",
    "tensor.flatten":
      "모든 값을 한 줄로, 모양 (n,).",
    "tensor.reshape":
      "같은 값을 새 모양으로: x.reshape(28, 28) 또는 x.reshape((28, 28)). 크기 하나는 -1로 둘 수 있습니다.",
    "tuple.count":
      "value와 같은 항목이 몇 개인지 셉니다.",
    "tuple.index":
      "value와 같은 첫 항목의 위치입니다.",
    "dict.clear":
      "모든 키를 지웁니다.",
    "dict.copy":
      "키와 값이 같은 새 dict입니다. 하나를 바꿔도 다른 하나는 바뀌지 않습니다.",
    "dict.get":
      "key의 값을 돌려주고, 그 키가 없으면 default(주지 않으면 None)를 돌려줍니다: KeyError가 나지 않습니다.",
    "dict.items":
      "(key, value) 쌍들의 list입니다. 이런 반복문에 씁니다: for name, values in d.items():",
    "dict.keys":
      "키들을 넣은 순서대로 담은 list입니다. 예: {\"loss\": [0.5]}.keys()는 ['loss']입니다.",
    "dict.pop":
      "key를 지우고 그 값을 돌려줍니다. 키가 없을 때 default를 주었으면 default를, 아니면 KeyError를 냅니다.",
    "dict.update":
      "다른 dict의 모든 키를 이 dict에 넣고, 이미 있던 값은 바꿉니다.",
    "dict.values":
      "값들을 그 키를 넣은 순서대로 담은 list입니다.",
    "layer.get_weights":
      "층의 가중치 list입니다: Conv2D와 Dense는 [kernel, bias], BatchNormalization은 [gamma, beta, moving_mean, moving_variance], 가중치가 없는 층은 []입니다.",
    "layer.set_weights":
      "층의 가중치를 get_weights()가 주는 모양의 list로 바꿉니다.",
    "model.compile":
      "모델이 배우는 방법을 정합니다: model.compile(optimizer=\"adam\", loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"]). 옵티마이저는 이름이나 Adam(...), SGD(...), RMSprop(...), AdamW(...)로, 손실 함수는 이름이나 객체로 줍니다.",
    "model.evaluate":
      "모델이 학습하지 않은 데이터에서의 손실(과 정확도): loss, acc = model.evaluate(x_test, y_test). 지표(metric)가 있으면 [loss, accuracy]를, 없으면 손실만 돌려줍니다.",
    "model.fit":
      "모델을 학습시킵니다: history = model.fit(x_train, y_train, epochs=3, batch_size=32, validation_split=0.1). Keras의 진행 표시줄과 손실·정확도의 실시간 차트를 보여 주고, show_filters=model.layers[0](또는 True)이면 첫 층의 필터가 배워지는 모습을 다시 그립니다. History를 돌려줍니다. 정지 버튼을 누르면 다음 배치에서 멈추고 마지막 걸음의 가중치를 그대로 둡니다.",
    "model.get_weights":
      "모든 층의 가중치를 층 순서대로, Keras처럼 한 list에 담아 줍니다.",
    "model.load_weights":
      "save_weights가 쓴 가중치를 층이 같은 모델에 읽어 들입니다.",
    "model.save_weights":
      "모든 가중치를 .npz 파일에 씁니다(numpy의 np.load로 읽을 수 있습니다): model.save_weights(\"lenet.weights.npz\").",
    "model.set_weights":
      "모든 가중치를 get_weights()가 주는 모양의 list로 바꿉니다.",
    "model.train_on_batch":
      "배치 하나로 한 걸음 학습합니다: 그 걸음 전의 배치 손실(과 정확도)을 돌려줍니다. 예: loss = model.train_on_batch(x[:32], y[:32]).",
    "tensor.copy":
      "같은 값들입니다. 텐서는 이미 값(value)이므로, 한 텐서에 값을 써 넣어도 다른 텐서는 절대 바뀌지 않습니다.",
    "tensor.tolist":
      "값들을 수의 중첩 list로 돌려줍니다(불리언 텐서라면 True와 False의 list). numpy의 tolist와 같습니다.",
    "tensor.mean":
      "값들의 평균입니다: 모든 값에 대해서는 수 하나, axis를 주면 그 축을 따라 구한 텐서입니다. keepdims=True이면 그 축을 크기 1로 남깁니다. 예: x.mean(axis=0).",
    "tensor.argmin":
      "가장 작은 값의 위치입니다(같으면 첫 번째): 모든 값에 대해서는 수 하나, axis를 주면 그 축을 따라 찾은 텐서입니다. keepdims=True이면 그 축을 크기 1로 남깁니다. 예: x.argmin(axis=0).",
    "tensor.std":
      "값들의 표준편차(numpy처럼 n으로 나눈 값)입니다: 모든 값에 대해서는 수 하나, axis를 주면 그 축을 따라 구한 텐서입니다. keepdims=True이면 그 축을 크기 1로 남깁니다. 예: x.std(axis=0).",
    "tensor.astype":
      "값들을 numpy의 해당 타입이 담는 방식대로 바꿉니다: \"float32\"는 값을 그대로 두고, \"int32\"/\"int64\"/int는 소수 부분을 잘라 냅니다(0 쪽으로). \"uint8\"은 여기에 더해 값을 0..255 범위로 돌려 감고(wrap), \"bool\"/bool은 0이 아닌 값들을 참으로 표시합니다. 값은 여전히 수(또는 불리언)입니다. 예: (x * 255).astype(\"uint8\").",
    "tensor.squeeze":
      "크기가 1인 축들을 뺀 텐서입니다(axis를 주면 그 축만 빼며, 그 축의 크기는 1이어야 합니다). 예: (1, 28, 28, 1) 배치는 (28, 28)이 됩니다.",
    "tensor.any":
      "0이 아닌 값이 하나라도 있으면 True입니다. axis를 주면 그 축을 따라 판단한 불리언 텐서입니다. 예: (x == 2).any().",
    "tensor.transpose":
      "축을 거꾸로 된 순서로, 또는 주어진 순서로 바꿉니다: x.transpose(2, 0, 1) 또는 x.transpose((2, 0, 1)).",
    "tensor.min":
      "가장 작은 값입니다: 모든 값에 대해서는 수 하나, axis를 주면 그 축을 따라 구한 텐서입니다. keepdims=True이면 그 축을 크기 1로 남깁니다. 예: x.min(axis=0).",
    "tensor.all":
      "모든 값이 0이 아니면 True입니다. axis를 주면 그 축을 따라 판단한 불리언 텐서입니다. 예: (x >= 0).all().",
    "tensor.item":
      "값을 정확히 하나 가진 텐서의 그 값을 수로 돌려줍니다.",
    "tensor.clip":
      "모든 값을 a_min..a_max 범위로 제한합니다(None이면 그쪽으로는 제한이 없습니다). 예: x.clip(0, 255).",
    "tensor.var":
      "값들의 분산(numpy처럼 n으로 나눈 값)입니다: 모든 값에 대해서는 수 하나, axis를 주면 그 축을 따라 구한 텐서입니다. keepdims=True이면 그 축을 크기 1로 남깁니다. 예: x.var(axis=0).",
    "tensor.argmax":
      "가장 큰 값의 위치입니다(같으면 첫 번째): 모든 값에 대해서는 수 하나, axis를 주면 그 축을 따라 찾은 텐서입니다. keepdims=True이면 그 축을 크기 1로 남깁니다. 예: x.argmax(axis=0).",
    "tensor.max":
      "가장 큰 값입니다: 모든 값에 대해서는 수 하나, axis를 주면 그 축을 따라 구한 텐서입니다. keepdims=True이면 그 축을 크기 1로 남깁니다. 예: x.max(axis=0).",
    "tensor.sum":
      "값들의 합입니다: 모든 값에 대해서는 수 하나, axis를 주면 그 축을 따라 구한 텐서입니다. keepdims=True이면 그 축을 크기 1로 남깁니다. 예: x.sum(axis=0).",
  ]

  static let properties: [String: String] = [
    "explanation.text":
      "설명을 셀이 보여 주는 줄 그대로, 평범한 글자로.",
    "explanation.value":
      "설명한 출력 값입니다.",
    "layer.bias":
      "편향: 필터나 유닛마다 값 하나(학습 전에는 0), use_bias=False이면 None.",
    "layer.input_shape":
      "입력 모양(배치는 None)입니다. 알게 된 뒤에 있습니다.",
    "layer.kernel":
      "커널: Conv2D는 (kh, kw, C_in, filters), Dense는 (inputs, units). 처음 쓸 때 seed로 만들어집니다.",
    "layer.layers":
      "블록 안의 층들, 순서대로(다른 층은 []).",
    "layer.name":
      "층의 이름: summary가 보여 주고 get_layer가 찾는 이름입니다.",
    "layer.output":
      "마지막 순전파에서 층이 계산한 값(텐서)입니다. 아직 실행하지 않았으면 심볼릭 출력입니다.",
    "layer.output_shape":
      "출력 모양(배치는 None)입니다. 층이 입력을 알게 된 뒤에 있습니다: (None, 26, 26, 8).",
    "layer.weights":
      "list [kernel, bias]입니다(편향이 없으면 [kernel], 가중치가 없는 층은 []).",
    "model.input_shape":
      "입력 모양(배치는 None)입니다.",
    "model.layers":
      "모델의 층들, 순서대로(입력은 빼고): 호출한 뒤 model.layers[0].output.",
    "model.name":
      "모델의 이름입니다.",
    "model.output_shape":
      "출력 모양(배치는 None)입니다.",
    "symbolic tensor.shape":
      "모양(배치 크기는 None)입니다.",
    "tensor.T":
      "축을 거꾸로 뒤집은 텐서입니다: 행렬의 행이 열이 됩니다.",
    "tensor.dtype":
      "값의 수 타입: \"float32\"이고, 비교 연산의 결과는 \"bool\"입니다.",
    "tensor.ndim":
      "축의 개수: 흑백 이미지는 2, (H, W, C)는 3, 배치는 4.",
    "tensor.shape":
      "축마다의 크기를 tuple로: (H, W), (H, W, C) 또는 (N, H, W, C).",
    "tensor.size":
      "값의 개수: 모양의 곱입니다.",
    "History.epoch":
      "epoch 번호들로, 0부터 셉니다.",
    "History.history":
      "epoch마다 값 하나씩 담은 list들의 dict입니다: history.history[\"loss\"], history.history[\"val_accuracy\"].",
    "History.params":
      "학습 설정: verbose, epochs, epoch당 걸음 수.",
    "confusion matrix.counts":
      "개수를 담은 텐서입니다: 행은 정답 클래스, 열은 예측 클래스입니다.",
    "layer.trainable":
      "fit이 이 층의 가중치를 바꾸는지 여부: layer.trainable = False로 층을 얼립니다.",
    "model.history":
      "마지막 fit의 History입니다(정지 버튼으로 멈춘 fit도 포함).",
    "model.optimizer":
      "compile이 고른 옵티마이저입니다(compile 전에는 None).",
    "optimizer.iterations":
      "이 옵티마이저가 지금까지 걸은 학습 걸음 수입니다.",
    "optimizer.learning_rate":
      "걸음의 크기(학습률)입니다.",
    "layer.padding":
      "합성곱이나 풀링의 패딩(padding): \"valid\" 또는 \"same\".",
    "layer.activation":
      "활성화 함수의 이름: \"relu\", \"softmax\", ... (활성화가 없으면 \"linear\").",
    "layer.pool_size":
      "풀링 층의 창 크기를 쌍으로: MaxPooling2D().pool_size는 (2, 2)입니다.",
    "layer.strides":
      "합성곱이나 풀링이 한 번에 움직이는 걸음(스트라이드)을 쌍으로: 기본은 (1, 1)이고, 풀링은 따로 주지 않으면 풀 크기와 같습니다.",
    "layer.kernel_size":
      "합성곱의 창 크기를 쌍 (kh, kw)로: Conv2D(8, 3).kernel_size는 (3, 3)입니다.",
    "layer.rate":
      "Dropout 층의 비율(rate)입니다.",
    "layer.units":
      "Dense 층의 출력 개수입니다.",
    "layer.filters":
      "합성곱의 필터 수(출력 채널 수)입니다.",
  ]

  static let types: [String: String] = [
    "None":
      "None은 '값 없음'입니다: return이 없는 함수가 돌려주는 것입니다.",
    "bool":
      "True 또는 False, x > 0 같은 비교의 결과입니다.",
    "explanation":
      "합성곱이나 풀링의 출력 값 하나가 어떻게 계산되었는지: 입력 창, 필터, 곱, 그 합, 편향과 활성화. explain(y, at=(row, column))이 만듭니다.",
    "layer":
      "Conv2D(8, 3) 같은 층: 텐서에 호출하면 바로 실행되고, Input에 호출하면 모델을 만듭니다. 가중치는 처음 필요할 때 seed로 만들어집니다.",
    "list":
      "list는 값을 순서대로 담습니다: [3, 0, 1]. 인덱스는 0부터이고, 음수 인덱스는 끝에서부터 세며, xs[a:b]는 슬라이스입니다. list는 공유됩니다: ys = xs 뒤에 xs.append(4)를 하면 ys도 바뀝니다.",
    "model":
      "층들의 네트워크: Sequential([...]), Model(inputs, outputs), 또는 LeNet5() 같은 모델 모음(zoo)의 모델. 이미지 (H, W, C)나 배치 (N, H, W, C)에 호출하면, 그 뒤로 층마다 출력을 간직합니다.",
    "number":
      "수: 3, -1.5, 1e-3. 수 타입은 하나뿐이고, 정수는 '.0' 없이 찍힙니다.",
    "range":
      "range(start, stop, step)으로 만든 정수의 범위입니다. 반복문에 쓰거나 list(...)로 list로 바꿉니다.",
    "str":
      "문자열은 따옴표 안의 글자입니다: \"same\" 또는 'valid'. f\"{x:.2f}\"로 값을 글자 안에 넣습니다.",
    "summary":
      "summary(model)이 보여 주는 표: 층마다 출력 모양, 파라미터 수, MACs, 그리고 합계.",
    "symbolic tensor":
      "Input(shape)에 층을 호출하면 나오는 것: 배치 자리가 None인 모양과, 그것을 만든 층들. Model(inputs, outputs)가 이런 그래프를 모델로 만듭니다.",
    "tensor":
      "float32 수의 격자: 이미지 (H, W)나 (H, W, C), 배치 (N, H, W, C), 커널, 벡터. 산술은 브로드캐스팅과 함께 원소별로 하고, x[i, j]는 값 하나를 읽으며, x.shape가 그 크기입니다.",
    "tuple":
      "tuple은 괄호 안의 고정된 시퀀스입니다: (28, 28, 1). 모양은 tuple입니다. list처럼 인덱스와 슬라이스를 쓰지만 바꿀 수는 없습니다.",
    "History":
      "fit이 돌려주는 것: history.history는 'loss', 'accuracy', 'val_loss', 'val_accuracy'를 epoch마다 값 하나씩으로 연결합니다.",
    "callback":
      "fit이 epoch가 끝날 때마다 하는 일: 일찍 멈추거나 가중치를 저장합니다.",
    "confusion matrix":
      "(정답, 예측) 클래스 쌍마다 센 개수입니다. .counts가 그것을 텐서로 줍니다.",
    "dict":
      "dict는 키를 값에 연결합니다: {\"loss\": [0.5, 0.3], \"accuracy\": [0.8, 0.9]}. d[\"loss\"]는 값을 읽고, d[\"lr\"] = 0.01은 값을 넣고, \"loss\" in d는 키가 있는지 묻고, for key in d는 키를 넣은 순서대로 돕니다. dict는 list처럼 공유됩니다.",
    "loss":
      "손실 함수: 모델의 출력이 얼마나 틀렸는지를 나타내는 수로, 학습은 이 수를 줄입니다.",
    "optimizer":
      "옵티마이저: 학습의 매 걸음에서 기울기로 가중치를 어떻게 바꿀지 정합니다.",
  ]
}
