"""End to end in a real browser: JupyterLab serving a notebook, headless Chromium running it.

`test_notebook_runs_cleanly_in_jupyterlab` opens a notebook in JupyterLab, runs all cells the
way Run > Run All Cells does, and asserts that every code cell ran, that no error
output appeared, and that every `<img>` in the outputs decoded to a non-zero size. It keeps a
screenshot of the whole notebook in `artifacts/` at the repository root, and one of a window's
view from the first cell that shows an image (`*-first-image.png`), the kind a README shows.

Which notebook it runs:
- when chapter 5 exists, its instructor version `notebooks/solutions/05-edge-detection.ipynb`
  (saved as `artifacts/chapter5.png`), which must render at least `CHAPTER_MIN_IMAGES` images.
  Not the student version `notebooks/05-edge-detection.ipynb`: its homework check cells fail
  by design until answered, and Run All aborts the cells queued behind the first of them;
- otherwise a built-in smoke notebook (a print, an expression, a `show`) that needs no images
  (saved as `artifacts/browser-smoke.png`).
Pointing the test at another chapter is a change of `CHAPTER_NOTEBOOK` and `CHAPTER_MIN_IMAGES`.

The other tests plant faults and assert that the same checks report them: a CNN Lab cell
raising a `NameError`; through the Python kernel, so as not to depend on what CNN Lab can
display, an image that does not decode; and cells whose prompts show they did not run.

Needs Debian's `chromium` and `chromium-driver` (scripts/install-system-deps.sh) and the CNN Lab
kernelspec installed in the venv (`make kernel`).
"""
import shutil
from pathlib import Path

import pytest

from browser import scratch_notebooks
from browser.lab_page import NotebookPage, chromium_driver
from browser.lab_server import LabServer
from browser.notebook_checks import (error_problems, execution_problems, image_count,
                                     notebook_problems)
from browser.rendered_cell import RenderedCell

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
CHAPTER_NOTEBOOK = "solutions/05-edge-detection.ipynb"
# The chapter calls show/show_filters eleven times on images, filters and feature maps; the
# margin allows for a small filter being shown as a table rather than a picture.
CHAPTER_MIN_IMAGES = 8


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a scratch copy of the notebooks, so autosave never edits the repo's."""
    root = tmp_path_factory.mktemp("lab-root")
    chapters = REPO / "notebooks"
    if chapters.is_dir():
        # The whole folder, so a chapter finds files it opens by relative path.
        shutil.copytree(chapters, root / "notebooks")
    scratch_notebooks.write_smoke_notebook(root / "smoke.ipynb")
    scratch_notebooks.write_failing_notebook(root / "failing.ipynb")
    scratch_notebooks.write_image_check_notebook(root / "image-check.ipynb")
    with LabServer(root, tmp_path_factory.mktemp("lab-state")) as server:
        # Without it JupyterLab would sit on its "Select Kernel" dialog until a timeout.
        if "cnnlab" not in server.api("GET", "/api/kernelspecs")["kernelspecs"]:
            pytest.fail("JupyterLab does not list the cnnlab kernel: run `make kernel` first")
        yield server


@pytest.fixture(scope="module")
def driver():
    browser = chromium_driver()
    try:
        yield browser
    finally:
        browser.quit()


def run_notebook(driver, lab, path, screenshot):
    """Opens `path`, runs all cells, saves the screenshot, and returns the rendered cells."""
    page = NotebookPage(driver, lab, path)
    page.open()
    page.run_all()
    cells = page.cells()
    # Before any assertion, so a failing run still leaves its pictures behind.
    page.screenshot(ARTIFACTS / screenshot)
    page.screenshot_first_image(ARTIFACTS / screenshot.replace(".png", "-first-image.png"))
    return cells


def target_notebook():
    """(path in the server's root, minimum images, screenshot name) for the main test."""
    if (REPO / "notebooks" / CHAPTER_NOTEBOOK).is_file():
        return f"notebooks/{CHAPTER_NOTEBOOK}", CHAPTER_MIN_IMAGES, "chapter5.png"
    return "smoke.ipynb", 0, "browser-smoke.png"


def test_notebook_runs_cleanly_in_jupyterlab(lab, driver):
    path, min_images, screenshot = target_notebook()
    cells = run_notebook(driver, lab, path, screenshot)
    problems = notebook_problems(cells, min_images)
    assert not problems, f"{path} in JupyterLab (screenshot artifacts/{screenshot}):\n" + \
        "\n".join(problems)


def test_harness_reports_an_error_output(lab, driver):
    cells = run_notebook(driver, lab, "failing.ipynb", "browser-error-check.png")
    errors = error_problems(cells)
    assert len(errors) == 1, errors
    assert errors[0].startswith("cell 1 [2]: `undefined_name` shows error output:"), errors[0]
    assert "NameError" in errors[0] and "undefined_name" in errors[0], errors[0]
    assert errors[0] in notebook_problems(cells, 0)


def test_harness_reports_cells_that_did_not_run():
    # The kernel decides how many queued cells an error aborts, so the browser cannot plant
    # this fault reliably; the check is exercised on cells as JupyterLab shows them instead.
    def cell(index, prompt):
        return RenderedCell(index=index, prompt=prompt, source=f"x{index} = {index}")

    assert execution_problems([cell(0, "[1]:"), cell(2, "[2]:"), cell(3, "[5]:")]) == []
    skipped = [cell(0, "[1]:"), cell(1, "[ ]:"), cell(2, "[2]:")]
    assert execution_problems(skipped) == ["cell 1 [ ]: `x1 = 1` did not run (no execution count)"]
    # An aborted request is answered with the current count, so its prompt repeats it.
    aborted = [cell(0, "[1]:"), cell(1, "[2]:"), cell(2, "[2]:"), cell(3, "[1]:")]
    assert execution_problems(aborted) == [
        "cell 2 [2]: `x2 = 2` did not run (its count follows [2]:)",
        "cell 3 [1]: `x3 = 3` did not run (its count follows [2]:)",
    ]
    assert notebook_problems([], 0) == ["the notebook shows no code cells"]


def test_harness_reports_an_undecoded_image(lab, driver):
    cells = run_notebook(driver, lab, "image-check.ipynb", "browser-image-check.png")
    assert image_count(cells) == 1, [cell.images for cell in cells]
    good = cells[0].images[0]
    assert (good.naturalWidth, good.naturalHeight) == (32, 24)
    problems = notebook_problems(cells, 2)
    broken = [p for p in problems if "image 1 did not render" in p]
    assert len(broken) == 1 and broken[0].startswith("cell 1 [2]:"), problems
    assert "1 decoded image(s) rendered, expected at least 2" in problems, problems
    assert any(p.startswith("cell 2 [3]: `undefined_name` shows error output") for p in problems)
