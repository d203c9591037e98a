"""Where the chapter notebooks live and how their nbgrader cells are recognised.

Shared by test_notebooks.py and test_nbgrader.py.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
STUDENT_NOTEBOOKS = sorted(NOTEBOOKS.glob("*.ipynb"))
SOLUTION_NOTEBOOKS = sorted(SOLUTIONS.glob("*.ipynb"))
GENERATOR = REPO / "scripts" / "generate_student_notebooks.py"
NBGRADER_CONFIG = NOTEBOOKS / "nbgrader_config.py"

# The chapters are Korean and run on the Korean kernelspec: errors and help() in Korean.
KERNEL_NAME = "cnnlab-ko"
# What every check cell says about an exercise that has not been answered yet.
NOT_DONE = "not done yet"


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_check(cell) -> bool:
    """An autograded test cell: graded, not a solution."""
    meta = nbgrader_meta(cell)
    return cell["cell_type"] == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_exercise(cell) -> bool:
    meta = nbgrader_meta(cell)
    return cell["cell_type"] == "code" and bool(meta.get("solution"))
