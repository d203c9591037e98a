"""The chapter notebooks, run headless through the installed CNN Lab kernel.

Every notebook in notebooks/ (student versions) and notebooks/solutions/ (instructor
versions) is executed with nbclient against the kernelspec they name, `cnnlab-ko`:

- a solutions notebook must run without a single error output, and its check cells must
  pass as nbgrader sees it: no error, nothing on stderr, no value as the cell's result;
- a student notebook may fail only in its check cells, and each check cell must fail with an
  AssertionError saying the exercise is "not done yet" (no crash, no other error kind);
- each notebook must finish within 60 s, kernel start included.

The static tests at the bottom (format, metadata, homework structure, student versions up to
date) need no kernel.
"""

import functools
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

from notebook_files import (GENERATOR, KERNEL_NAME, NOT_DONE, SOLUTION_NOTEBOOKS,
                            STUDENT_NOTEBOOKS, is_check, is_exercise)

BUDGET_SECONDS = 60
ALL_NOTEBOOKS = STUDENT_NOTEBOOKS + SOLUTION_NOTEBOOKS


def notebook_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@functools.cache
def executed(path: Path):
    """Run the notebook once per test session; return (notebook with outputs, seconds)."""
    try:
        KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except NoSuchKernel:
        pytest.fail(f"kernelspec '{KERNEL_NAME}' is not installed: run `make kernel` first")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, kernel_name=KERNEL_NAME, timeout=BUDGET_SECONDS, startup_timeout=BUDGET_SECONDS,
        allow_errors=True, resources={"metadata": {"path": str(path.parent)}})
    start = time.monotonic()
    client.execute()
    return nb, time.monotonic() - start


def errors(cell) -> list:
    return [o for o in cell.get("outputs", []) if o["output_type"] == "error"]


def stderr_text(cell) -> str:
    return "".join(o["text"] for o in cell.get("outputs", [])
                   if o["output_type"] == "stream" and o["name"] == "stderr")


def describe(cell) -> str:
    first_line = cell["source"].splitlines()[0] if cell["source"] else ""
    found = "; ".join(f"{e['ename']}: {e['evalue']}" for e in errors(cell))
    return f"cell {cell.get('id')} ({first_line!r}): {found or stderr_text(cell)}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=notebook_id)
def test_runs_within_budget(path):
    _, seconds = executed(path)
    assert seconds < BUDGET_SECONDS, f"{notebook_id(path)} took {seconds:.1f} s"


@pytest.mark.parametrize("path", SOLUTION_NOTEBOOKS, ids=notebook_id)
def test_solution_runs_clean_and_passes_every_check(path):
    nb, _ = executed(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code), "every code cell must run"
    broken = [describe(c) for c in code if errors(c) or (is_check(c) and stderr_text(c))]
    assert not broken, "\n".join(broken)
    # nbgrader reads a numeric execute_result of a check cell as partial credit.
    results = [c.id for c in code if is_check(c)
               and any(o["output_type"] == "execute_result" for o in c.outputs)]
    assert not results, f"check cells must not end with a value: {results}"


@pytest.mark.parametrize("path", STUDENT_NOTEBOOKS, ids=notebook_id)
def test_student_checks_report_not_done(path):
    nb, _ = executed(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), "every code cell must run"
    broken = [describe(c) for c in code if not is_check(c) and errors(c)]
    assert not broken, "only check cells may fail:\n" + "\n".join(broken)
    checks = [c for c in code if is_check(c)]
    assert checks, "a chapter has homework"
    for cell in checks:
        found = errors(cell)
        assert len(found) == 1, f"an unanswered exercise must fail its check: {describe(cell)}"
        error = found[0]
        assert error["ename"] == "AssertionError", describe(cell)
        said = error["evalue"] + "\n".join(error.get("traceback", []))
        assert NOT_DONE in said, f"the check must say '{NOT_DONE}': {describe(cell)}"


# ---------------------------------------------------------------- static: no kernel needed

@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=notebook_id)
def test_notebook_format_and_metadata(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) >= (4, 5)
    assert nb.metadata["kernelspec"] == {
        "name": KERNEL_NAME, "display_name": "CNN Lab (한국어)", "language": "cnnlab"}
    assert nb.metadata["language_info"]["name"] == "cnnlab"
    ids = [c.id for c in nb.cells]
    assert len(ids) == len(set(ids)), "cell ids are unique"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, \
                f"outputs are cleared in committed notebooks: {cell.id}"


def test_every_chapter_has_a_student_and_a_solution_notebook():
    assert len(SOLUTION_NOTEBOOKS) == 6
    assert [p.name for p in STUDENT_NOTEBOOKS] == [p.name for p in SOLUTION_NOTEBOOKS]


@pytest.mark.parametrize("path", SOLUTION_NOTEBOOKS, ids=notebook_id)
def test_homework_structure(path):
    """Each exercise pre-assigns its names to None above the solution, and the next check
    cell tests for None first, so the student version reports "not done yet"."""
    nb = nbformat.read(path, as_version=4)
    cells = nb.cells
    exercises = [i for i, c in enumerate(cells) if is_exercise(c)]
    assert exercises, "a chapter has homework"
    for i in exercises:
        lines = cells[i].source.splitlines()
        begin = next(n for n, line in enumerate(lines) if "BEGIN SOLUTION" in line)
        names = [line.split("=")[0].strip() for line in lines[:begin]]
        assert names and all(line.strip().endswith("= None") for line in lines[:begin]), \
            f"{cells[i].id}: assign None above ### BEGIN SOLUTION"
        check = cells[i + 1]
        assert is_check(check), f"{cells[i].id} is followed by its check cell"
        first = check.source.splitlines()[0]
        assert all(f"{name} is not None" in first for name in names), check.id
        assert NOT_DONE in first, check.id
        assert check.metadata["nbgrader"]["points"] > 0


def test_student_notebooks_are_generated_from_the_solutions():
    result = subprocess.run([sys.executable, str(GENERATOR), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, (
        "run scripts/generate_student_notebooks.py\n" + result.stdout + result.stderr)
