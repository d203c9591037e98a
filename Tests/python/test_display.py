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


def test_a_title_the_picture_font_cannot_letter_becomes_an_html_caption(kernel):
    """The pictures' bitmap font has Latin letters only; a Korean title must not turn into
    question marks, so it is shown as the caption of an HTML figure around the same PNG."""
    _, kc = kernel
    reply, outputs = run_cell(kc, 'show(ones((8, 8, 2)), title="수직 경계")')
    assert reply["status"] == "ok"
    [shown] = displays(outputs)
    html = shown["data"]["text/html"]
    assert "<figcaption" in html and "수직 경계" in html
    assert shown["data"]["image/png"] in html  # the same picture, not a second rendering
    assert shown["data"]["text/plain"].startswith("수직 경계")

    reply, outputs = run_cell(kc, 'show(ones((8, 8, 2)), title="vertical edges")')
    [shown] = displays(outputs)
    assert "text/html" not in shown["data"]  # drawn into the picture itself
