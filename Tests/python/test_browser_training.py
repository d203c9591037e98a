"""`fit` in JupyterLab under headless Chromium: the progress line and the chart are redrawn in
place while training runs (one output each, not one per update), and the final ones remain.

Uses the machinery of test_browser.py (the same JupyterLab server and browser).
"""
from browser.lab_page import NotebookPage
from browser.scratch_notebooks import CNNLAB_KERNELSPEC, write_notebook
from test_browser import ARTIFACTS, driver, lab  # noqa: F401 -- pytest fixtures

FIT = 'history = model.fit(x, y, epochs=3, batch_size=32, validation_split=0.1, show_filters=True)'

# Starts Run All and, until the kernel is idle again, samples the fit cell's outputs every
# 50 ms: the distinct chart pictures seen while it runs, and the most outputs it ever had.
WATCH_FIT = """
const [path, source, timeoutMs, done] = arguments;
const sleep = ms => new Promise(r => setTimeout(r, ms));
(async () => {
  const app = window.jupyterapp;
  const panel = Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === path);
  app.shell.activateById(panel.id);
  const cell = panel.content.widgets.find(c => c.model.sharedModel.getSource().startsWith(source));
  const kernel = () => panel.sessionContext.session && panel.sessionContext.session.kernel;
  let finished = false;
  app.commands.execute('notebook:run-all-cells').finally(() => { finished = true; });
  const charts = new Set();
  let mostOutputs = 0;
  let samplesWhileRunning = 0;
  const deadline = Date.now() + timeoutMs;
  while (!finished || !kernel() || kernel().status !== 'idle' || cell.promptNode.innerText.includes('*')) {
    if (Date.now() > deadline) throw new Error('fit did not finish in ' + timeoutMs / 1000 + ' s');
    if (cell.promptNode.innerText.includes('*')) {
      samplesWhileRunning += 1;
      const outputs = cell.outputArea.node.querySelectorAll('.jp-OutputArea-child');
      mostOutputs = Math.max(mostOutputs, outputs.length);
      for (const img of cell.outputArea.node.querySelectorAll('img')) {
        if (img.getAttribute('alt') !== "first layer's filters") charts.add(img.src);
      }
    }
    await sleep(50);
  }
  const final = cell.outputArea.node;
  return {
    charts: charts.size, mostOutputs, samplesWhileRunning,
    finalOutputs: final.querySelectorAll('.jp-OutputArea-child').length,
    finalImages: Array.from(final.querySelectorAll('img')).filter(i => i.complete && i.naturalWidth > 0).length,
    finalText: final.innerText,
    widgetImages: final.querySelectorAll('.widget-image').length,
  };
})().then(done, e => done({error: String(e.message || e)}));
"""


def test_fit_redraws_its_progress_and_chart_in_place(lab, driver):  # noqa: F811
    write_notebook(lab.root_dir / "live-fit.ipynb", CNNLAB_KERNELSPEC, [
        ("code", "(x_train, y_train), _ = fashion_mnist.load_data()\nx = x_train[:6000] / 255\ny = y_train[:6000]"),
        ("code", 'model = Sequential([Conv2D(6, 5, padding="same", activation="relu", input_shape=(28, 28, 1)),\n'
                 '                    MaxPooling2D(2), Conv2D(16, 5, activation="relu"), MaxPooling2D(2),\n'
                 '                    Flatten(), Dense(120, activation="relu"), Dense(84, activation="relu"),\n'
                 '                    Dense(10, activation="softmax")])\n'
                 'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])'),
        ("code", FIT),
    ])
    page = NotebookPage(driver, lab, "live-fit.ipynb")
    page.open()
    seen = page._call(WATCH_FIT, "live-fit.ipynb", FIT, 170_000, step="watching fit", timeout=180)
    page.screenshot(ARTIFACTS / "live-fit.png")
    assert seen["samplesWhileRunning"] > 10, seen
    # At least three different charts were shown while training ran...
    assert seen["charts"] >= 3, seen
    # ...always in the same two outputs (the progress text and the chart), never one per update.
    assert seen["mostOutputs"] <= 2 and seen["finalOutputs"] == 2, seen
    # The final chart and filters stay, and so do the epochs' final progress lines.
    assert seen["finalImages"] >= 2, seen
    # JupyterLab draws widgets, so the chart and the filters are Image widgets swapped in place.
    assert seen["widgetImages"] == 2, seen
    for line in ("Epoch 1/3", "Epoch 3/3", "169/169", "val_accuracy"):
        assert line in seen["finalText"], seen["finalText"]
