"""The kernel in Jupyter's other tools: `jupyter run` and papermill.

`jupyter run --kernel=cnnlab prog.cnn` starts the kernel with the program's name after the
connection file and sends the program as one cell. papermill injects parameters as Python
assignments (`--language python`, since the kernelspec's language is `cnnlab`), which the
language reads as written, dicts included.
"""
import subprocess
import sys
from pathlib import Path

import nbformat

VENV_BIN = Path(sys.executable).parent


def test_jupyter_run_executes_a_program(tmp_path):
    program = tmp_path / "prog.cnn"
    program.write_text(
        'import numpy as np\n'
        'x = np.array([[3, 0, 1], [1, 5, 8]])\n'
        'print(x.shape, np.argmax(x), {"loss": [0.5, 0.25]}["loss"][-1])\n'
        'print(mean(x > 2))\n')
    result = subprocess.run([str(VENV_BIN / "jupyter"), "run", "--kernel=cnnlab", str(program)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "(2, 3) 5 0.25\n0.5\n" in result.stdout


def test_papermill_injects_parameters_including_a_dict(tmp_path):
    source = tmp_path / "in.ipynb"
    target = tmp_path / "out.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "cnnlab", "display_name": "CNN Lab", "language": "cnnlab"}
    parameters = nbformat.v4.new_code_cell('filters = 4\nconfig = {"kernel": 3}\nname = "default"')
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [parameters, nbformat.v4.new_code_cell(
        'layer = Conv2D(filters, config["kernel"], padding=config.get("padding", "valid"))\n'
        'y = layer(zeros((8, 8, 1)))\n'
        'print(name, y.shape, sorted(config.keys()), config.get("flag"))')]
    nbformat.write(nb, source)
    result = subprocess.run(
        [str(VENV_BIN / "papermill"), str(source), str(target), "-k", "cnnlab", "--language", "python",
         "-p", "filters", "2", "-p", "name", "run one",
         "-y", "config: {kernel: 5, padding: same, flag: true}"],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    out = nbformat.read(target, as_version=4)
    text = "".join(o.get("text", "") for cell in out.cells for o in cell.get("outputs", []))
    assert "run one (8, 8, 2) ['flag', 'kernel', 'padding'] True\n" in text, text
