"""Training through the kernel, as a learner runs it: compile, fit on real Fashion-MNIST,
the live view updated in place, and the stop button during fit."""
import base64
import time

import numpy as np
import pytest

from conftest import result_text, run_cell

LENET = """
model = Sequential([Conv2D(6, 5, padding="same", activation="relu", input_shape=(28, 28, 1)),
                    MaxPooling2D(2), Conv2D(16, 5, activation="relu"), MaxPooling2D(2),
                    Flatten(), Dense(120, activation="relu"), Dense(84, activation="relu"),
                    Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
"""


def ok(kc, code, timeout=60):
    content, outputs = run_cell(kc, code, timeout=timeout)
    assert content["status"] == "ok", content.get("evalue", content)
    return outputs


def test_lenet_learns_fashion_mnist_well_above_chance(kernel):
    """4,000 training images for two epochs, judged on 1,000 held-out test images. Chance is
    0.10; a binomial draw of 1,000 at p = 0.1 exceeds 0.15 with probability below 1e-6, so
    0.70 cannot be reached by luck, while the net reaches about 0.78 here."""
    _, kc = kernel
    ok(kc, "(x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()")
    ok(kc, "x = x_train[:4000] / 255\ny = y_train[:4000]\nxt = x_test[:1000] / 255\nyt = y_test[:1000]")
    ok(kc, LENET)
    start = time.monotonic()
    ok(kc, "history = model.fit(x, y, epochs=2, batch_size=32, verbose=0)", timeout=120)
    elapsed = time.monotonic() - start
    outputs = ok(kc, "model.evaluate(xt, yt, verbose=0)")
    loss, accuracy = [float(v) for v in result_text(outputs).strip("[]").split(",")]
    assert accuracy > 0.70, f"test accuracy {accuracy} after two epochs on 4,000 images"
    assert loss < 0.9
    losses = result_text(ok(kc, 'history.history["loss"]'))
    first, second = [float(v) for v in losses.strip("[]").split(",")]
    assert second < first, losses
    assert elapsed < 60, f"two epochs of 4,000 images took {elapsed:.1f} s"


def test_fit_updates_one_progress_line_and_one_chart_in_place(kernel):
    _, kc = kernel
    ok(kc, "(x_train, y_train), _ = fashion_mnist.load_data()\nx = x_train[:6000] / 255\ny = y_train[:6000]")
    ok(kc, LENET)
    content, messages = run_cell(kc, "history = model.fit(x, y, epochs=2, validation_split=0.1, show_filters=True)", timeout=120)
    assert content["status"] == "ok"
    opened = [m for m in messages if m["msg_type"] == "display_data"]
    updates = [m for m in messages if m["msg_type"] == "update_display_data"]
    # One text output and one chart output, each opened once and then replaced.
    assert len(opened) == 2, [m["content"]["transient"] for m in opened]
    ids = {m["content"]["transient"]["display_id"] for m in opened}
    assert {m["content"]["transient"]["display_id"] for m in updates} <= ids
    charts = [m["content"]["data"]["image/png"] for m in opened + updates if "image/png" in m["content"]["data"]]
    assert len(set(charts)) >= 3, "the chart should be redrawn as training goes"
    for png in set(charts):
        assert base64.b64decode(png)[:8] == b"\x89PNG\r\n\x1a\n"
    texts = [m["content"]["data"]["text/plain"] for m in opened + updates if "image/png" not in m["content"]["data"]]
    final = texts[-1]
    assert "Epoch 1/2" in final and "Epoch 2/2" in final
    # Keras's finished line: steps, the bar, the time, and the metrics in Keras's order.
    last = final.splitlines()[-1]
    assert last.startswith("\x1b[1m169/169\x1b[0m ")
    assert "━" * 20 in last.replace("\x1b[0m", "").replace("\x1b[32m", "")
    for key in ("accuracy", "loss", "val_accuracy", "val_loss"):
        assert f" - {key}: " in last
    assert last.index(" - accuracy:") < last.index(" - loss:") < last.index(" - val_accuracy:")
    # The final chart carries the filters beside it in HTML.
    assert "<img" in [m for m in opened + updates if "text/html" in m["content"]["data"]][-1]["content"]["data"]["text/html"]
    history = result_text(ok(kc, "history.history"))
    for key in ("'loss'", "'accuracy'", "'val_loss'", "'val_accuracy'"):
        assert key in history


def test_interrupt_during_fit_keeps_the_last_completed_step(kernel):
    km, kc = kernel
    ok(kc, "(x_train, y_train), _ = fashion_mnist.load_data()\nx = x_train[:3200] / 255\ny = y_train[:3200]")
    ok(kc, LENET + "start = model.get_weights()")
    msg_id = kc.execute("model.fit(x, y, epochs=50, batch_size=32, shuffle=False)")
    # Wait for some progress to be drawn, then press stop.
    deadline = time.monotonic() + 60
    updates = 0
    while updates < 5 and time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "update_display_data":
            updates += 1
    start = time.monotonic()
    km.interrupt_kernel()
    while True:
        reply = kc.get_shell_msg(timeout=10)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    elapsed = time.monotonic() - start
    assert elapsed < 0.1, f"the interrupt took {elapsed * 1000:.0f} ms"
    content = reply["content"]
    assert content["ename"] == "KeyboardInterrupt"
    text = content["evalue"]
    assert "training stopped at epoch" in text
    epoch, step = text.split("epoch ")[1].split("/")[0], text.split("after step ")[1].split("/")[0]
    epoch, step = int(epoch), int(step)
    # The same model trained for exactly the completed steps, one batch at a time, has the same weights.
    ok(kc, LENET.replace("model", "twin") + "twin.set_weights(start)")
    ok(kc, f"""
if {epoch} > 1:
    twin.fit(x, y, epochs={epoch - 1}, batch_size=32, shuffle=False, verbose=0)
for k in range({step}):
    twin.train_on_batch(x[k * 32:(k + 1) * 32], y[k * 32:(k + 1) * 32])
""", timeout=120)
    outputs = ok(kc, "[float(max(abs(a - b))) for a, b in zip(model.get_weights(), twin.get_weights())]")
    differences = [float(v) for v in result_text(outputs).strip("[]").split(",")]
    assert max(differences) <= 1e-6, differences
    # The history holds the completed epochs, and the next cell runs.
    assert result_text(ok(kc, "len(model.history.epoch)")) == str(epoch - 1)
    assert result_text(ok(kc, "1 + 1")) == "2"


@pytest.mark.parametrize("code, ename, fragment", [
    ("m = Sequential([Dense(10, activation='softmax', input_shape=(4,))])\nm.fit(zeros((8, 4)), zeros(8))",
     "TypeError", "needs the model compiled first"),
    ("m = Sequential([Dense(10, activation='softmax', input_shape=(4,))])\nm.compile(optimizer='adamm', loss='sparse_categorical_crossentropy')",
     "ValueError", "did you mean 'adam'?"),
    ("m = Sequential([Dense(10, activation='softmax', input_shape=(4,))])\nm.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\nm.fit(zeros((8, 4)), zeros((8, 10)))",
     "ValueError", "use loss=\"categorical_crossentropy\""),
    ("m = Sequential([Dense(10, activation='softmax', input_shape=(4,))])\nm.compile(optimizer='adam', loss='categorical_crossentropy')\nm.fit(zeros((8, 4)), zeros(8))",
     "ValueError", "use loss=\"sparse_categorical_crossentropy\""),
    ("m = Sequential([Dense(1, input_shape=(4,))])\nm.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\nm.fit(zeros((8, 4)), arange(8))",
     "ShapeError", "end with Dense(8, activation=\"softmax\")"),
    ("m = Sequential([Dense(10, activation='softmax', input_shape=(4,))])\nm.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\nm.fit(zeros((8, 4)), zeros(7))",
     "ValueError", "x has 8 samples but y has 7 labels"),
    ("m = Sequential([Dense(10, activation='softmax', input_shape=(4,))])\nm.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\nm.fit(zeros((8, 4)), zeros(8), batch_size=0)",
     "ValueError", "batch_size"),
])
def test_bad_input_is_refused_before_any_step(kernel, code, ename, fragment):
    _, kc = kernel
    content, _ = run_cell(kc, code)
    assert content["status"] == "error"
    assert content["ename"] == ename, content["evalue"]
    assert fragment in content["evalue"], content["evalue"]


def test_weights_saved_as_npz_are_read_by_numpy_and_loaded_back(kernel, tmp_path):
    _, kc = kernel
    path = tmp_path / "lenet.weights.npz"
    ok(kc, LENET + f'model.save_weights("{path}")')
    with np.load(path) as saved:
        names = list(saved.keys())
        assert names[:2] == ["conv2d/0", "conv2d/1"]
        assert saved["conv2d/0"].shape == (5, 5, 1, 6) and saved["conv2d/1"].shape == (6,)
        assert len(names) == 10
        kernel_values = saved["conv2d/0"]
    # Glorot's limit for the first layer: sqrt(6 / (25 + 150)).
    assert np.abs(kernel_values).max() <= np.sqrt(6 / 175) + 1e-7
    outputs = ok(kc, LENET.replace("model", "twin") + f'twin.load_weights("{path}")\n'
                 "[float(max(abs(a - b))) for a, b in zip(model.get_weights(), twin.get_weights())]")
    assert max(float(v) for v in result_text(outputs).strip("[]").split(",")) == 0
    content, _ = run_cell(kc, f'Sequential([Dense(3, input_shape=(4,))]).load_weights("{path}")')
    assert content["ename"] == "ValueError" and "saved from another model" in content["evalue"]
