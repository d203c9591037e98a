"""The scripts the browser test runs inside JupyterLab's page.

Each asynchronous script takes the notebook's path first and Selenium's callback last, and
answers an object; `{error: ...}` says what the page showed instead of what was awaited. They
reach JupyterLab through `window.jupyterapp` (the server runs with `expose_app_in_browser`) and
poll its state, so nothing waits a fixed time.
"""

# Shared prelude: finds the notebook's panel among the main area's widgets by its path, so a
# tab left from an earlier notebook can never be mistaken for it.
_FIND_PANEL = """
const sleep = ms => new Promise(r => setTimeout(r, ms));
const frame = () => new Promise(r => requestAnimationFrame(r));
const findPanel = (app, path) =>
  Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === path);
const kernelOf = panel => panel.sessionContext.session && panel.sessionContext.session.kernel;
"""

# Resolves once the notebook is open, its kernel connected and idle.
OPEN = _FIND_PANEL + """
const [path, timeoutMs, done] = arguments;
(async () => {
  const deadline = Date.now() + timeoutMs;
  let step = 'waiting for JupyterLab to start';
  const until = async (what, test) => {
    step = what;
    while (!test()) {
      if (Date.now() > deadline) {
        const dialog = document.querySelector('.jp-Dialog');
        throw new Error('timed out ' + step +
          (dialog ? '; a dialog is open: ' + dialog.innerText.trim() : ''));
      }
      await sleep(100);
    }
  };
  await until('waiting for JupyterLab to start', () => window.jupyterapp);
  const app = window.jupyterapp;
  await app.restored;
  let panel = null;
  await until('waiting for ' + path + ' to open', () => {
    panel = findPanel(app, path);
    return panel && panel.sessionContext;
  });
  app.shell.activateById(panel.id);
  // The file browser would only narrow the notebook in the screenshot.
  if (!app.shell.leftCollapsed) app.shell.collapseLeft();
  await panel.context.ready;
  await until('waiting for the kernel of ' + path + ' to start', () => {
    const kernel = kernelOf(panel);
    return kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
  });
  return {kernel: panel.sessionContext.kernelDisplayName};
})().then(done, e => done({error: String(e.message || e)}));
"""

# Runs every cell through the command behind Run > Run All Cells, then waits until the
# command has finished, no prompt shows `[*]` and the kernel is idle.
RUN_ALL = _FIND_PANEL + """
const [path, timeoutMs, done] = arguments;
(async () => {
  const app = window.jupyterapp;
  const panel = findPanel(app, path);
  app.shell.activateById(panel.id);
  const deadline = Date.now() + timeoutMs;
  let finished = false;
  app.commands.execute('notebook:run-all-cells').finally(() => { finished = true; });
  const running = () => panel.content.widgets
    .filter(cell => cell.model.type === 'code' && cell.promptNode &&
                    cell.promptNode.innerText.includes('*'))
    .map(cell => cell.model.sharedModel.getSource().split('\\n')[0]);
  const busy = () => {
    const kernel = kernelOf(panel);
    return !finished || !kernel || kernel.status !== 'idle' || running().length > 0;
  };
  while (busy()) {
    if (Date.now() > deadline) {
      const kernel = kernelOf(panel);
      throw new Error('not finished after ' + timeoutMs / 1000 + ' s; kernel ' +
        (kernel ? kernel.status : 'gone') + '; cells still queued or running: ' +
        JSON.stringify(running()));
    }
    await sleep(100);
  }
  return {};
})().then(done, e => done({error: String(e.message || e)}));
"""

# Reads every code cell as rendered: its prompt, source and outputs. Each output pairs what the
# DOM shows (MIME type, text, the images that decoded in it) with the model's output type, which
# tells an error from a stderr stream (JupyterLab renders both as the same MIME type), and
# whether the kernel sent a PNG. Images are awaited until they have decoded or failed to.
# CNN Lab's figures are measured too: the widths of every value table's cells, where a title
# stands against its picture, and the texts of vectors' values and probabilities.
REPORT = _FIND_PANEL + """
const [path, done] = arguments;
(async () => {
  const panel = findPanel(window.jupyterapp, path);
  const cells = [];
  for (const [index, cell] of panel.content.widgets.entries()) {
    if (cell.model.type !== 'code') continue;
    const children = Array.from(cell.node.querySelectorAll('.jp-OutputArea-child'));
    const outputs = [];
    for (const [i, child] of children.entries()) {
      const shown = child.querySelector('.jp-OutputArea-output');
      const model = i < cell.model.outputs.length ? cell.model.outputs.get(i).toJSON() : {};
      let decoded = 0;
      for (const img of child.querySelectorAll('img')) {
        try { await img.decode(); } catch (e) { continue; }
        if (img.naturalWidth > 0 && img.getBoundingClientRect().width > 0) decoded += 1;
      }
      const rect = el => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
      const titles = Array.from(child.querySelectorAll('.cnnlab-figure')).map(figure => {
        const title = figure.querySelector(':scope > .cnnlab-title');
        const parts = figure.querySelector(':scope > .cnnlab-parts');
        return {title: title ? title.innerText : null, titleBox: title ? rect(title) : null,
                partsBox: parts ? rect(parts) : null};
      });
      outputs.push({
        kind: model.output_type === 'stream' ? 'stream ' + model.name : (model.output_type || ''),
        mime: shown ? shown.getAttribute('data-mime-type') || '' : '',
        text: shown ? (shown.innerText || '').slice(0, 2000) : '',
        hasPNG: Boolean(model.data && model.data['image/png']),
        decodedImages: decoded,
        tableWidths: Array.from(child.querySelectorAll('table.cnnlab-table')).map(table =>
          Array.from(table.querySelectorAll('td')).map(td => td.getBoundingClientRect().width)),
        titles: titles,
        vectorValues: Array.from(child.querySelectorAll('table.cnnlab-bars')).map(table =>
          Array.from(table.querySelectorAll('td.cnnlab-value')).map(td => td.innerText.trim())),
        probabilities: Array.from(child.querySelectorAll('table.cnnlab-probabilities')).map(table =>
          Array.from(table.querySelectorAll('tr')).map(tr => tr.innerText.trim())),
      });
    }
    const images = [];
    for (const img of cell.node.querySelectorAll('.jp-OutputArea-output img')) {
      let decodeError = null;
      try { await img.decode(); } catch (e) { decodeError = String(e.message || e); }
      const box = img.getBoundingClientRect();
      images.push({
        complete: img.complete, naturalWidth: img.naturalWidth,
        naturalHeight: img.naturalHeight, width: box.width, height: box.height,
        decodeError: decodeError, src: (img.getAttribute('src') || '').slice(0, 40),
      });
    }
    cells.push({
      index: index, prompt: cell.promptNode ? cell.promptNode.innerText.trim() : '',
      source: cell.model.sharedModel.getSource(), outputs: outputs, images: images,
    });
  }
  return {cells: cells};
})().then(done, e => done({error: String(e.message || e)}));
"""

# The window height at which the whole notebook is visible at once. JupyterLab scrolls the
# notebook inside the page, so a page-level full screenshot would not show it.
CONTENT_HEIGHT = _FIND_PANEL + """
const [path] = arguments;
const outer = findPanel(window.jupyterapp, path).node.querySelector('.jp-WindowedPanel-outer');
return window.innerHeight - outer.clientHeight + outer.scrollHeight;
"""

# Run All leaves the notebook scrolled to its last cell: after the relayout a viewport change
# causes, scroll back to the top and let two frames paint.
SCROLL_TO_TOP = _FIND_PANEL + """
const [path, done] = arguments;
(async () => {
  const panel = findPanel(window.jupyterapp, path);
  await frame();
  panel.node.querySelector('.jp-WindowedPanel-outer').scrollTop = 0;
  await frame();
  await frame();
})().then(() => done({}), e => done({error: String(e.message || e)}));
"""

# Scrolls the outputs of the first cell whose source contains the given text to the top of the
# notebook; answers whether there was one.
SCROLL_TO_CELL = _FIND_PANEL + """
const [path, fragment, done] = arguments;
(async () => {
  const panel = findPanel(window.jupyterapp, path);
  const cell = panel.content.widgets.find(c => c.model.sharedModel.getSource().includes(fragment));
  if (!cell) return {found: false};
  // From just above the cell's outputs, so they fill the window.
  const outer = panel.node.querySelector('.jp-WindowedPanel-outer');
  const start = cell.node.querySelector('.jp-OutputArea') || cell.node;
  outer.scrollTop += start.getBoundingClientRect().top - 30 - outer.getBoundingClientRect().top;
  await frame();
  await frame();
  return {found: true};
})().then(done, e => done({error: String(e.message || e)}));
"""

# Saves the notebook, outputs included, through File > Save.
SAVE = _FIND_PANEL + """
const [path, done] = arguments;
(async () => {
  const panel = findPanel(window.jupyterapp, path);
  await panel.context.save();
  return {};
})().then(done, e => done({error: String(e.message || e)}));
"""

# Scrolls the first cell with an image in its output to the top of the notebook; answers
# whether there was one.
SCROLL_TO_FIRST_IMAGE = _FIND_PANEL + """
const [path, done] = arguments;
(async () => {
  const panel = findPanel(window.jupyterapp, path);
  const img = panel.node.querySelector('.jp-OutputArea-output img');
  if (!img) return {found: false};
  const cell = img.closest('.jp-Cell');
  const outer = panel.node.querySelector('.jp-WindowedPanel-outer');
  outer.scrollTop += cell.getBoundingClientRect().top - outer.getBoundingClientRect().top;
  await frame();
  await frame();
  return {found: true};
})().then(done, e => done({error: String(e.message || e)}));
"""
