"""Headless Chromium driving JupyterLab: open a notebook, run all cells, read what rendered."""
import shutil
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service

from . import page_scripts
from .rendered_cell import RenderedCell

# Debian's browser and driver: with both paths given, Selenium never tries to download one.
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WINDOW = (1400, 1000)
# A screenshot taller than this is cut (Chromium cannot capture much more in one piece).
MAX_SCREENSHOT_HEIGHT = 16000


class BrowserError(AssertionError):
    """The page did not reach the state a step waited for; the message says what it showed."""


def chromium_driver():
    """A headless Chromium session sized like a laptop screen."""
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not Path(binary).exists():
            raise BrowserError(
                f"{binary} is missing; install Debian's chromium and chromium-driver "
                "(scripts/install-system-deps.sh does)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", f"--window-size={WINDOW[0]},{WINDOW[1]}"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


class NotebookPage:
    """One notebook of `lab` (a LabServer) opened in `driver`."""

    def __init__(self, driver, lab, path, open_timeout=60, run_timeout=180):
        self.driver = driver
        self.lab = lab
        self.path = path
        self.open_timeout = open_timeout
        self.run_timeout = run_timeout

    def open(self):
        # `reset` starts from an empty workspace, so no tab of an earlier notebook lingers.
        self.driver.get(self.lab.notebook_url(self.path) + "&reset")
        return self._call(page_scripts.OPEN, self.path, self.open_timeout * 1000,
                          step=f"opening {self.path}", timeout=self.open_timeout)

    def run_all(self):
        self._call(page_scripts.RUN_ALL, self.path, self.run_timeout * 1000,
                   step=f"running all cells of {self.path}", timeout=self.run_timeout)

    def cells(self):
        report = self._call(page_scripts.REPORT, self.path, step=f"reading {self.path}",
                            timeout=self.open_timeout)
        return [RenderedCell.from_page(cell) for cell in report["cells"]]

    def screenshot(self, destination):
        """Saves the whole notebook in one picture by making the viewport as tall as it.

        The viewport is emulated through DevTools rather than the window resized, because
        headless Chromium keeps a window within its virtual screen.
        """
        destination = Path(destination)
        width = self.driver.execute_script("return window.innerWidth;")
        height = self.driver.execute_script(page_scripts.CONTENT_HEIGHT, self.path)
        height = max(WINDOW[1], min(int(height), MAX_SCREENSHOT_HEIGHT))
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        try:
            self._call(page_scripts.SCROLL_TO_TOP, self.path, step="scrolling to the top",
                       timeout=self.open_timeout)
            return self._save_screenshot(destination)
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def screenshot_first_image(self, destination):
        """Saves one window's view starting at the first cell that shows an image, the
        picture of a chapter a README wants; returns None when no cell shows one."""
        found = self._call(page_scripts.SCROLL_TO_FIRST_IMAGE, self.path,
                           step="scrolling to the first image", timeout=self.open_timeout)
        destination = Path(destination)
        if not found["found"]:
            # A picture from an earlier run would pass for this one's.
            destination.unlink(missing_ok=True)
            return None
        return self._save_screenshot(destination)

    def screenshot_cell(self, destination, fragment, height=WINDOW[1]):
        """Saves a view `height` px tall starting at the outputs of the first cell whose source
        contains `fragment`; returns None when no cell does."""
        width = self.driver.execute_script("return window.innerWidth;")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        try:
            found = self._call(page_scripts.SCROLL_TO_CELL, self.path, fragment,
                               step=f"scrolling to the cell with {fragment!r}", timeout=self.open_timeout)
            destination = Path(destination)
            if not found["found"]:
                destination.unlink(missing_ok=True)
                return None
            return self._save_screenshot(destination)
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def save(self):
        """Saves the notebook with its outputs, as File > Save does."""
        self._call(page_scripts.SAVE, self.path, step=f"saving {self.path}", timeout=self.open_timeout)

    def _save_screenshot(self, destination):
        destination.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and moved, so a half-written file never passes for the artifact.
        partial = destination.with_suffix(".partial.png")
        if not self.driver.save_screenshot(str(partial)):
            raise BrowserError(f"Chromium did not save a screenshot to {destination}")
        shutil.move(partial, destination)
        return destination

    def _call(self, script, *args, step, timeout):
        # The page script gives up first, so its message (what it was waiting for) wins.
        self.driver.set_script_timeout(timeout + 10)
        try:
            result = self.driver.execute_async_script(script, *args)
        except (TimeoutException, WebDriverException) as error:
            raise BrowserError(f"{step}: {error.msg}\nserver log:\n{self.lab.log_tail()}")
        if not isinstance(result, dict) or "error" in result:
            detail = result["error"] if isinstance(result, dict) else "no answer from the page"
            raise BrowserError(f"{step}: {detail}\nserver log:\n{self.lab.log_tail()}")
        return result
