"""IPython habits through the kernel: %time and %timeit print IPython's lines, ?name and
name? page the documentation, exit asks the front end to end (the ask_exit payload)."""
import re

from conftest import result_text, run_cell

# IPython's _format_time: three significant digits and a unit.
DURATION = r"[0-9.]+(?:e[-+]?\d+)? (?:s|ms|µs|ns)"


def stdout_of(outputs):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def test_time_prints_cpu_and_wall_time(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "%time x = conv2d(image('digit9'), filter('sobel_x'))\nprint(x.shape)")
    assert reply["status"] == "ok", reply
    text = stdout_of(outputs)
    assert re.fullmatch(
        rf"CPU times: user {DURATION}, sys: {DURATION}, total: {DURATION}\nWall time: {DURATION}\n\(26, 26\)\n",
        text), text


def test_time_of_an_expression_shows_its_value_as_ipython_does(kernel):
    _, kc = kernel
    times = rf"CPU times: user {DURATION}, sys: {DURATION}, total: {DURATION}\nWall time: {DURATION}\n"
    # 6 · 7 by hand; the times come first, then the value as the cell's result.
    reply, outputs = run_cell(kc, "%time 6 * 7")
    assert reply["status"] == "ok", reply
    assert re.fullmatch(times, stdout_of(outputs)), stdout_of(outputs)
    assert result_text(outputs) == "42"
    # A `;` hides it; an assignment has none; a %%time cell shows its last expression.
    for code, shown in (("%time 6 * 7;", None), ("%time z = 6 * 7", None), ("%%time\nw = 5\nw + 1", "6")):
        reply, outputs = run_cell(kc, code)
        assert reply["status"] == "ok", (code, reply)
        assert re.fullmatch(times, stdout_of(outputs)), (code, stdout_of(outputs))
        assert result_text(outputs) == shown, (code, outputs)
    # An error in the timed expression points at it, and nothing is printed for the times.
    reply, outputs = run_cell(kc, "%time 1 / 0")
    assert reply["status"] == "error" and reply["ename"] == "ValueError", reply
    assert stdout_of(outputs) == ""


def test_timeit_prints_mean_and_spread_per_loop(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "%timeit y = 3 * 4", timeout=60)
    assert reply["status"] == "ok", reply
    text = stdout_of(outputs)
    assert re.fullmatch(
        rf"{DURATION} ± {DURATION} per loop \(mean ± std\. dev\. of 7 runs, [0-9,]+ loops? each\)\n", text), text


def test_question_marks_page_the_documentation(kernel):
    _, kc = kernel
    for code in ("?len", "len?", "import numpy as np\nnp.argmax??"):
        reply, _ = run_cell(kc, code)
        assert reply["status"] == "ok", reply
        pages = [p for p in reply["payload"] if p["source"] == "page"]
        assert pages and ("len(obj)" in pages[0]["data"]["text/plain"]
                          or "argmax(x, axis=None)" in pages[0]["data"]["text/plain"]), reply


def test_exit_sends_ask_exit(kernel):
    _, kc = kernel
    for code in ("exit", "quit()", "x = 1\nexit()"):
        reply, _ = run_cell(kc, code)
        assert reply["status"] == "ok", reply
        assert {"source": "ask_exit", "keepkernel": False} in reply["payload"], (code, reply)
    reply, _ = run_cell(kc, "print(1)")
    assert reply["payload"] == []
