"""Run All on a student notebook in JupyterLab under headless Chromium: the cells behind the
first failing check show as not run.

A student chapter's first unanswered check fails by design (stop_on_error), and the kernel
answers the requests queued behind it as ipykernel does, `{"status": "aborted"}` without an
execution count. JupyterLab then leaves those cells' prompts empty (`[ ]:`) and their
outputs blank; with a count in the reply it would repeat the failing cell's number, and the
cells would look as if they had run.

Uses the machinery of test_browser.py (Debian's chromium and chromium-driver, the kernelspecs
installed in the venv by `make kernel`).
"""
from pathlib import Path

import nbformat

from browser.lab_page import NotebookPage
from notebook_files import STUDENT_NOTEBOOKS, is_check
# The same JupyterLab server (over a scratch copy of notebooks/) and browser as the chapters'.
from test_browser import driver, lab  # noqa: F401 -- pytest fixtures

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
STUDENT = "05-edge-detection.ipynb"


def first_check_index(path: Path) -> int:
    """The notebook index (markdown included) of the first check cell."""
    cells = nbformat.read(path, as_version=4).cells
    return next(i for i, cell in enumerate(cells) if is_check(cell))


def test_cells_after_the_first_failing_check_show_as_not_run(lab, driver):  # noqa: F811
    path = REPO / "notebooks" / STUDENT
    assert path in STUDENT_NOTEBOOKS
    page = NotebookPage(driver, lab, f"notebooks/{STUDENT}")
    page.open()
    page.run_all()
    cells = page.cells()
    page.screenshot(ARTIFACTS / "student-run-all.png")

    failing = first_check_index(path)
    before = [c for c in cells if c.index < failing]
    [check] = [c for c in cells if c.index == failing]
    after = [c for c in cells if c.index > failing]
    assert before and after

    counts = [c.execution_count for c in before]
    assert None not in counts and counts == sorted(counts) and len(set(counts)) == len(counts), \
        [c.describe() for c in before]
    assert check.execution_count == counts[-1] + 1, check.describe()
    assert check.errors and "AssertionError" in check.errors[0][1], check.describe()

    # Not run: an empty prompt, no output at all (no error box for the aborted request).
    shown = [c.describe() for c in after if c.execution_count is not None or c.outputs]
    assert not shown, "cells behind the failing check look as if they ran:\n" + "\n".join(shown)
