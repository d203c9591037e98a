"""Layers, models and summaries through the installed kernel."""
import time
from html.parser import HTMLParser

from conftest import run_cell, result_text, kernel  # noqa: F401


class TableCells(HTMLParser):
    """Collects the text of every <td>, row by row, for tbody and tfoot."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.in_cell = [], None, "", False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.in_cell, self.cell = True, ""
            self.style = dict(attrs).get("style", "")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.row.append((self.cell, self.style))
            self.in_cell = False
        elif tag == "tr":
            self.rows.append(self.row)

    def handle_data(self, data):
        if self.in_cell:
            self.cell += data


def result_data(outputs):
    for msg in outputs:
        if msg["msg_type"] == "execute_result":
            return msg["content"]["data"]
    return None


def test_summary_is_a_table_in_html_and_text(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "summary(LeNet5())")
    assert reply["status"] == "ok"
    data = result_data(outputs)
    assert "Total params: 61,706" in data["text/plain"]
    parser = TableCells()
    parser.feed(data["text/html"])
    body = {row[0][0]: row for row in parser.rows if row and not row[0][0].startswith("Layer")}
    c3 = body["c3 (Conv2D)"]
    # 16 filters of 5x5 over 6 channels plus 16 biases; 10x10x16 outputs of 150 MACs.
    assert [text for text, _ in c3] == ["c3 (Conv2D)", "(None, 10, 10, 16)", "2,416", "240,000", "16·(5·5·6)+16 = 2,416"]
    assert "text-align:right" in c3[2][1]


def test_vgg16_summary_is_quick(kernel):
    _, kc = kernel
    start = time.monotonic()
    reply, outputs = run_cell(kc, "summary(VGG16())")
    assert reply["status"] == "ok"
    assert time.monotonic() - start < 2
    assert "Total params: 138,357,544" in result_text(outputs)


def test_shape_error_names_the_layer_and_the_kernel_goes_on(kernel):
    _, kc = kernel
    reply, _ = run_cell(kc, "m = Sequential([Conv2D(8, 3, input_shape=(28, 28, 1)), Dense(10)])")
    assert reply["status"] == "error"
    assert reply["ename"] == "ShapeError"
    assert reply["evalue"] == "Dense 'dense' expects a vector (n,); got (26, 26, 8): add Flatten() before Dense"
    plain = "\n".join(reply["traceback"])
    assert "1:56" in plain and "^^^^^^^^^" in plain
    time.sleep(0.3)  # past the stop-on-error window, so this is new work rather than the rest of a Run All
    reply, outputs = run_cell(kc, "LeNet5().count_params()")
    assert reply["status"] == "ok", reply
    assert result_text(outputs) == "61706"


def test_show_filters_displays_the_kernel(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "c = Conv2D(4, 3, seed=1, input_shape=(8, 8, 1))\nm = Sequential([c])\nshow_filters(c)")
    assert reply["status"] == "ok"
    displays = [m for m in outputs if m["msg_type"] == "display_data"]
    assert len(displays) == 1
    assert "text/plain" in displays[0]["content"]["data"]
