// The Korean paragraphs of the widget vocabulary (`Widgets/`), kept beside the rest of
// KoreanHelp's tables.
extension KoreanHelp {
  static let widgetFunctions: [String: String] = [
    "explore":
      "모델을 입력 하나에 실행해 놓고 클릭으로 둘러봅니다: 층 드롭다운, 채널 슬라이더, 그 층과 채널의 특성 맵 그림, 그리고 행·열 슬라이더와 그 자리 값의 explain()(입력 창, 필터, 곱, 합). 28x28 숫자는 LeNet-5의 32x32에 맞게 0으로 둘러쌉니다. 예: explore(LeNet5(), image(\"digit9\")).",
    "interact":
      "키워드마다 조작 장치를 만들고 그 값으로 f를 불러, f가 print하고 show한 것을 그 아래에 보여 줍니다. 장치를 움직일 때마다 다시 부릅니다: (1, 7)이나 (1, 7, 2) 같은 범위는 슬라이더, 리스트는 드롭다운, True나 False는 체크 상자가 됩니다. 위젯은 그대로 쓰고, 다른 값은 그대로 넘깁니다. 예: interact(f, size=(1, 7, 2), padding=[\"valid\", \"same\"]).",
    "IntSlider":
      "정수를 고르는 슬라이더: IntSlider(value=3, min=1, max=7, step=2, description=\"size\"). 학습자가 고른 값은 .value에 있습니다.",
    "FloatSlider":
      "소수를 고르는 슬라이더: FloatSlider(value=0.5, min=0, max=1, step=0.05, description=\"alpha\").",
    "Play":
      "재생 버튼: 브라우저에서 interval 밀리초마다 value를 min에서 max까지 한 step씩 셉니다. jslink((play, \"value\"), (slider, \"value\"))로 슬라이더를 함께 움직입니다.",
    "Dropdown":
      "선택지 하나를 고르는 목록: Dropdown([\"valid\", \"same\"], value=\"same\", description=\"padding\").",
    "ToggleButtons":
      "선택지마다 버튼이 하나씩 있고 한 번에 하나만 눌립니다: ToggleButtons([\"max\", \"avg\"], description=\"pool\").",
    "Checkbox":
      "체크 상자: Checkbox(value=True, description=\"bias\"). .value는 True나 False입니다.",
    "Button":
      "버튼: observe(button, f)로 누를 때마다 f(change)가 불립니다(change[\"new\"]는 누른 횟수).",
    "Label":
      "프로그램이 바꿀 수 있는 글 한 줄: status = Label(\"ready\"); status.value = \"done\".",
    "HTML":
      "HTML 글, 또는 표로 그린 설명: HTML(explain(y, at=(0, 0))).",
    "Image":
      "텐서(특성 맵, 이미지)의 그림, 너비 width 픽셀. .value에 다른 텐서를 넣으면 다시 그립니다: picture = Image(conv2d(x, k)); picture.value = relu(y).",
    "HBox":
      "위젯을 옆으로 나란히 놓습니다: HBox([slider, picture]).",
    "VBox":
      "위젯을 위아래로 쌓습니다: VBox([dropdown, slider, picture]).",
    "observe":
      "학습자가 위젯을 바꿀 때마다 f(change)를 부릅니다. change[\"new\"]는 새 값, change[\"old\"]는 이전 값입니다. 출력은 JupyterLab의 로그 콘솔(View > Show Log Console)에 나타납니다.",
    "jslink":
      "두 위젯의 값을 코드 실행 없이 브라우저에서 같게 유지합니다: jslink((play, \"value\"), (slider, \"value\")).",
  ]

  static let widgetProperties: [String: String] = [
    "widget.value": "위젯의 값: 슬라이더의 수, 드롭다운에서 고른 선택지, 그림의 텐서. 바꾸면 화면도 바뀝니다.",
    "widget.description": "위젯 옆에 붙는 이름표.",
    "widget.min": "슬라이더의 가장 작은 값.",
    "widget.max": "슬라이더의 가장 큰 값.",
    "widget.step": "슬라이더가 한 번에 움직이는 크기.",
    "widget.options": "드롭다운이나 토글 버튼의 선택지 리스트.",
    "widget.children": "HBox나 VBox 안의 위젯 리스트.",
  ]

  static let widgetTypes: [String: String] = [
    "widget":
      "노트북 안의 조작 장치(IntSlider, Dropdown, ...), 그림(Image), 글(Label, HTML), 또는 그것들을 담은 상자(HBox, VBox). 다른 값처럼 보여 주면 되고, observe(widget, f)는 학습자가 움직일 때 f를 부릅니다. Jupyter 위젯을 그리는 프런트엔드(jupyterlab_widgets가 있는 JupyterLab)가 필요하고, 그 밖에서는 글로 보입니다.",
  ]
}
