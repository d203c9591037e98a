#!/usr/bin/env python3
"""Regenerate the student notebooks (notebooks/*.ipynb) from the instructor notebooks.

The instructor notebooks in notebooks/solutions/ are nbgrader source notebooks. This script
copies them into a scratch nbgrader course directory, runs `nbgrader generate_assignment`
with notebooks/nbgrader_config.py, and writes the released notebooks back to notebooks/.

    scripts/generate_student_notebooks.py           # rewrite notebooks/*.ipynb
    scripts/generate_student_notebooks.py --check   # exit 1 if they are out of date

Needs nbgrader (see requirements.txt); it does not need the CNN Lab kernel, because
generating an assignment does not execute the notebooks.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
CONFIG = NOTEBOOKS / "nbgrader_config.py"
ASSIGNMENT = "cnnlab"


def nbgrader_env() -> dict[str, str]:
    """nbgrader runs the `alembic` command by name: put this interpreter's bin first on PATH,
    so a venv works without being activated."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def make_course(root: Path) -> Path:
    """Lay out a scratch course directory holding the instructor notebooks as sources."""
    source = root / "source" / ASSIGNMENT
    source.mkdir(parents=True)
    for notebook in sorted(SOLUTIONS.glob("*.ipynb")):
        shutil.copy(notebook, source / notebook.name)
    shutil.copy(CONFIG, root / "nbgrader_config.py")
    return root


def generate(root: Path) -> dict[str, str]:
    """Run nbgrader in the course directory; return released notebook texts by file name."""
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", ASSIGNMENT, "--force"],
        cwd=root, env=nbgrader_env(), capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"nbgrader generate_assignment failed ({result.returncode})")
    release = root / "release" / ASSIGNMENT
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(release.glob("*.ipynb"))}


def student_notebooks() -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="cnnlab-nbgrader-") as tmp:
        return generate(make_course(Path(tmp)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report whether notebooks/*.ipynb are up to date")
    args = parser.parse_args()

    generated = student_notebooks()
    stale = [name for name, text in generated.items()
             if not (NOTEBOOKS / name).exists()
             or (NOTEBOOKS / name).read_text(encoding="utf-8") != text]
    if args.check:
        for name in stale:
            print(f"out of date: notebooks/{name}")
        return 1 if stale else 0
    for name in stale:
        (NOTEBOOKS / name).write_text(generated[name], encoding="utf-8")
        print(f"wrote notebooks/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
