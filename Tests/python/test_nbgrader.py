"""An nbgrader round trip over the chapter notebooks, through the installed CNN Lab kernel.

In a scratch course directory: generate the student version from notebooks/solutions/,
hand in one correct submission (every exercise answered as in the solutions) and one wrong
submission (chapter 5 with a wrong filter in exercise 1), autograde both, and read the
scores from the gradebook: full marks for the correct one, exactly the wrong exercise's
points fewer for the other.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from notebook_files import GENERATOR, SOLUTION_NOTEBOOKS, is_exercise, nbgrader_meta

ASSIGNMENT = "cnnlab"
WRONG_NOTEBOOK = "05-edge-detection"
WRONG_EXERCISE = "ch5-ex1"
WRONG_ANSWER = 'my_horizontal = None\nmy_horizontal = filter("vertical_edge")'
WRONG_CHECK = "ch5-ex1-check"


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_student_notebooks", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generator = load_generator()


def nbgrader(course: Path, *args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course,
                            env=generator.nbgrader_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def solutions_by_grade_id(source_dir: Path) -> dict[str, str]:
    """Each exercise's answer as a learner would type it: the solution without markers."""
    answers = {}
    for path in source_dir.glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if is_exercise(cell):
                lines = [line for line in cell.source.splitlines()
                         if "BEGIN SOLUTION" not in line and "END SOLUTION" not in line]
                answers[nbgrader_meta(cell)["grade_id"]] = "\n".join(lines)
    return answers


def submit(course: Path, student: str, names: list[str], answers: dict[str, str]) -> None:
    """Copy released notebooks into submitted/<student>/ with exercise cells filled in."""
    release = course / "release" / ASSIGNMENT
    target = course / "submitted" / student / ASSIGNMENT
    target.mkdir(parents=True)
    for name in names:
        nb = nbformat.read(release / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            grade_id = nbgrader_meta(cell).get("grade_id")
            if is_exercise(cell) and grade_id in answers:
                cell.source = answers[grade_id]
        nbformat.write(nb, target / f"{name}.ipynb")


def points(course: Path, notebook: str, student: str) -> tuple[float, float]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="cnnlab") as gb:
        submitted = gb.find_submission_notebook(notebook, ASSIGNMENT, student)
        return submitted.score, submitted.max_score


def check_points(source: Path, grade_id: str) -> float:
    for cell in nbformat.read(source, as_version=4).cells:
        if nbgrader_meta(cell).get("grade_id") == grade_id:
            return float(nbgrader_meta(cell)["points"])
    raise AssertionError(f"no cell {grade_id} in {source.name}")


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory):
    course = generator.make_course(tmp_path_factory.mktemp("course"))
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")

    answers = solutions_by_grade_id(course / "source" / ASSIGNMENT)
    names = [p.stem for p in SOLUTION_NOTEBOOKS]
    submit(course, "correct", names, answers)
    submit(course, "wrong", [WRONG_NOTEBOOK], answers | {WRONG_EXERCISE: WRONG_ANSWER})

    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    return course


@pytest.mark.parametrize("name", [p.stem for p in SOLUTION_NOTEBOOKS])
def test_correct_submission_gets_full_marks(graded_course, name):
    score, max_score = points(graded_course, name, "correct")
    assert max_score > 0
    assert score == max_score


def test_wrong_submission_loses_exactly_the_wrong_exercise(graded_course):
    score, max_score = points(graded_course, WRONG_NOTEBOOK, "wrong")
    lost = check_points(graded_course / "source" / ASSIGNMENT / f"{WRONG_NOTEBOOK}.ipynb",
                        WRONG_CHECK)
    assert score < max_score
    assert score == max_score - lost


def test_released_notebooks_match_the_committed_student_notebooks(graded_course):
    release = graded_course / "release" / ASSIGNMENT
    for path in SOLUTION_NOTEBOOKS:
        committed = path.parent.parent / path.name
        assert (release / path.name).read_text(encoding="utf-8") == \
            committed.read_text(encoding="utf-8"), f"regenerate notebooks/{path.name}"
