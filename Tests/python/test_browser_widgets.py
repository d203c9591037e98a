"""Widgets in JupyterLab under headless Chromium: `explore(LeNet5(), image("digit9"))` renders
with JupyterLab's own widget front end (jupyterlab_widgets), and moving its controls redraws it.

The controls are moved through their views' DOM, as a learner moves them: the dropdown's
`<select>` gets a new selection and a `change` event, a slider's noUiSlider is set (the event a
drag fires). The picture is then read back from the `<img>` the page shows, decoded, and compared
with the feature map the kernel computed for that layer and channel (printed by `.tolist()`),
drawn by hand here: gray, black the map's lowest value (or 0 when none is negative), white its
highest. The explanation's last line must give the value at the sliders' position.

`interact(blur, size=(1, 9, 2))` must redraw its output area when the size slider moves.

A reload of the page must restore the widgets from the running kernel (the front end asks
with `request_states`, then falls back to `comm_info` and `request_state`).

Uses the machinery of test_browser.py (the same JupyterLab server and browser).
"""
import ast
import base64
import io
import re

from PIL import Image as PILImage

from browser.lab_page import NotebookPage
from browser.scratch_notebooks import CNNLAB_KERNELSPEC, write_notebook
from test_browser import ARTIFACTS, driver, lab  # noqa: F401 -- pytest fixtures

EXPLORE = 'model = LeNet5()\nexplorer = explore(model, image("digit9"))\nexplorer'

# Shared by the scripts below: the explorer cell, its widget manager and its models by role.
FIND = """
const sleep = ms => new Promise(r => setTimeout(r, ms));
async function explorer(path, source, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let panel = null, cell = null;
  while (true) {
    const app = window.jupyterapp;
    panel = app && Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === path);
    cell = panel && panel.content.widgets.find(c => c.model.sharedModel.getSource().startsWith(source));
    if (cell && panel.sessionContext.session && panel.sessionContext.session.kernel) break;
    if (Date.now() > deadline) throw new Error('the notebook did not open');
    await sleep(100);
  }
  const findRenderer = w => {
    if (w && w._manager && w._manager.promise) return w;
    for (const child of (w && w.widgets) || []) { const found = findRenderer(child); if (found) return found; }
    return null;
  };
  let renderer = null;
  while (!(renderer = findRenderer(cell.outputArea))) {
    if (Date.now() > deadline) throw new Error('no widget view in the explorer cell: ' + cell.outputArea.node.innerText);
    await sleep(100);
  }
  const manager = await renderer._manager.promise;
  const models = {};
  while (true) {
    for (const id of Object.keys(manager._models || {})) {
      const m = await manager._models[id];
      const name = m.get('_model_name');
      const role = name === 'IntSliderModel' ? m.get('description') : name;
      models[role] = m;
    }
    const img = cell.outputArea.node.querySelector('img.widget-image, .widget-image img, img');
    if (models.DropdownModel && models.ImageModel && models.HTMLModel && img && img.complete && img.naturalWidth > 0) {
      return {panel, cell, manager, models, kernel: panel.sessionContext.session.kernel};
    }
    if (Date.now() > deadline) {
      throw new Error('the explorer did not render: ' + cell.outputArea.node.innerText + ' (models: ' +
        Object.keys(manager._models || {}).length + ', roles: ' + Object.keys(models).join(' ') +
        ', restored: ' + manager._restoredStatus + ', img: ' + (img && (img.src + ' ' + img.complete + ' ' + img.naturalWidth)) +
        ', value: ' + (models.ImageModel && JSON.stringify([typeof models.ImageModel.get('value'), (models.ImageModel.get('value') || {}).byteLength, models.ImageModel.get('format')])) + ')');
    }
    await sleep(100);
  }
}
function image(cell) { return cell.outputArea.node.querySelector('img.widget-image, .widget-image img, img'); }
function html(cell) {
  const node = cell.outputArea.node.querySelector('.widget-html-content, .widget-html');
  return node ? node.innerText : '';
}
async function pictureBytes(cell) {
  const blob = await (await fetch(image(cell).src)).blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}
async function waitFor(what, condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await sleep(20);
  }
}
// The learner's own moves, through the views' DOM: the dropdown's <select> and a slider's
// noUiSlider, whose update event is what a drag fires.
function pick(cell, label) {
  const select = cell.outputArea.node.querySelector('.widget-dropdown select');
  select.selectedIndex = Array.from(select.options).findIndex(o => o.textContent === label);
  select.dispatchEvent(new Event('change', {bubbles: true}));
}
function slide(cell, name, value) {
  for (const box of cell.outputArea.node.querySelectorAll('.widget-slider')) {
    const label = box.querySelector('.widget-label');
    if (label && label.innerText.trim() === name) { box.querySelector('.noUi-target').noUiSlider.set(value); return; }
  }
  throw new Error('no slider ' + name);
}
async function run(kernel, code) {
  let text = '';
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  future.onIOPub = msg => {
    if (msg.header.msg_type === 'stream') text += msg.content.text;
    if (msg.header.msg_type === 'error') text += 'ERROR ' + msg.content.ename + ': ' + msg.content.evalue;
  };
  await future.done;
  return text;
}
"""

MOVE_EXPLORER = FIND + """
const [path, source, timeoutMs, done] = arguments;
(async () => {
  const e = await explorer(path, source, timeoutMs);
  const cell = e.cell;
  const pictures = {};
  const labels = e.models.DropdownModel.get('_options_labels');
  pictures.first = await pictureBytes(cell);
  let src = image(cell).src;
  pick(cell, 'c3');
  await waitFor('the c3 picture', () => image(cell).src !== src && image(cell).complete, timeoutMs);
  pictures.c3 = await pictureBytes(cell);
  src = image(cell).src;
  slide(cell, 'channel', 5);
  await waitFor('the channel 5 picture', () => image(cell).src !== src && image(cell).complete, timeoutMs);
  pictures.c3channel5 = await pictureBytes(cell);
  const before = html(cell);
  slide(cell, 'row', 3);
  await waitFor('the row 3 explanation', () => html(cell) !== before, timeoutMs);
  const afterRow = html(cell);
  slide(cell, 'column', 4);
  await waitFor('the column 4 explanation', () => html(cell) !== afterRow, timeoutMs);
  const explanation = html(cell);
  const maps = await run(e.kernel,
    'print(model.get_layer("c1").output[:, :, 0].tolist())\\n' +
    'print(model.get_layer("c3").output[:, :, 0].tolist())\\n' +
    'print(model.get_layer("c3").output[:, :, 5].tolist())');
  return {labels, pictures, explanation, maps, channelMax: e.models.channel.get('max'), rowMax: e.models.row.get('max')};
})().then(done, error => done({error: String(error.message || error)}));
"""

RESTORED = FIND + """
const [path, source, timeoutMs, done] = arguments;
(async () => {
  const e = await explorer(path, source, timeoutMs);
  return {picture: await pictureBytes(e.cell), text: e.cell.outputArea.node.innerText};
})().then(done, error => done({error: String(error.message || error)}));
"""


def expected_levels(values):
    """The gray level of each map cell, worked out here: black is the lowest value (0 when
    none is negative), white the highest."""
    flat = [v for row in values for v in row]
    low = 0.0 if min(flat) >= 0 else min(flat)
    high = max(flat) if max(flat) > low else low + 1
    return [[round(255 * (v - low) / (high - low)) for v in row] for row in values]


def assert_picture_is_map(png_base64, values):
    """The picture's one tile sits 11 px in from the top left (a 10 px margin and a 1 px
    frame) and magnifies each map cell k times; the centre of each cell is compared."""
    picture = PILImage.open(io.BytesIO(base64.b64decode(png_base64))).convert("RGB")
    rows, columns = len(values), len(values[0])
    k = (picture.width - 22) // columns
    assert k >= 1 and picture.width == columns * k + 22, (picture.size, rows, columns)
    expected = expected_levels(values)
    worst = 0
    for i in range(rows):
        for j in range(columns):
            r, g, b = picture.getpixel((11 + j * k + k // 2, 11 + i * k + k // 2))
            assert r == g == b, (i, j, (r, g, b))
            worst = max(worst, abs(r - expected[i][j]))
    assert worst <= 2, f"gray levels differ from the map by up to {worst}"


def ran(lab, driver, name, source):
    """A notebook of the one cell `source`, opened and run in the browser."""
    write_notebook(lab.root_dir / name, CNNLAB_KERNELSPEC, [("code", source)])
    page = NotebookPage(driver, lab, name)
    page.open()
    page.run_all()
    return page


def test_explore_redraws_when_its_controls_move(lab, driver):  # noqa: F811
    page = ran(lab, driver, "explore.ipynb", EXPLORE)
    seen = page._call(MOVE_EXPLORER, "explore.ipynb", EXPLORE, 60_000, step="moving the explorer", timeout=70)
    page.screenshot(ARTIFACTS / "explore.png")
    assert seen["labels"] == ["c1", "s2", "c3", "s4", "c5"], seen["labels"]
    assert "ERROR" not in seen["maps"], seen["maps"]
    c1, c3, c3_5 = [ast.literal_eval(line) for line in seen["maps"].strip().splitlines()]
    pictures = seen["pictures"]
    # Each move changed the picture...
    assert len({pictures["first"], pictures["c3"], pictures["c3channel5"]}) == 3
    # ...to the map of that layer and channel.
    assert_picture_is_map(pictures["first"], c1)
    assert_picture_is_map(pictures["c3"], c3)
    assert_picture_is_map(pictures["c3channel5"], c3_5)
    # c3 is 10x10x16: the sliders follow the layer.
    assert seen["channelMax"] == 15 and seen["rowMax"] == 9, seen
    # The explanation ends with the value at row 3, column 4 of channel 5.
    found = re.search(r"output \[3, 4(, 5)?\][^=]*= (-?[0-9.e+-]+)", seen["explanation"])
    assert found, seen["explanation"]
    assert abs(float(found.group(2)) - c3_5[3][4]) <= 1e-3 * max(1, abs(c3_5[3][4])), (found.group(0), c3_5[3][4])


def test_a_reloaded_page_restores_the_widgets(lab, driver):  # noqa: F811
    page = ran(lab, driver, "explore-reload.ipynb", EXPLORE)
    first = page._call(RESTORED, "explore-reload.ipynb", EXPLORE, 60_000, step="rendering", timeout=70)
    page.save()
    # A plain reload (not `open`, which resets the workspace): the same kernel keeps running.
    driver.refresh()
    restored = page._call(RESTORED, "explore-reload.ipynb", EXPLORE, 60_000, step="restoring after a reload", timeout=70)
    assert "Error displaying widget" not in restored["text"], restored["text"]
    assert restored["picture"] == first["picture"]


INTERACT = ('def blur(size):\n    show(conv2d(image("digit9") / 255, ones((size, size)) / (size * size)))\n'
            'interact(blur, size=(1, 9, 2))')

MOVE_INTERACT = FIND.replace("models.DropdownModel && models.ImageModel && models.HTMLModel && img && img.complete && img.naturalWidth > 0",
                             "models.size && models.OutputModel && img && img.complete && img.naturalWidth > 0") + """
const [path, source, timeoutMs, done] = arguments;
(async () => {
  const e = await explorer(path, source, timeoutMs);
  const cells = () => e.cell.outputArea.node.querySelectorAll('.widget-output td').length;
  const before = {src: image(e.cell).src, cells: cells(), value: e.models.size.get('value')};
  slide(e.cell, 'size', 7);
  await waitFor('the redrawn blur', () => image(e.cell).src !== before.src && image(e.cell).complete, timeoutMs);
  return {before, after: {cells: cells(), value: e.models.size.get('value')}};
})().then(done, error => done({error: String(error.message || error)}));
"""


def test_interact_redraws_when_its_slider_moves(lab, driver):  # noqa: F811
    page = ran(lab, driver, "interact.ipynb", INTERACT)
    seen = page._call(MOVE_INTERACT, "interact.ipynb", "def blur", 60_000, step="moving the size slider", timeout=70)
    page.screenshot(ARTIFACTS / "interact.png")
    # A 5x5 blur of the 28x28 digit is 24x24; a 7x7 one is 22x22 (the value table under the picture).
    assert seen["before"]["value"] == 5 and seen["before"]["cells"] == 24 * 24, seen
    assert seen["after"]["cells"] == 22 * 22, seen
