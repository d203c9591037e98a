"""End to end in a real browser: JupyterLab serving a notebook, headless Chromium running it.

`test_chapter_runs_cleanly_in_jupyterlab` opens each chapter's instructor notebook in
JupyterLab, runs all cells the way Run > Run All Cells does, and asserts what a learner must
see: every code cell ran, no error output appeared, every `<img>` decoded, every output the
kernel sent a PNG for shows a decoded picture, the value cells of each table have one width
(measured in the DOM), each title stands above its picture, vectors show their numbers and
probabilities their percentages. Then it saves the notebook with its outputs and converts it
with `jupyter nbconvert --to html`: the HTML must hold a picture for every PNG output.

Screenshots are kept in `artifacts/` at the repository root (ignored by git): the whole
notebook (`chapterN.png`) and one window's view from its first image
(`chapterN-first-image.png`); for chapter 5 also the 10 | 0 cell (`chapter5-ten-zero.png`),
the picture README shows as docs/images/chapter5.png.

The instructor versions (`notebooks/solutions/`), not the student versions: a student's
homework check cells fail by design until answered, and Run All stops at the first of them.
Without the chapters the test runs a built-in smoke notebook instead.

The other tests plant faults and assert that the same checks report them: a CNN Lab cell
raising a `NameError`; through the Python kernel, so as not to depend on what CNN Lab can
display, an image that does not decode and figures with each fault the figure checks know;
and cells whose prompts show they did not run.

Needs Debian's `chromium` and `chromium-driver` (scripts/install-system-deps.sh) and the CNN Lab
kernelspec installed in the venv (`make kernel`).
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from browser import scratch_notebooks
from browser.lab_page import NotebookPage, chromium_driver
from browser.lab_server import LabServer
from browser.notebook_checks import (error_problems, execution_problems, figure_problems,
                                     image_count, notebook_problems)
from browser.rendered_cell import RenderedCell

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
# Each chapter and the fewest pictures it must show (the PNG outputs counted on a good run,
# less a margin for a small tensor shown as a table).
CHAPTERS = {
    "01-cnn-basics": 25,
    "02-stride-padding-pooling": 18,
    "03-convolution-step-by-step": 14,
    "04-classic-architectures": 14,
    "05-edge-detection": 15,
}
# The cell of chapter 5 whose screenshot README shows.
README_CELL = "found = conv2d(ten_zero, k)"


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
    scratch_notebooks.write_figure_check_notebook(root / "figure-check.ipynb")
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


def run_notebook(driver, lab, path, screenshot, readme_cell=None, save=False):
    """Opens `path`, runs all cells, saves the screenshots (and the notebook, when asked), and
    returns the rendered cells."""
    page = NotebookPage(driver, lab, path)
    page.open()
    page.run_all()
    cells = page.cells()
    # Before any assertion, so a failing run still leaves its pictures behind.
    page.screenshot(ARTIFACTS / screenshot)
    page.screenshot_first_image(ARTIFACTS / screenshot.replace(".png", "-first-image.png"))
    if readme_cell:
        # Tall enough for the cell's three figures: the image, the filter and the result.
        page.screenshot_cell(ARTIFACTS / screenshot.replace(".png", "-ten-zero.png"), readme_cell, height=1180)
    if save:
        page.save()
    return cells


def nbconvert_images(notebook):
    """(PNG outputs in the saved notebook, pictures in its `nbconvert --to html` form)."""
    saved = nbformat.read(str(notebook), as_version=4)
    pngs = sum(1 for cell in saved.cells if cell.cell_type == "code"
               for output in cell.outputs if "image/png" in output.get("data", {}))
    html = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter")), "nbconvert", "--to", "html", "--stdout", str(notebook)],
        check=True, capture_output=True, text=True, timeout=120).stdout
    return pngs, len(re.findall(r'<img[^>]*src="data:image/png;base64,', html))


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_chapter_runs_cleanly_in_jupyterlab(lab, driver, chapter):
    path = f"notebooks/solutions/{chapter}.ipynb"
    if not (REPO / path).is_file():
        pytest.skip(f"{path} is not in this checkout")
    screenshot = f"chapter{int(chapter[:2])}.png"
    cells = run_notebook(driver, lab, path, screenshot,
                         readme_cell=README_CELL if chapter.startswith("05") else None, save=True)
    problems = notebook_problems(cells, CHAPTERS[chapter])
    assert not problems, f"{path} in JupyterLab (screenshot artifacts/{screenshot}):\n" + \
        "\n".join(problems)
    pngs, pictures = nbconvert_images(lab.root_dir / path)
    assert pngs >= CHAPTERS[chapter] and pictures >= pngs, \
        f"{path}: {pngs} PNG outputs, {pictures} pictures in nbconvert's HTML"


def test_smoke_notebook_runs_cleanly_in_jupyterlab(lab, driver):
    cells = run_notebook(driver, lab, "smoke.ipynb", "browser-smoke.png")
    problems = notebook_problems(cells, 0)
    assert not problems, "smoke.ipynb in JupyterLab:\n" + "\n".join(problems)


def test_harness_reports_figure_faults(lab, driver):
    cells = run_notebook(driver, lab, "figure-check.ipynb", "browser-figure-check.png")
    problems = figure_problems(cells)
    # One problem for each planted fault (cells 1 to 5), none for the good figure of cell 0.
    assert len(problems) == 5, problems
    assert [p.split(" ")[1] for p in problems] == ["1", "2", "3", "4", "5"], problems
    joined = "\n".join(problems)
    assert "value cells of one table are 20.0 to 60.0 px wide" in joined, problems
    assert "the title 'late' is not above its picture" in joined, problems
    assert "a vector shows [''] instead of its numbers" in joined, problems
    assert "probabilities show" in joined and "without percentages" in joined, problems
    assert "has a PNG but shows no decoded picture" in joined, problems


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
