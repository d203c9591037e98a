"""Headless Chromium driving JupyterLab: open a notebook, run all cells, read what rendered.

Waiting and reading happen in page scripts that poll JupyterLab's own state (the app object
JupyterLab exposes with `expose_app_in_browser`), so there are no fixed sleeps; the checks
themselves read the DOM, which is what a learner sees.
"""
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WINDOW = (1400, 1000)
# A screenshot taller than this is cut (Chromium cannot capture much more in one piece).
MAX_SCREENSHOT_HEIGHT = 16000

# Resolves once the notebook at `path` is open, its kernel connected and idle; rejects with
# what the page shows instead (a dialog, a dead kernel) when `timeoutMs` runs out.
OPEN_SCRIPT = """
const [path, timeoutMs, done] = arguments;
const sleep = ms => new Promise(r => setTimeout(r, ms));
(async () => {
  const deadline = Date.now() + timeoutMs;
  const state = {step: 'waiting for JupyterLab to start'};
  const describe = () => {
    const dialog = document.querySelector('.jp-Dialog');
    return state.step + (dialog ? '; a dialog is open: ' + dialog.innerText.trim() : '');
  };
  const until = async (step, test) => {
    state.step = step;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(describe());
      await sleep(100);
    }
  };
  await until('waiting for JupyterLab to start', () => window.jupyterapp);
  const app = window.jupyterapp;
  await app.restored;
  let panel = null;
  await until('waiting for ' + path + ' to open', () => {
    panel = Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === path);
    return panel && panel.sessionContext;
  });
  app.shell.activateById(panel.id);
  if (!app.shell.leftCollapsed) app.shell.collapseLeft();
  await panel.context.ready;
  await until('waiting for the kernel of ' + path + ' to start', () => {
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    return kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
  });
  return {kernel: panel.sessionContext.kernelDisplayName};
})().then(done, e => done({error: String(e.message || e)}));
"""

# Runs every cell through the same command as Run > Run All Cells, then waits until no cell
# is queued or running and the kernel is idle again.
RUN_ALL_SCRIPT = """
const [path, timeoutMs, done] = arguments;
const sleep = ms => new Promise(r => setTimeout(r, ms));
(async () => {
  const app = window.jupyterapp;
  const panel = Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === path);
  app.shell.activateById(panel.id);
  const deadline = Date.now() + timeoutMs;
  let finished = false;
  app.commands.execute('notebook:run-all-cells').finally(() => { finished = true; });
  const running = () => Array.from(panel.node.querySelectorAll('.jp-CodeCell'))
    .filter(c => (c.querySelector('.jp-InputArea-prompt') || {innerText: ''}).innerText.includes('*'))
    .map(c => (c.querySelector('.cm-content') || {innerText: ''}).innerText.split('\\n')[0]);
  const busy = () => {
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    return !finished || !kernel || kernel.status !== 'idle' || running().length > 0;
  };
  while (busy()) {
    if (Date.now() > deadline) {
      const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
      throw new Error('not finished after ' + timeoutMs / 1000 + ' s; kernel ' +
        (kernel ? kernel.status : 'gone') + '; cells still queued or running: ' +
        JSON.stringify(running()));
    }
    await sleep(100);
  }
  return {};
})().then(done, e => done({error: String(e.message || e)}));
"""

# Reads every code cell as rendered: prompt, source, outputs (with their MIME type) and
# images, after waiting for each image to finish decoding.
REPORT_SCRIPT = """
const [path, done] = arguments;
(async () => {
  const app = window.jupyterapp;
  const panel = Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === path);
  const cells = Array.from(panel.node.querySelectorAll('.jp-Notebook .jp-Cell'));
  const result = [];
  for (const [index, cell] of cells.entries()) {
    if (!cell.classList.contains('jp-CodeCell')) continue;
    const prompt = cell.querySelector('.jp-InputArea-prompt');
    const editor = cell.querySelector('.jp-InputArea-editor .cm-content');
    const outputs = Array.from(cell.querySelectorAll('.jp-OutputArea-output')).map(o => ({
      mime: o.getAttribute('data-mime-type') || '',
      text: (o.innerText || '').slice(0, 2000),
    }));
    const images = [];
    for (const img of cell.querySelectorAll('.jp-OutputArea-output img')) {
      let decodeError = null;
      try { await img.decode(); } catch (e) { decodeError = String(e.message || e); }
      const box = img.getBoundingClientRect();
      images.push({
        complete: img.complete, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
        width: box.width, height: box.height, decodeError: decodeError,
        src: (img.getAttribute('src') || '').slice(0, 40),
      });
    }
    result.push({
      index: index, prompt: prompt ? prompt.innerText.trim() : '',
      source: editor ? editor.innerText : '', outputs: outputs, images: images,
    });
  }
  return {cells: result};
})().then(done, e => done({error: String(e.message || e)}));
"""

# Height the window needs so the whole notebook is visible at once (JupyterLab scrolls the
# notebook inside the page, so a page-level full screenshot would not show it).
CONTENT_HEIGHT_SCRIPT = """
const [path] = arguments;
const app = window.jupyterapp;
const panel = Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === path);
const outer = panel.node.querySelector('.jp-WindowedPanel-outer');
return window.innerHeight - outer.clientHeight + outer.scrollHeight;
"""

SCROLL_TOP_SCRIPT = """
const [path, done] = arguments;
const frame = () => new Promise(r => requestAnimationFrame(r));
(async () => {
  const app = window.jupyterapp;
  const panel = Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === path);
  await frame();
  panel.node.querySelector('.jp-WindowedPanel-outer').scrollTop = 0;
  await frame();
  await frame();
})().then(() => done(null), () => done(null));
"""

# What JupyterLab marks error output with: tracebacks and stderr streams share this type.
ERROR_MIME = "application/vnd.jupyter.stderr"


class BrowserError(AssertionError):
    """The page did not reach the state a step waited for; the message says what it showed."""


@dataclass
class Image:
    complete: bool
    naturalWidth: int
    naturalHeight: int
    width: float
    height: float
    decodeError: str | None
    src: str

    @property
    def decoded(self):
        return (self.complete and self.decodeError is None
                and self.naturalWidth > 0 and self.naturalHeight > 0
                and self.width > 0 and self.height > 0)


@dataclass
class Cell:
    """A code cell as rendered; `index` counts every cell, markdown included, from 0."""
    index: int
    prompt: str
    source: str
    outputs: list = field(default_factory=list)
    images: list = field(default_factory=list)

    @property
    def execution_count(self):
        digits = self.prompt.strip("[]: ")
        return int(digits) if digits.isdigit() else None

    @property
    def errors(self):
        return [o["text"] for o in self.outputs if o["mime"] == ERROR_MIME]

    def describe(self):
        first_line = self.source.strip().splitlines()[0] if self.source.strip() else ""
        return f"cell {self.index} {self.prompt or '[ ]:'} `{first_line}`"


def chromium_driver(window=WINDOW):
    """Debian's Chromium through Debian's chromedriver, so Selenium never downloads a browser."""
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not Path(binary).exists():
            raise BrowserError(
                f"{binary} is missing; install Debian's chromium and chromium-driver "
                "(scripts/install-system-deps.sh does)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", f"--window-size={window[0]},{window[1]}"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


class NotebookPage:
    """One notebook opened in JupyterLab in `driver`."""

    def __init__(self, driver, lab, path, open_timeout=60, run_timeout=180):
        self.driver = driver
        self.lab = lab
        self.path = path
        self.open_timeout = open_timeout
        self.run_timeout = run_timeout

    def _call(self, script, *args, step, timeout):
        # The page script gives up first, so its message (what it was waiting for) wins.
        self.driver.set_script_timeout(timeout + 10)
        try:
            result = self.driver.execute_async_script(script, *args)
        except (TimeoutException, WebDriverException) as error:
            raise BrowserError(f"{step}: {error.msg}\nserver log:\n{self.lab.log_tail()}")
        if result is None or "error" in result:
            detail = result["error"] if result else "no answer from the page"
            raise BrowserError(f"{step}: {detail}\nserver log:\n{self.lab.log_tail()}")
        return result

    def open(self):
        # `reset` starts from an empty workspace, so tabs of an earlier notebook never count.
        self.driver.get(self.lab.notebook_url(self.path) + "&reset")
        return self._call(OPEN_SCRIPT, self.path, self.open_timeout * 1000,
                          step=f"opening {self.path}", timeout=self.open_timeout)

    def run_all(self):
        self._call(RUN_ALL_SCRIPT, self.path, self.run_timeout * 1000,
                   step=f"running all cells of {self.path}", timeout=self.run_timeout)

    def cells(self):
        report = self._call(REPORT_SCRIPT, self.path, step=f"reading {self.path}",
                            timeout=self.open_timeout)
        return [Cell(index=c["index"], prompt=c["prompt"], source=c["source"],
                     outputs=c["outputs"], images=[Image(**i) for i in c["images"]])
                for c in report["cells"]]

    def screenshot(self, destination):
        """Saves the whole notebook in one picture by making the viewport as tall as it.

        The viewport is emulated (DevTools) rather than the window resized, because headless
        Chromium keeps a window within its virtual screen.
        """
        destination = Path(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        width = self.driver.execute_script("return window.innerWidth;")
        height = self.driver.execute_script(CONTENT_HEIGHT_SCRIPT, self.path)
        height = max(WINDOW[1], min(int(height), MAX_SCREENSHOT_HEIGHT))
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        try:
            # Run All leaves the notebook scrolled to its last cell. After the relayout the
            # resize causes, scroll to the top and let two animation frames paint it.
            self.driver.execute_async_script(SCROLL_TOP_SCRIPT, self.path)
            partial = destination.with_suffix(".partial.png")
            if not self.driver.save_screenshot(str(partial)):
                raise BrowserError(f"Chromium did not save a screenshot to {destination}")
            shutil.move(partial, destination)
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        return destination
