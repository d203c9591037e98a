"""The notebooks the browser harness runs when it is not pointed at a chapter."""
import base64
import struct
import zlib

import nbformat

CNNLAB_KERNELSPEC = {"name": "cnnlab", "display_name": "CNN Lab", "language": "cnnlab"}
PYTHON_KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def write_notebook(path, kernelspec, cells):
    """Writes a notebook whose cells are `("code" | "markdown", source)` pairs."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = kernelspec
    for kind, source in cells:
        if kind == "markdown":
            nb.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(source))
    nbformat.write(nb, str(path))
    return path


def write_smoke_notebook(path):
    """CNN Lab cells that work with the language core alone: a print, an expression, a show."""
    return write_notebook(path, CNNLAB_KERNELSPEC, [
        ("markdown", "# Browser smoke test"),
        ("code", 'print("hello")'),
        ("code", "1 + 2"),
        ("code", 'show([1, 2, 3])'),
    ])


def write_failing_notebook(path):
    """A CNN Lab notebook whose second code cell fails, and a third that must then not run."""
    return write_notebook(path, CNNLAB_KERNELSPEC, [
        ("code", 'print("before the error")'),
        ("code", "undefined_name"),
        ("code", 'print("after the error")'),
    ])


def png_bytes(width, height, rgb_of):
    """An 8-bit RGB PNG, written out by hand so the fixture does not depend on the kernel's
    encoder: the harness check below must hold whatever state the kernel is in."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(rgb_of(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def write_image_check_notebook(path):
    """A Python-kernel notebook with one good PNG, one undecodable PNG and one error.

    It proves the harness's image and error checks against the real JupyterLab DOM
    independently of what the CNN Lab kernel can display today.
    """
    good = base64.b64encode(
        png_bytes(32, 24, lambda x, y: (x * 8, y * 10, 128))).decode()
    broken = base64.b64encode(b"\x89PNG\r\n\x1a\nnot really a png").decode()
    display = (
        "from IPython.display import display\n"
        "display({{'image/png': '{data}', 'text/plain': '{label}'}}, raw=True)"
    )
    return write_notebook(path, PYTHON_KERNELSPEC, [
        ("code", display.format(data=good, label="good image")),
        ("code", display.format(data=broken, label="broken image")),
        ("code", "undefined_name"),
    ])
