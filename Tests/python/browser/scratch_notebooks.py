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


def write_figure_check_notebook(path):
    """A Python-kernel notebook whose outputs imitate CNN Lab's figures: one good, and one for
    each fault the figure checks must report (a PNG not shown, a table of uneven cells, a title
    under its picture, a vector without numbers, probabilities without percentages)."""
    good = base64.b64encode(png_bytes(16, 12, lambda x, y: (x * 16, y * 20, 0))).decode()
    img = f'<img src="data:image/png;base64,{good}" width="16" height="12"/>'
    table = ('<table class="cnnlab-table" style="table-layout:fixed;border-collapse:collapse">'
             '<tr><td style="width:{0}px;min-width:{0}px;max-width:{0}px;padding:0">1</td>'
             '<td style="width:{1}px;min-width:{1}px;max-width:{1}px;padding:0">22</td></tr></table>')
    outputs = [
        # 0: good: title above a picture and a table of even cells.
        ('<div class="cnnlab-figure"><div class="cnnlab-title">good</div>'
         f'<div class="cnnlab-parts">{img}{table.format(30, 30)}</div></div>'),
        # 1: uneven cells.
        table.format(20, 60),
        # 2: the title under the picture.
        f'<div class="cnnlab-figure"><div class="cnnlab-parts">{img}</div><div class="cnnlab-title">late</div></div>',
        # 3: a vector whose values are empty.
        '<table class="cnnlab-bars"><tr><td class="cnnlab-value"></td></tr></table>',
        # 4: probabilities without percentages.
        '<table class="cnnlab-probabilities"><tr><td>cat</td><td>0.5</td></tr></table>',
    ]
    display = "from IPython.display import display\ndisplay({data!r}, raw=True)"
    cells = [("code", display.format(data={"text/html": html, "text/plain": "figure"})) for html in outputs]
    # 5: a PNG the HTML form does not show.
    cells.append(("code", display.format(data={"image/png": good, "text/html": "<b>no picture</b>",
                                               "text/plain": "png"})))
    return write_notebook(path, PYTHON_KERNELSPEC, cells)
