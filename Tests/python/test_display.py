"""Tensors, pictures and explanations as a notebook receives them from the real kernel.

Pictures are decoded with Pillow (an independent PNG decoder) and value tables with Python's
html.parser; expected pixels and sizes are worked out by hand from the renderer's documented
layout, not read back from the kernel.
"""
import base64
import io
import re
import struct
import time
from html.parser import HTMLParser

import pytest
from PIL import Image

from conftest import result_text, run_cell


def displays(outputs, kind="display_data"):
    return [m["content"] for m in outputs if m["msg_type"] == kind]


def decode_png(content):
    raw = base64.b64decode(content["data"]["image/png"])
    assert raw.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(raw))


def strip_ansi(lines):
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(lines))


def test_known_tensor_png_pixels(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, 'show(tensor([[0, 255], [128, 64]]), cmap="gray", scale=(0, 255))')
    assert reply["status"] == "ok"
    [shown] = displays(outputs)
    image = decode_png(shown).convert("L")
    meta = shown["metadata"]["image/png"]
    assert (meta["width"], meta["height"]) == image.size
    # A lone 2x2 map aims at 224 px, so each value becomes a 112x112 block; the grid starts
    # after the 10 px margin and a 1 px border. Gray over the fixed scale 0..255 keeps each
    # value as its own gray level.
    origin, block = 11, 112
    expected = {(0, 0): 0, (0, 1): 255, (1, 0): 128, (1, 1): 64}
    for (r, c), level in expected.items():
        cx, cy = origin + c * block + block // 2, origin + r * block + block // 2
        assert image.getpixel((cx, cy)) == level
        # Nearest-neighbour upscaling: the whole block is flat, up to its edges.
        assert image.getpixel((origin + c * block, origin + r * block)) == level
        assert image.getpixel((origin + (c + 1) * block - 1, origin + (r + 1) * block - 1)) == level
    # Picture width: the 224 px grid, its 1 px border on both sides and two 10 px margins.
    assert image.size[0] == 224 + 2 + 20
    assert "tensor of shape (2, 2)" in shown["data"]["text/plain"]


class TableParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.in_cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.in_cell = tag
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.in_cell:
            self.rows[-1].append((self.in_cell, self.cell))
            self.in_cell = None

    def handle_data(self, data):
        if self.in_cell:
            self.cell += data


def test_small_tensor_html_table(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "tensor([[1, 2.5, -3], [4, 5, 6]])")
    assert reply["status"] == "ok"
    [result] = displays(outputs, "execute_result")
    parser = TableParser()
    parser.feed(result["data"]["text/html"])
    header, first, second = parser.rows
    assert [text for _, text in header] == ["", "0", "1", "2"]
    assert first == [("th", "0"), ("td", "1"), ("td", "2.5"), ("td", "-3")]
    assert [text for kind, text in second if kind == "td"] == ["4", "5", "6"]
    assert "image/png" in result["data"]


def test_layer_output_shows_as_picture(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, 'show(Conv2D(8, 3, seed=1)(image("digit9")))')
    assert reply["status"] == "ok"
    [shown] = displays(outputs)
    assert "image/png" in shown["data"] and "text/plain" in shown["data"]
    assert "(26, 26, 8)" in shown["data"]["text/plain"]
    assert decode_png(shown).size == (shown["metadata"]["image/png"]["width"], shown["metadata"]["image/png"]["height"])


def test_bad_call_is_an_error_and_the_kernel_goes_on(kernel):
    _, kc = kernel
    run_cell(kc, 'x = image("digit9")')
    reply, outputs = run_cell(kc, 'y = conv2d(x, filter("sobel_x"), padding="middle")')
    assert reply["status"] == "error"
    assert reply["ename"] == "ValueError"
    assert "padding='middle'" in reply["evalue"]
    [error] = [m["content"] for m in outputs if m["msg_type"] == "error"]
    text = strip_ansi(error["traceback"])
    assert 'y = conv2d(x, filter("sobel_x"), padding="middle")' in text
    assert re.search(r"\|\s{5}\^+", text), text  # the caret under column 5
    # A request that arrives within the kernel's stop-on-error grace window (a few ms after
    # the failure) counts as part of the same "Run All" and is aborted; a learner's next cell
    # comes later than that.
    time.sleep(0.2)
    reply, outputs = run_cell(kc, "x.shape")
    assert reply["status"] == "ok" and result_text(outputs) == "(28, 28)"


def test_explain_view(kernel):
    _, kc = kernel
    code = (
        "x = tensor([[3, 0, 1, 2, 7, 4], [1, 5, 8, 9, 3, 1], [2, 7, 2, 5, 1, 3],\n"
        "            [0, 1, 3, 1, 7, 8], [4, 2, 1, 6, 2, 8], [2, 4, 5, 2, 3, 9]])\n"
        'explain(conv2d(x, filter("vertical_edge")), at=(0, 0))'
    )
    reply, outputs = run_cell(kc, code)
    assert reply["status"] == "ok"
    [result] = displays(outputs, "execute_result")
    text = result["data"]["text/plain"]
    assert text.splitlines()[0] == "conv2d output [0, 0] = -5"
    assert text.splitlines()[-1] == "sum of products: 3 + 0 - 1 + 1 + 0 - 8 + 2 + 0 - 2 = -5"
    parser = TableParser()
    parser.feed(result["data"]["text/html"])
    cells = [[text for _, text in row] for row in parser.rows]
    # Three 3x3 tables: the window, the filter and the products, in that order.
    assert cells[0:3] == [["3", "0", "1"], ["1", "5", "8"], ["2", "7", "2"]]
    assert cells[3:6] == [["1", "0", "-1"]] * 3
    assert cells[6:9] == [["3", "0", "-1"], ["1", "0", "-8"], ["2", "0", "-2"]]
    assert "sum <b>-5</b>" in result["data"]["text/html"]


def test_show_rejects_unknown_colormap(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, 'show(zeros((2, 2)), cmap="rainbow")')
    assert reply["status"] == "error" and reply["ename"] == "ValueError"
    assert "unknown colormap 'rainbow'" in reply["evalue"]
    assert not displays(outputs)


def test_images_and_idx_files_from_disk(kernel, tmp_path):
    _, kc = kernel
    png = tmp_path / "pattern.png"
    Image.frombytes("RGB", (3, 2), bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90])).save(png)
    reply, outputs = run_cell(kc, f'p = image("{png}")\nprint(p.shape, p[0, 0, 0], p[1, 2, 2])')
    assert reply["status"] == "ok", reply
    assert "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream") == "(2, 3, 3) 255 90\n"

    # IDX: magic 0 0, type 0x08 (unsigned bytes), 3 dimensions (2, 2, 2), then the data.
    idx = tmp_path / "tiny-images-idx3-ubyte"
    idx.write_bytes(bytes([0, 0, 8, 3]) + struct.pack(">III", 2, 2, 2) + bytes(range(8)))
    reply, outputs = run_cell(kc, f'd = load_idx("{idx}")\nprint(d.shape, d[1, 1, 0, 0], d[0, 0, 1, 0])')
    assert reply["status"] == "ok", reply
    assert "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream") == "(2, 2, 2, 1) 6 1\n"


def stream_text(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def keras_same(size, kernel, stride):
    """Keras's "same" padding: ceil(size / stride) outputs, the odd padding cell after."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return out, total // 2


def test_convolution_and_pooling_match_numpy(kernel):
    """A multi-channel convolution (same padding, stride 2, bias, relu) and a max pool, computed
    by the kernel through the language and by a plain numpy loop from the same numbers."""
    np = pytest.importorskip("numpy")
    _, kc = kernel
    rng = np.random.default_rng(7)
    x = rng.integers(-5, 6, size=(7, 6, 3)).astype(np.float32)
    k = rng.integers(-2, 3, size=(3, 3, 3, 2)).astype(np.float32)
    bias = np.array([0.5, -1], dtype=np.float32)
    code = (
        f"x = tensor({x.tolist()})\nk = tensor({k.tolist()})\n"
        f'y = conv2d(x, k, strides=2, padding="same", bias={bias.tolist()}, activation="relu")\n'
        "print(y.shape)\nprint(list(flatten(y)))\n"
        "print(list(flatten(max_pool(x, 3, strides=2, padding=\"same\"))))\n"
        "print(explain(y, at=(1, 2, 1)).value)"
    )
    reply, outputs = run_cell(kc, code)
    assert reply["status"] == "ok", reply
    shape_line, conv_line, pool_line, explained = stream_text(outputs).strip().split("\n")

    oh, top = keras_same(7, 3, 2)
    ow, left = keras_same(6, 3, 2)
    padded = np.zeros((7 + 3, 6 + 3, 3), dtype=np.float32)
    padded[top : top + 7, left : left + 6] = x
    expected = np.zeros((oh, ow, 2), dtype=np.float32)
    for r in range(oh):
        for c in range(ow):
            window = padded[2 * r : 2 * r + 3, 2 * c : 2 * c + 3, :]
            for f in range(2):
                expected[r, c, f] = max(0.0, float((window * k[:, :, :, f]).sum() + bias[f]))
    assert shape_line == f"({oh}, {ow}, 2)"
    assert np.allclose(np.array(eval(conv_line), dtype=np.float32), expected.ravel(), atol=1e-5)
    assert abs(float(explained) - expected[1, 2, 1]) < 1e-5

    # Max pooling ignores padded cells: pad with -inf.
    pooled = np.full((7 + 3, 6 + 3, 3), -np.inf, dtype=np.float32)
    pooled[top : top + 7, left : left + 6] = x
    expected_pool = np.array(
        [[pooled[2 * r : 2 * r + 3, 2 * c : 2 * c + 3, ch].max() for ch in range(3)] for r in range(oh) for c in range(ow)]
    )
    assert np.allclose(np.array(eval(pool_line)), expected_pool.ravel())


class FigureParser(HTMLParser):
    """The parts of a tensor's `text/html`: title text, `<img>` sources, and per table the
    `style` of every value cell with its text."""

    def __init__(self):
        super().__init__()
        self.title, self.images, self.tables = "", [], []
        self._in_title = False
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("class") == "cnnlab-title":
            self._in_title = True
        elif tag == "img":
            self.images.append(attrs["src"])
        elif tag == "table":
            self.tables.append([])
        elif tag == "td":
            self._cell = [attrs.get("style", ""), ""]

    def handle_endtag(self, tag):
        if tag == "div":
            self._in_title = False
        elif tag == "td" and self._cell is not None:
            self.tables[-1].append(tuple(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._cell is not None:
            self._cell[1] += data


def figure(content):
    parser = FigureParser()
    parser.feed(content["data"]["text/html"])
    return parser


def png_of(src):
    prefix = "data:image/png;base64,"
    assert src.startswith(prefix)
    return Image.open(io.BytesIO(base64.b64decode(src[len(prefix):]))).convert("L")


def tile(image, rows, columns, origin=11):
    """The gray levels of a lone map drawn without title: each value a square block from
    `origin`, the block side read from the picture's width (the map and its two 11 px frames)."""
    side = (image.size[0] - 2 * origin) // columns
    return [[image.getpixel((origin + c * side + side // 2, origin + r * side + side // 2))
             for c in range(columns)] for r in range(rows)]


def map_area(image, rows, columns, origin=11):
    """The pixels of a lone map drawn without title (see `tile`), without paper or legend."""
    side = (image.size[0] - 2 * origin) // columns
    return list(image.crop((origin, origin, origin + side * columns, origin + side * rows)).tobytes())


def test_the_ten_zero_image_has_a_white_left_half_and_its_edge_a_white_band(kernel):
    """Chapter 5's teaching grid: 10 on the left, 0 on the right; drawn on its own range
    0..10, not on the pixel scale 0..255 where 10 and 30 are near black."""
    _, kc = kernel
    reply, outputs = run_cell(kc, 'ten_zero = reshape(image("vertical_edge_6x6"), (6, 6))\nshow(ten_zero)\n'
                                  'show(conv2d(ten_zero, filter("vertical_edge")))')
    assert reply["status"] == "ok", reply
    image, result = displays(outputs)
    levels = tile(decode_png(image).convert("L"), 6, 6)
    left = [v for row in levels for v in row[:3]]
    right = [v for row in levels for v in row[3:]]
    assert min(left) - max(right) >= 200, levels
    band = tile(decode_png(result).convert("L"), 4, 4)
    for row in band:
        assert min(row[1], row[2]) >= 200 and max(row[0], row[3]) <= 50, band


def test_a_pooling_result_of_small_whole_numbers_spans_the_gray_range(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "max_pool(tensor([[1, 3, 2, 1], [4, 6, 5, 0], [3, 1, 1, 2], [2, 0, 7, 8]]), 2)")
    assert reply["status"] == "ok", reply
    [result] = displays(outputs, "execute_result")
    levels = tile(decode_png(result).convert("L"), 2, 2)
    # [[6, 5], [3, 8]] on 0..8: 8 is white, 3 is 3/8 of the way (96), 6 is 191.
    assert levels[1][1] == 255 and levels[1][0] <= 100 and levels[0][0] > levels[0][1] > levels[1][0]


def test_pixels_keep_the_pixel_scale_through_indexing_and_rescaling(kernel):
    """A photo-like digit halved is darker than the digit (pixels stay on 0..255); after `/ 255`
    it is on 0..1, drawn the same as the bytes; a computed result spans its own range."""
    _, kc = kernel
    code = ('d = reshape(image("digit9"), (28, 28))\nprint(max(d))\nshow(d)\nshow(d / 2)\nshow(d / 255)\n'
            'show(d[0:14, :])\nshow(abs(conv2d(d / 255, filter("vertical_edge"))) / 100)')
    reply, outputs = run_cell(kc, code)
    assert reply["status"] == "ok", reply
    assert stream_text(outputs) == "255\n"
    whole, halved, unit, part, computed = [decode_png(c).convert("L") for c in displays(outputs)]
    assert max(map_area(whole, 28, 28)) == 255 and max(map_area(halved, 28, 28)) in (127, 128)
    assert map_area(unit, 28, 28) == map_area(whole, 28, 28)
    assert max(map_area(part, 14, 28)) == 255
    # The edge strengths, divided by 100 so they are all small, still reach white.
    assert max(map_area(computed, 26, 26)) == 255


def test_small_2d_tensor_html_shows_the_picture_beside_a_square_table(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "tensor([[0.005229, 0.0009604, 9], [12.5, 3, 0]])")
    assert reply["status"] == "ok"
    [result] = displays(outputs, "execute_result")
    parts = figure(result)
    assert parts.images == ["data:image/png;base64," + result["data"]["image/png"]]
    [cells] = parts.tables
    # One notation: 4 significant digits of the largest value (12.5), fixed, 2 decimals.
    assert [text for _, text in cells] == ["0.01", "0", "9", "12.5", "3", "0"]
    widths = {re.search(r"(?:^|;)width:(\d+)px", style).group(1) for style, _ in cells}
    heights = {re.search(r"height:(\d+)px", style).group(1) for style, _ in cells}
    assert len(widths) == 1 and widths == heights
    sizes = {int(re.search(r"font-size:(\d+)px", result["data"]["text/html"]).group(1))}
    assert min(sizes) >= 12
    # Text flips to white on dark cells: below half of the 0..12.5 gray scale.
    assert all(("color:#fff" in style) == (float(text) < 6.25) for style, text in cells)


def test_vectors_show_their_values_and_probabilities_show_labelled_bars(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "y = conv1d(tensor([1, 3, 2, 5, 4, 1]), tensor([1, 2, 1]))\nshow(y)\n"
                                  "show(softmax(tensor([2, 1, 0.1])), class_names=['cat', 'dog', 'bird'])\n"
                                  "print(softmax(tensor([2, 1, 0.1])))\nprint(f'{y}')")
    assert reply["status"] == "ok", reply
    vector, probabilities = displays(outputs)
    [bars] = figure(vector).tables
    assert [text for _, text in bars][4:8] == ["9", "12", "16", "14"]
    html = probabilities["data"]["text/html"]
    # e^2, e^1, e^0.1 over their sum: 65.9%, 24.2%, 9.9%.
    for label, percent in [("cat", "65.9%"), ("dog", "24.2%"), ("bird", "9.9%")]:
        assert label in html and percent in html
    assert html.index("cat") < html.index("65.9%") < html.index("dog")
    assert stream_text(outputs) == "tensor([0.659, 0.242, 0.099])\ntensor([ 9, 12, 16, 14])\n"


def test_titles_stand_above_their_picture_in_any_script(kernel):
    """The HTML carries the title as a header before the picture, in the browser's fonts; the
    PNG alone carries it drawn on top of the tiles, Hangul from the system's Korean font
    (fonts-nanum, which scripts/install-system-deps.sh installs)."""
    _, kc = kernel
    reply, outputs = run_cell(kc, 'show(ones((8, 8, 2)), title="수직 경계")\nshow(ones((8, 8, 2)), title="vertical edges")')
    assert reply["status"] == "ok"
    korean, latin = displays(outputs)
    parts = figure(korean)
    assert parts.title == "수직 경계" and len(parts.images) == 1
    html = korean["data"]["text/html"]
    assert html.index("cnnlab-title") < html.index("<img")
    assert korean["data"]["text/plain"].startswith("수직 경계")
    assert figure(latin).title == "vertical edges"
    for shown in (latin, korean):
        # The PNG with a drawn title is taller than the HTML's untitled picture by the title's
        # line, and that line, above the tiles, has ink.
        drawn = decode_png(shown)
        untitled = png_of(figure(shown).images[0])
        assert drawn.size[0] == untitled.size[0] and drawn.size[1] > untitled.size[1]
        title_line = drawn.convert("L").crop((10, 10, 100, 26)).tobytes()
        assert min(title_line) < 100 and sum(v < 100 for v in title_line) > 30, "ink of the title on top"


def test_feature_maps_show_every_channel_and_mark_the_empty_ones(kernel):
    _, kc = kernel
    code = ('maps = relu(concat([ones((4, 4, 90)), -ones((4, 4, 6))]))\nshow(maps)\n'
            'show(maps, channels=(90, 96))\nshow(maps, channels=range(0, 3))')
    reply, outputs = run_cell(kc, code)
    assert reply["status"] == "ok", reply
    every, empty, first = displays(outputs)
    assert "+" not in every["data"]["text/plain"]
    # All 96 tiles: 6 of them all zero, and the note under the grid says so.
    assert decode_png(every).size[1] > decode_png(first).size[1]
    reply, outputs = run_cell(kc, 'show(maps, channels="a")')
    assert reply["status"] == "error" and "channels must be" in reply["evalue"]


@pytest.mark.parametrize("expression, reference", [
    ("arange(2000)", "np.arange(2000)"),
    ("reshape(arange(1200), (30, 40))", "np.arange(1200).reshape(30, 40)"),
    ("reshape(arange(24), (2, 3, 4))", "np.arange(24).reshape(2, 3, 4)"),
    ("reshape(arange(1500), (10, 10, 15))", "np.arange(1500).reshape(10, 10, 15)"),
    ("arange(30) - 15", "np.arange(30) - 15"),
])
def test_print_lays_out_values_as_numpy_does(kernel, expression, reference):
    """Whole numbers print exactly as numpy's repr lays them out (summarised beyond 1000
    values, 3 at each end, wrapped at 75 columns), but for the name: `tensor(` is one
    character longer than `array(`, so continuation lines are compared without their indent
    and the wrapping is checked on numpy's own output with the same width."""
    np = pytest.importorskip("numpy")
    _, kc = kernel
    reply, outputs = run_cell(kc, f"print({expression})")
    assert reply["status"] == "ok", reply
    ours = stream_text(outputs).rstrip("\n")
    with np.printoptions(linewidth=74):  # the same room for values after the longer name
        theirs = repr(eval(reference))
    theirs = re.sub(r", shape=\([0-9, ]*\)\)$", ")", theirs)  # numpy 2.2 adds the shape when summarising
    strip = lambda text: [line.strip() for line in text.split("\n")]
    assert ours.startswith("tensor(") and theirs.startswith("array(")
    assert strip(ours[len("tensor("):]) == strip(theirs[len("array("):])
